import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../src/errors/index';
import { LogLevel } from '@microsoft/signalr';
import { resolveOptions } from '../../../src/options/resolve-options';
import type { StartOptions } from '../../../src/options/types';
import { defaultRetryInterval } from '../../../src/retry/default-retry-interval';

describe('resolveOptions defaults and shapes', () => {
  it('gives Blazor 9/10 defaults with no options', () => {
    const resolved = resolveOptions(undefined);
    expect(resolved.logLevel).toBe(LogLevel.Warning);
    expect(resolved.circuitHandshake).toBe(true);
    expect(resolved.circuitHandlers).toEqual([]);
    expect(resolved.reconnectionHandler).toBeUndefined();
    expect(resolved.reconnectionOptions).toEqual({
      maxRetries: 92,
      retryIntervalMilliseconds: defaultRetryInterval,
      dialogId: 'components-reconnect-modal',
      dialogDelayMilliseconds: 500,
      messages: {},
      preserveInput: true,
      coordinateTabs: true,
    });
  });

  it('accepts the Blazor Server shape and the Web App { circuit } shape alike', () => {
    const server = resolveOptions({ reconnectionOptions: { maxRetries: 3, retryIntervalMilliseconds: 2000 } });
    const web = resolveOptions({ circuit: { reconnectionOptions: { maxRetries: 3, retryIntervalMilliseconds: 2000 } } });
    expect(web).toEqual(server);
    expect(server.reconnectionOptions.maxRetries).toBe(3);
    expect(server.reconnectionOptions.retryIntervalMilliseconds).toBe(2000);
    expect(server.reconnectionOptions.dialogId).toBe('components-reconnect-modal');
  });

  it('ignores Web App keys beside circuit (ssr, webAssembly)', () => {
    const resolved = resolveOptions({ circuit: { logLevel: LogLevel.Error }, ssr: { disableDomPreservation: true } });
    expect(resolved.logLevel).toBe(LogLevel.Error);
  });

  it('an explicit maxRetries: undefined means unbounded; other explicit undefineds keep defaults', () => {
    const resolved = resolveOptions({ reconnectionOptions: { maxRetries: undefined, dialogId: undefined } });
    expect(resolved.reconnectionOptions.maxRetries).toBeUndefined();
    expect(resolved.reconnectionOptions.dialogId).toBe('components-reconnect-modal');
  });

  it('keeps Array.prototype.at.bind([...]) as the retry function', () => {
    const at = Array.prototype.at.bind([0, 1000, 2000]) as (n: number) => number | undefined;
    expect(resolveOptions({ reconnectionOptions: { retryIntervalMilliseconds: at } }).reconnectionOptions.retryIntervalMilliseconds).toBe(at);
  });

  it('treats null sections as absent, and keeps handlers as given', () => {
    const resolved = resolveOptions({ reconnectionOptions: null, reconnectionHandler: null, circuitHandlers: null, circuit: null } as never);
    expect(resolved.reconnectionOptions).toEqual(resolveOptions(undefined).reconnectionOptions);
    expect(resolved.reconnectionHandler).toBeUndefined();
    expect(resolved.circuitHandlers).toEqual([]);
    class Handler {
      readonly events: string[] = [];
      onConnectionDown(): void {
        this.events.push('down');
      }
      onConnectionUp(): void {
        this.events.push('up');
      }
    }
    const handler = new Handler();
    const circuitHandler = { onCircuitOpened: () => undefined };
    const custom = resolveOptions({ reconnectionHandler: handler, circuitHandlers: [circuitHandler, {}] });
    expect(custom.reconnectionHandler).toBe(handler);
    expect(custom.circuitHandlers[0]).toBe(circuitHandler);
    expect(custom.circuitHandlers).toHaveLength(2);
  });

  it('copies the messages, keeping unset keys out', () => {
    const messages = { failed: 'Gone.' };
    const resolved = resolveOptions({ reconnectionOptions: { messages } }).reconnectionOptions;
    expect(resolved.messages).toEqual({ failed: 'Gone.' });
    expect(resolved.messages).not.toBe(messages);
  });

  it('does not share default objects between calls', () => {
    const a = resolveOptions(undefined);
    a.reconnectionOptions.maxRetries = 1;
    expect(resolveOptions(undefined).reconnectionOptions.maxRetries).toBe(92);
  });
});

describe('resolveOptions validation', () => {
  const cases: [string, unknown, string][] = [
    ['negative maxRetries', { reconnectionOptions: { maxRetries: -1 } }, 'reconnectionOptions.maxRetries must be a non-negative integer (got -1)'],
    ['fractional maxRetries', { reconnectionOptions: { maxRetries: 1.5 } }, 'reconnectionOptions.maxRetries must be a non-negative integer (got 1.5)'],
    ['string maxRetries', { reconnectionOptions: { maxRetries: '3' } }, 'reconnectionOptions.maxRetries must be a non-negative integer (got "3")'],
    ['negative interval', { reconnectionOptions: { retryIntervalMilliseconds: -5 } }, 'reconnectionOptions.retryIntervalMilliseconds must be a finite number ≥ 0 or a function (got -5)'],
    ['NaN interval', { reconnectionOptions: { retryIntervalMilliseconds: Number.NaN } }, 'reconnectionOptions.retryIntervalMilliseconds must be a finite number ≥ 0 or a function (got NaN)'],
    ['string interval', { reconnectionOptions: { retryIntervalMilliseconds: '2000' } }, 'reconnectionOptions.retryIntervalMilliseconds must be a finite number ≥ 0 or a function (got "2000")'],
    ['handler missing onConnectionUp', { reconnectionHandler: { onConnectionDown: () => undefined } }, 'reconnectionHandler.onConnectionUp must be a function (got undefined)'],
    ['handler missing onConnectionDown', { reconnectionHandler: { onConnectionUp: () => undefined } }, 'reconnectionHandler.onConnectionDown must be a function (got undefined)'],
    ['non-function configureSignalR', { configureSignalR: '/signalr' }, 'configureSignalR must be a function (got "/signalr")'],
    ['bad log level', { logLevel: 9 }, 'logLevel must be a LogLevel from 0 to 6 (got 9)'],
    ['bad circuitHandshake', { circuitHandshake: 'no' }, 'circuitHandshake must be a boolean (got "no")'],
    ['bad coordinateTabs', { reconnectionOptions: { coordinateTabs: 'off' } }, 'reconnectionOptions.coordinateTabs must be a boolean (got "off")'],
    ['bad preserveInput', { reconnectionOptions: { preserveInput: 'no' } }, 'reconnectionOptions.preserveInput must be a boolean (got "no")'],
    ['bad dialogId', { reconnectionOptions: { dialogId: '' } }, 'reconnectionOptions.dialogId must be a non-empty string (got "")'],
    ['bad dialog delay', { reconnectionOptions: { dialogDelayMilliseconds: -1 } }, 'reconnectionOptions.dialogDelayMilliseconds must be a finite number ≥ 0 (got -1)'],
    ['bad message value', { reconnectionOptions: { messages: { failed: 3 } } }, 'reconnectionOptions.messages.failed must be a string or a function (got 3)'],
    ['circuitHandlers not an array', { circuitHandlers: {} }, 'circuitHandlers must be an array (got {})'],
    ['circuit handler with a bad callback', { circuitHandlers: [{ onCircuitOpened: 1 }] }, 'circuitHandlers[0].onCircuitOpened must be a function (got 1)'],
    ['options not an object', 'fast', 'options must be an object (got "fast")'],
    ['options as an array', [], 'options must be an object (got [])'],
    ['circuit not an object', { circuit: 5 }, 'circuit must be an object (got 5)'],
    ['reconnectionOptions not an object', { reconnectionOptions: 'fast' }, 'reconnectionOptions must be an object (got "fast")'],
    ['null where a value is required', { reconnectionOptions: { dialogId: null } }, 'reconnectionOptions.dialogId must be a non-empty string (got null)'],
    ['null maxRetries', { reconnectionOptions: { maxRetries: null } }, 'reconnectionOptions.maxRetries must be a non-negative integer (got null)'],
    ['null configureSignalR', { configureSignalR: null }, 'configureSignalR must be a function (got null)'],
    ['a circuit handler that is not an object', { circuitHandlers: [() => undefined] }, 'circuitHandlers[0] must be an object (got a function)'],
    ['a null circuit handler callback', { circuitHandlers: [{ onCircuitClosed: null }] }, 'circuitHandlers[0].onCircuitClosed must be a function (got null)'],
    ['a handler that is not an object', { reconnectionHandler: 'h' }, 'reconnectionHandler must be an object (got "h")'],
    ['a circuit handler that is an array', { circuitHandlers: [[]] }, 'circuitHandlers[0] must be an object (got [])'],
    ['a fractional log level', { logLevel: 2.5 }, 'logLevel must be a LogLevel from 0 to 6 (got 2.5)'],
    ['an Infinity dialog delay', { reconnectionOptions: { dialogDelayMilliseconds: Infinity } }, 'reconnectionOptions.dialogDelayMilliseconds must be a finite number ≥ 0 (got Infinity)'],
    ['a blank dialogId', { reconnectionOptions: { dialogId: '  ' } }, 'reconnectionOptions.dialogId must be a non-empty string (got "  ")'],
    ['an onUnauthorized that is not a function', { reconnectionOptions: { onUnauthorized: '/signin' } }, 'reconnectionOptions.onUnauthorized must be a function (got "/signin")'],

  ];

  it.each(cases)('rejects %s with a message naming the option and the value', (_name, options, message) => {
    let caught: unknown;
    try {
      resolveOptions(options as StartOptions);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidOptionError);
    expect((caught as Error).message).toBe(message);
  });

  it('names the circuit. prefix in the Web App shape', () => {
    expect(() => resolveOptions({ circuit: { reconnectionOptions: { maxRetries: -1 } } })).toThrow(
      'circuit.reconnectionOptions.maxRetries must be a non-negative integer (got -1)',
    );
  });
});
