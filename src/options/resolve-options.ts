import { WARNING } from '../logging/logger';
import type { Check } from '../validation/validate';
import {
  atLeast,
  expectKnownKeys,
  expectObject,
  FUNCTION,
  isFunction,
  isNonNegativeInteger,
  optional,
  resolveRecord,
  rule,
} from '../validation/validate';
import { defaultReconnectionOptions } from './defaults';
import { MESSAGE_KEYS } from './message-keys';
import type { ReconnectionOptions, ResolvedCircuitOptions, StartOptions } from './types';

/** Optional callbacks: `undefined` or a function (`null` is refused, as a misspelt value). */
const CALLBACK = rule(optional(isFunction), 'a function');

const MESSAGE = rule((value) => typeof value === 'string' || isFunction(value), 'a string or a function');

const BOOLEAN = rule((value) => typeof value === 'boolean', 'a boolean');

const LOG_LEVEL = rule((value) => isNonNegativeInteger(value) && (value as number) <= 6, 'a LogLevel from 0 to 6');

/**
 * Blazor Web App sections for server-side rendering and WebAssembly, which this library has no
 * part for: accepted (and ignored) so pages written for blazor.web.js run unchanged.
 */
const WEB_APP_SECTIONS = ['ssr', 'webAssembly', 'enableClassicInitializers'];

const RECONNECTION_OPTIONS: { readonly [K in keyof ReconnectionOptions]: Check } = {
  // An explicit `undefined` means unbounded (Blazor's rule), so no default replaces it below.
  maxRetries: rule(optional(isNonNegativeInteger), 'a non-negative integer'),
  retryIntervalMilliseconds: rule((value) => isFunction(value) || atLeast(0)(value), 'a finite number ≥ 0 or a function'),
  dialogId: rule((value) => typeof value === 'string' && value.trim() !== '', 'a non-empty string'),
  dialogDelayMilliseconds: rule(atLeast(0), 'a finite number ≥ 0'),
  messages: (path, value) => {
    expectObject(path, value);
    expectKnownKeys(value, `${path}.`, MESSAGE_KEYS);
    for (const key in value) MESSAGE(`${path}.${key}`, value[key]);
    return { ...value };
  },
  onUnauthorized: CALLBACK,
  preserveInput: BOOLEAN,
  coordinateTabs: BOOLEAN,
};

const keepBuilderAsIs = (): void => undefined;

/**
 * Checks a handler's callbacks and returns the handler as given, not copied: its callbacks are
 * called as methods. Any object will do (a class instance too, with fields of its own: a handler
 * is the page's object, not an option bag), except an array: the same check as for the option
 * objects.
 */
const handler = (path: string, value: unknown, callbacks: Record<string, Check>): unknown => {
  expectObject(path, value);
  for (const [name, check] of Object.entries(callbacks)) check(`${path}.${name}`, value[name], {});
  return value;
};

const CIRCUIT_OPTIONS: { readonly [K in keyof ResolvedCircuitOptions]: Check } = {
  configureSignalR: FUNCTION,
  logLevel: LOG_LEVEL,
  circuitHandshake: BOOLEAN,
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

/** The circuit options' full paths in the Web App shape, suggested for one written beside `circuit`. */
const INSIDE_CIRCUIT = Object.keys(CIRCUIT_OPTIONS).map((key) => `circuit.${key}`);

/**
 * Checks and resolves the circuit options (`options.circuit ?? options`).
 * @param prefix - `'circuit.'` in the Web App shape, `''` in the Server shape.
 * @param logLevel - the level when the circuit options set none: the Web App shape's top-level
 *   `logLevel`, or Warning. The plain number, not `LogLevel.Warning`: an enum's property read
 *   survives minification, the number is inlined.
 * @param ignored - keys accepted beside the circuit options and left out.
 */
const resolveCircuit = (
  circuit: Record<string, unknown>,
  prefix: string,
  logLevel: unknown,
  ignored: readonly string[],
): ResolvedCircuitOptions =>
  resolveRecord<ResolvedCircuitOptions>(
    circuit,
    prefix,
    CIRCUIT_OPTIONS,
    { configureSignalR: keepBuilderAsIs, circuitHandshake: true, logLevel },
    ignored,
  );

/**
 * Accepts both of Blazor's shapes (`options.circuit ?? options`), checks every field once, and
 * merges over the defaults: top level by key, `reconnectionOptions` one level deeper. An explicit
 * `maxRetries: undefined` means unbounded, as in Blazor; other explicit `undefined`s keep defaults.
 *
 * A key that names no option throws at every level, with the nearest option when one is close.
 * The Web App sections `ssr`, `webAssembly` and `enableClassicInitializers` are accepted and
 * ignored in either shape (a blazor.web.js page may set only `ssr`). In the Web App shape the
 * top-level `logLevel` applies unless `circuit.logLevel` is set, and a circuit option written
 * beside `circuit` is refused, pointing to `circuit.<name>`.
 * @throws {InvalidOptionError} naming the first bad option's full path and the value it got.
 */
export function resolveOptions(userOptions: StartOptions | undefined): ResolvedCircuitOptions {
  const options: unknown = userOptions ?? {};
  expectObject('options', options);
  const { circuit } = options;
  if (circuit === undefined || circuit === null) return resolveCircuit(options, '', WARNING, ['circuit', ...WEB_APP_SECTIONS]);
  expectObject('circuit', circuit);
  expectKnownKeys(options, '', ['circuit', 'logLevel', ...WEB_APP_SECTIONS], INSIDE_CIRCUIT);
  const logLevel = options.logLevel === undefined ? WARNING : LOG_LEVEL('logLevel', options.logLevel);
  return resolveCircuit(circuit, 'circuit.', logLevel, []);
}
