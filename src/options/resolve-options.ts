import type { HubConnectionBuilder } from '@microsoft/signalr';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { DEFAULT_LOG_LEVEL, defaultReconnectionOptions } from './defaults';
import type {
  CircuitHandler,
  ReconnectionHandler,
  ReconnectionOptions,
  ResolvedCircuitOptions,
  StartOptions,
} from './types';
import {
  expectBoolean,
  expectFunction,
  expectLogLevel,
  expectMessages,
  expectNonEmptyString,
  expectNonNegativeInteger,
  expectNonNegativeNumber,
  expectObject,
  expectRetryInterval,
  isPlainObject,
} from './validate';

/**
 * Accepts both of Blazor's shapes (`options.circuit ?? options`), checks every field once, and
 * merges over the defaults: top level by key, `reconnectionOptions` one level deeper. An explicit
 * `maxRetries: undefined` means unbounded, as in Blazor; other explicit `undefined`s keep defaults.
 * @throws {InvalidOptionError} naming the first bad option and the value it got.
 */
export function resolveOptions(userOptions: StartOptions | undefined): ResolvedCircuitOptions {
  return resolveUnknownOptions(userOptions);
}

function resolveUnknownOptions(userOptions: unknown): ResolvedCircuitOptions {
  if (userOptions === undefined || userOptions === null) return resolveCircuitOptions({}, '');
  expectObject('options', userOptions);
  if ('circuit' in userOptions && userOptions.circuit !== undefined && userOptions.circuit !== null) {
    expectObject('circuit', userOptions.circuit);
    return resolveCircuitOptions(userOptions.circuit, 'circuit.');
  }
  return resolveCircuitOptions(userOptions, '');
}

const keepBuilderAsIs = (): void => undefined;

function resolveCircuitOptions(user: Record<string, unknown>, prefix: string): ResolvedCircuitOptions {
  const { configureSignalR, logLevel, reconnectionOptions, reconnectionHandler, circuitHandlers, circuitHandshake } =
    user;

  if (configureSignalR !== undefined) expectFunction(`${prefix}configureSignalR`, configureSignalR);
  if (logLevel !== undefined) expectLogLevel(`${prefix}logLevel`, logLevel);
  if (circuitHandshake !== undefined) expectBoolean(`${prefix}circuitHandshake`, circuitHandshake);

  return {
    configureSignalR:
      configureSignalR === undefined ? keepBuilderAsIs : (configureSignalR as (builder: HubConnectionBuilder) => void),
    logLevel: logLevel ?? DEFAULT_LOG_LEVEL,
    reconnectionOptions: resolveReconnectionOptions(reconnectionOptions, `${prefix}reconnectionOptions`),
    reconnectionHandler: resolveHandler(reconnectionHandler, `${prefix}reconnectionHandler`),
    circuitHandlers: resolveCircuitHandlers(circuitHandlers, `${prefix}circuitHandlers`),
    circuitHandshake: circuitHandshake ?? true,
  };
}

function resolveReconnectionOptions(value: unknown, path: string): ReconnectionOptions {
  const resolved = defaultReconnectionOptions();
  if (value === undefined || value === null) return resolved;
  expectObject(path, value);

  if ('maxRetries' in value) {
    if (value.maxRetries !== undefined) expectNonNegativeInteger(`${path}.maxRetries`, value.maxRetries);
    resolved.maxRetries = value.maxRetries;
  }
  if (value.retryIntervalMilliseconds !== undefined) {
    expectRetryInterval(`${path}.retryIntervalMilliseconds`, value.retryIntervalMilliseconds);
    resolved.retryIntervalMilliseconds = value.retryIntervalMilliseconds as ReconnectionOptions['retryIntervalMilliseconds'];
  }
  if (value.dialogId !== undefined) {
    expectNonEmptyString(`${path}.dialogId`, value.dialogId);
    resolved.dialogId = value.dialogId;
  }
  if (value.dialogDelayMilliseconds !== undefined) {
    expectNonNegativeNumber(`${path}.dialogDelayMilliseconds`, value.dialogDelayMilliseconds);
    resolved.dialogDelayMilliseconds = value.dialogDelayMilliseconds;
  }
  if (value.messages !== undefined) {
    expectMessages(`${path}.messages`, value.messages);
    resolved.messages = { ...value.messages };
  }
  return resolved;
}

function resolveHandler(value: unknown, path: string): ReconnectionHandler | undefined {
  if (value === undefined || value === null) return undefined;
  expectObject(path, value);
  for (const callback of ['onConnectionDown', 'onConnectionUp'] as const) {
    if (typeof value[callback] !== 'function') {
      throw new InvalidOptionError(`${path}.${callback}`, value[callback], 'a function (both onConnectionDown and onConnectionUp are required)');
    }
  }
  return value as unknown as ReconnectionHandler;
}

function resolveCircuitHandlers(value: unknown, path: string): CircuitHandler[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InvalidOptionError(path, value, 'an array of circuit handlers');
  return value.map((handler: unknown, index): CircuitHandler => {
    if (!isPlainObject(handler) && typeof handler !== 'object') {
      throw new InvalidOptionError(`${path}[${index}]`, handler, 'an object with onCircuitOpened and/or onCircuitClosed');
    }
    if (handler === null) throw new InvalidOptionError(`${path}[${index}]`, handler, 'an object');
    const record = handler as Record<string, unknown>;
    for (const callback of ['onCircuitOpened', 'onCircuitClosed'] as const) {
      if (record[callback] !== undefined) expectFunction(`${path}[${index}].${callback}`, record[callback]);
    }
    return record;
  });
}
