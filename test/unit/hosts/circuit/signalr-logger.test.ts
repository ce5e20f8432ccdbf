import { LogLevel } from '@microsoft/signalr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSignalRLogger } from '../../../../src/hosts/circuit/signalr-logger';

const GOING_AWAY = "Connection disconnected with error 'Error: WebSocket closed with status code: 1001 (no reason given).'.";

afterEach(() => {
  vi.restoreAllMocks();
});

function spies() {
  return {
    error: vi.spyOn(console, 'error').mockImplementation(() => undefined),
    warn: vi.spyOn(console, 'warn').mockImplementation(() => undefined),
    info: vi.spyOn(console, 'info').mockImplementation(() => undefined),
    log: vi.spyOn(console, 'log').mockImplementation(() => undefined),
  };
}

describe('createSignalRLogger', () => {
  it('writes SignalR’s lines at SignalR’s levels, from the minimum level up', () => {
    const console = spies();
    const logger = createSignalRLogger(LogLevel.Information);
    logger.log(LogLevel.Debug, 'hidden');
    logger.log(LogLevel.Information, 'info');
    logger.log(LogLevel.Warning, 'warning');
    logger.log(LogLevel.Critical, 'critical');
    expect(console.log).not.toHaveBeenCalled();
    expect(console.info).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^\[\d{4}-.+Z\] Information: info$/));
    expect(console.warn).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/\] Warning: warning$/));
    expect(console.error).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/\] Critical: critical$/));
  });

  it('reports a WebSocket closed with 1001 (Firefox, at a navigation’s start) at Information, not Error', () => {
    const console = spies();
    createSignalRLogger(LogLevel.Warning).log(LogLevel.Error, GOING_AWAY);
    expect(console.error).not.toHaveBeenCalled();
    createSignalRLogger(LogLevel.Information).log(LogLevel.Error, GOING_AWAY);
    expect(console.info).toHaveBeenCalledExactlyOnceWith(expect.stringContaining(`Information: ${GOING_AWAY}`));
    createSignalRLogger(LogLevel.Warning).log(LogLevel.Error, GOING_AWAY.replace('1001', '1006'));
    expect(console.error).toHaveBeenCalledOnce();
  });

  it('writes nothing at LogLevel.None', () => {
    const console = spies();
    createSignalRLogger(LogLevel.None).log(LogLevel.Critical, 'critical');
    expect(console.error).not.toHaveBeenCalled();
  });
});
