import { InvalidOptionError } from '../errors/invalid-option-error';

/**
 * One table-driven validator for every option object (`start()`'s and `exponentialBackoff`'s):
 * a {@link Check} per key, each throwing {@link InvalidOptionError} with the option's path.
 */

/**
 * Validates one option and returns its resolved value. `resolved` holds the keys checked
 * before this one, for a check that depends on them (`maxMs` ≥ `initialMs`).
 */
export type Check = (path: string, value: unknown, resolved: Readonly<Record<string, unknown>>) => unknown;

/** A check from a test and what the value must be, as its error message says. */
export function rule(test: (value: unknown) => boolean, expectation: string) {
  return (path: string, value: unknown): unknown => {
    if (!test(value)) throw new InvalidOptionError(path, value, expectation);
    return value;
  };
}

/** A finite number ≥ `min`, for the number checks (`Number.isFinite` refuses non-numbers). */
export const atLeast =
  (min: number) =>
  (value: unknown): value is number =>
    Number.isFinite(value) && (value as number) >= min;

/** An integer ≥ 0: `maxRetries`, a `logLevel`, a `previousAttempts`. */
export const isNonNegativeInteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

/** `test`, or `undefined` (an optional option left unset). */
export const optional =
  (test: (value: unknown) => boolean) =>
  (value: unknown): boolean =>
    value === undefined || test(value);

/** Functions of any kind, bound ones (`Array.prototype.at.bind(table)`) included. */
export const isFunction = (value: unknown): boolean => typeof value === 'function';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Throws unless `value` is a plain object (not null, not an array). */
export const expectObject: (path: string, value: unknown) => asserts value is Record<string, unknown> = rule(
  isObject,
  'an object',
);

/** A required function, e.g. `configureSignalR` or a handler's callback. */
export const FUNCTION = rule(isFunction, 'a function');

/**
 * Checks every key of `checks` in order, a missing (`undefined`) one as its default, and
 * returns the resolved values. Keys outside `checks` are ignored here: see {@link expectKnownKeys}.
 */
export function resolveRecord<T extends object>(
  value: Record<string, unknown>,
  prefix: string,
  checks: { readonly [K in keyof T]: Check },
  defaults: Partial<T>,
): T {
  const resolved: Record<string, unknown> = {};
  for (const key in checks) {
    const given = value[key];
    resolved[key] = checks[key](prefix + key, given === undefined ? defaults[key] : given, resolved);
  }
  // Every key of T was checked (and so typed) above.
  return resolved as T;
}

/**
 * Refuses a key outside `known` (a misspelt option silently ignored would leave a default where
 * the author meant a value), and runs `check` on each value.
 */
export function expectKnownKeys(path: string, value: Record<string, unknown>, known: readonly string[], check?: Check): void {
  for (const key of Object.keys(value)) {
    const keyPath = `${path}.${key}`;
    rule(() => known.includes(key), `left out (known: ${known.join(', ')})`)(keyPath, value[key]);
    check?.(keyPath, value[key], value);
  }
}
