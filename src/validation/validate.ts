import { InvalidOptionError } from '../errors/invalid-option-error';
import { closestName } from './closest-name';

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
 * Refuses the first key of `value` outside `known`, suggesting the nearest of `known` and
 * `elsewhere` (full paths of options that belong at another level, e.g.
 * `circuit.reconnectionOptions` beside `circuit`).
 * @param prefix - the path of `value`, ending in a dot (`reconnectionOptions.`), or `''` at the top.
 * @throws {InvalidOptionError} e.g. `Unknown option 'reconnectionOptions.maxRetry' (did you mean 'maxRetries'?)`.
 */
export function expectKnownKeys(
  value: Record<string, unknown>,
  prefix: string,
  known: readonly string[],
  elsewhere: readonly string[] = [],
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw InvalidOptionError.unknown(prefix + key, value[key], closestName(key, [...known, ...elsewhere]), known);
    }
  }
}

/**
 * Refuses unknown keys (those of neither `checks` nor `ignored`), then checks every key of
 * `checks` in order, a missing (`undefined`) one as its default (checked like a given value),
 * and returns the resolved values.
 * @param ignored - keys accepted and left out of the result.
 */
export function resolveRecord<T extends object>(
  value: Record<string, unknown>,
  prefix: string,
  checks: { readonly [K in keyof T]: Check },
  defaults: { readonly [K in keyof T]?: unknown },
  ignored: readonly string[] = [],
): T {
  expectKnownKeys(value, prefix, [...Object.keys(checks), ...ignored]);
  const resolved: Record<string, unknown> = {};
  for (const key in checks) {
    const given = value[key];
    resolved[key] = checks[key](prefix + key, given === undefined ? defaults[key] : given, resolved);
  }
  // Every key of T was checked (and so typed) above.
  return resolved as T;
}
