import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../src/errors/index';
import { resolveOptions } from '../../../src/options/resolve-options';
import type { StartOptions } from '../../../src/options/types';

/** The error `resolveOptions` throws for `options`, or undefined when it accepts them. */
function refusal(options: unknown): InvalidOptionError | undefined {
  try {
    resolveOptions(options as StartOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOptionError);
    return error as InvalidOptionError;
  }
  return undefined;
}

const CIRCUIT_KEYS = 'configureSignalR, logLevel, circuitHandshake, reconnectionOptions, reconnectionHandler, circuitHandlers';
const RECONNECTION_KEYS = 'maxRetries, retryIntervalMilliseconds, dialogId, dialogDelayMilliseconds, messages, onUnauthorized, preserveInput, coordinateTabs';

describe('resolveOptions refuses unknown keys at every level', () => {
  const cases: [string, unknown, string][] = [
    [
      'a misspelt section at the top (Blazor Server shape)',
      { reconectionOptions: { maxRetries: 3 } },
      "Unknown option 'reconectionOptions' (did you mean 'reconnectionOptions'?)",
    ],
    ['a misspelt circuit', { circut: { logLevel: 1 } }, "Unknown option 'circut' (did you mean 'circuit'?)"],
    ['an unknown key at the top, nothing close', { retries: 3 }, `Unknown option 'retries' (known: ${CIRCUIT_KEYS}, circuit, ssr, webAssembly, enableClassicInitializers)`],
    ['a misspelt key inside circuit', { circuit: { logLevl: 1 } }, "Unknown option 'circuit.logLevl' (did you mean 'logLevel'?)"],
    ['an unknown key inside circuit, nothing close', { circuit: { url: '/hub' } }, `Unknown option 'circuit.url' (known: ${CIRCUIT_KEYS})`],
    [
      'a misspelt key inside circuit.reconnectionOptions',
      { circuit: { reconnectionOptions: { maxRetry: 3 } } },
      "Unknown option 'circuit.reconnectionOptions.maxRetry' (did you mean 'maxRetries'?)",
    ],
    [
      'a key in the wrong case inside reconnectionOptions',
      { reconnectionOptions: { MaxRetries: 3 } },
      "Unknown option 'reconnectionOptions.MaxRetries' (did you mean 'maxRetries'?)",
    ],
    [
      'an unknown key inside reconnectionOptions, nothing close',
      { reconnectionOptions: { backoff: 'fast' } },
      `Unknown option 'reconnectionOptions.backoff' (known: ${RECONNECTION_KEYS})`,
    ],
    [
      'a misspelt message key',
      { reconnectionOptions: { messages: { rejoinig: 'x' } } },
      "Unknown option 'reconnectionOptions.messages.rejoinig' (did you mean 'rejoining'?)",
    ],
    [
      'an unknown message key, nothing close',
      { circuit: { reconnectionOptions: { messages: { reconecting: 'x' } } } },
      "Unknown option 'circuit.reconnectionOptions.messages.reconecting' (known: title, rejoining, retrying, failed, rejected, offline, retry, reload, paused, pausedByServer, updating, resumeFailed, resume, unauthorized, signIn)",
    ],
    [
      'a circuit option beside circuit',
      { circuit: {}, reconnectionOptions: { maxRetries: 3 } },
      "Unknown option 'reconnectionOptions' (did you mean 'circuit.reconnectionOptions'?)",
    ],
    [
      'a misspelt circuit option beside circuit',
      { circuit: {}, configureSignalr: () => undefined },
      "Unknown option 'configureSignalr' (did you mean 'circuit.configureSignalR'?)",
    ],
    [
      'an unknown key beside circuit, nothing close',
      { circuit: {}, hub: '/hub' },
      "Unknown option 'hub' (known: circuit, logLevel, ssr, webAssembly, enableClassicInitializers)",
    ],
    ['a misspelt coordinateTabs', { reconnectionOptions: { coordinateTab: false } }, "Unknown option 'reconnectionOptions.coordinateTab' (did you mean 'coordinateTabs'?)"],
    ['an unknown key set to undefined', { reconnectionOptions: { maxRetrys: undefined } }, "Unknown option 'reconnectionOptions.maxRetrys' (did you mean 'maxRetries'?)"],
  ];

  it.each(cases)('refuses %s', (_name, options, message) => {
    expect(refusal(options)?.message).toBe(message);
  });

  it('names the full path in InvalidOptionError.option and keeps the value', () => {
    const value = { maxRetries: 3 };
    const error = refusal({ circuit: { reconnectionOptions: { maxRetry: value } } });
    expect(error?.option).toBe('circuit.reconnectionOptions.maxRetry');
    expect(error?.value).toBe(value);
    expect(error?.name).toBe('InvalidOptionError');
    expect(error).toBeInstanceOf(TypeError);
  });

  it('reports an unknown key before a bad value of a known one', () => {
    expect(refusal({ reconnectionOptions: { maxRetries: -1, dialogID: 'x' } })?.option).toBe('reconnectionOptions.dialogID');
  });

  it('still checks the values of known message keys', () => {
    expect(refusal({ reconnectionOptions: { messages: { title: 'ok', failed: 3 } } })?.message).toBe(
      'reconnectionOptions.messages.failed must be a string or a function (got 3)',
    );
  });

  it('leaves handlers open: a handler is the page object, its other fields and methods are its own', () => {
    const reconnectionHandler = { onConnectionDown: () => undefined, onConnectionUp: () => undefined, attempts: 0 };
    const circuitHandlers = [{ onCircuitOpened: () => undefined, label: 'analytics' }];
    const resolved = resolveOptions({ reconnectionHandler, circuitHandlers });
    expect(resolved.reconnectionHandler).toBe(reconnectionHandler);
    expect(resolved.circuitHandlers[0]).toBe(circuitHandlers[0]);
  });
});
