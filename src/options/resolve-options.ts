import { WARNING } from '../logging/logger';
import { DEFAULT_MESSAGES } from '../ui/default-display/messages';
import { defaultReconnectionOptions } from './defaults';
import type { ReconnectionOptions, ResolvedCircuitOptions, StartOptions } from './types';
import type { Check } from '../validation/validate';
import { atLeast, expectKnownKeys, expectObject, FUNCTION, isFunction, isNonNegativeInteger, optional, resolveRecord, rule } from '../validation/validate';


/** Optional callbacks: `undefined` or a function (`null` is refused, as a misspelt value). */
const CALLBACK = rule(optional(isFunction), 'a function');

const MESSAGE = rule((value) => typeof value === 'string' || isFunction(value), 'a string or a function');

const RECONNECTION_OPTIONS: { readonly [K in keyof ReconnectionOptions]: Check } = {
  // An explicit `undefined` means unbounded (Blazor's rule), so no default replaces it below.
  maxRetries: rule(optional(isNonNegativeInteger), 'a non-negative integer'),
  retryIntervalMilliseconds: rule((value) => isFunction(value) || atLeast(0)(value), 'a finite number ≥ 0 or a function'),
  dialogId: rule((value) => typeof value === 'string' && value.trim() !== '', 'a non-empty string'),
  dialogDelayMilliseconds: rule(atLeast(0), 'a finite number ≥ 0'),
  messages: (path, value) => {
    expectObject(path, value);
    // The keys the default dialog has texts for, in its order.
    expectKnownKeys(path, value, Object.keys(DEFAULT_MESSAGES), MESSAGE);
    return { ...value };
  },
};

const keepBuilderAsIs = (): void => undefined;

/**
 * Checks a handler's callbacks and returns the handler as given, not copied: its callbacks are
 * called as methods. Any object will do (a class instance too), except an array: the same check
 * as for the option objects.
 */
const handler = (path: string, value: unknown, callbacks: Record<string, Check>): unknown => {
  expectObject(path, value);
  resolveRecord(value, `${path}.`, callbacks, {});
  return value;
};

const CIRCUIT_OPTIONS: { readonly [K in keyof ResolvedCircuitOptions]: Check } = {
  configureSignalR: FUNCTION,
  // The default here, as the plain number the minifier inlines: `LogLevel.Warning` is a property
  // read of SignalR's enum object, which survives minification.
  logLevel: (path, value = WARNING) => rule((each) => isNonNegativeInteger(each) && (each as number) <= 6, 'a LogLevel from 0 to 6')(path, value),
  circuitHandshake: rule((value) => typeof value === 'boolean', 'a boolean'),
  reconnectionOptions: (path, value) => {
    const given = value ?? {};
    expectObject(path, given);
    const defaults = defaultReconnectionOptions();
    // An explicit `maxRetries: undefined` finds no default to fall back on: unbounded.
    if ('maxRetries' in given) defaults.maxRetries = undefined;
    return resolveRecord<ReconnectionOptions>(given, `${path}.`, RECONNECTION_OPTIONS, defaults);
  },
  reconnectionHandler: (path, value) =>
    value === undefined || value === null
      ? undefined
      : handler(path, value, { onConnectionDown: FUNCTION, onConnectionUp: FUNCTION }),
  circuitHandlers: (path, value) =>
    (rule(Array.isArray, 'an array')(path, value ?? []) as unknown[]).map((each, index) =>
      handler(`${path}[${index}]`, each, { onCircuitOpened: CALLBACK, onCircuitClosed: CALLBACK }),
    ),
};

/**
 * Accepts both of Blazor's shapes (`options.circuit ?? options`), checks every field once, and
 * merges over the defaults: top level by key, `reconnectionOptions` one level deeper. An explicit
 * `maxRetries: undefined` means unbounded, as in Blazor; other explicit `undefined`s keep defaults.
 * @throws {InvalidOptionError} naming the first bad option and the value it got.
 */
export function resolveOptions(userOptions: StartOptions | undefined): ResolvedCircuitOptions {
  const options: unknown = userOptions ?? {};
  expectObject('options', options);
  const { circuit } = options;
  const web = circuit !== undefined && circuit !== null;
  if (web) expectObject('circuit', circuit);
  return resolveRecord<ResolvedCircuitOptions>(web ? circuit : options, web ? 'circuit.' : '', CIRCUIT_OPTIONS, {
    configureSignalR: keepBuilderAsIs,
    circuitHandshake: true,
  });
}
