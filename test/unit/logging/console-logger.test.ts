import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogLevel } from '@microsoft/signalr';
import { createConsoleLogger } from '../../../src/logging/logger';

describe('createConsoleLogger', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes at or above its level through the matching console method, prefixed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const logger = createConsoleLogger(LogLevel.Warning);
    const cause = new Error('down');
    logger.log(LogLevel.Information, 'not shown');
    logger.log(LogLevel.Warning, 'Lost the connection.');
    logger.log(LogLevel.Critical, 'Gave up.', cause);
    expect(info).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('[circuit-reconnect] Lost the connection.');
    expect(error).toHaveBeenCalledWith('[circuit-reconnect] Gave up.', cause);
  });

  it('writes nothing at LogLevel.None, and Trace and Debug through console.debug', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logger = createConsoleLogger(LogLevel.Trace);
    logger.log(LogLevel.Trace, 'a');
    logger.log(LogLevel.Debug, 'b');
    logger.log(LogLevel.None, 'c');
    expect(debug.mock.calls).toEqual([['[circuit-reconnect] a'], ['[circuit-reconnect] b']]);
    expect(error).not.toHaveBeenCalled();
  });
});
