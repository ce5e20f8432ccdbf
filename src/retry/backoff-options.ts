import type { Check } from '../validation/validate';
import { atLeast, expectObject, FUNCTION, isNonNegativeInteger, optional, resolveRecord, rule } from '../validation/validate';
import type { Jitter } from './jitter';
import { JITTERS } from './jitter';

/**
 * What {@link exponentialBackoff} is built from. Only `initialMs` and `maxMs` are required.
 * @example const options: ExponentialBackoffOptions = { initialMs: 500, maxMs: 20000, jitter: 'full', maxElapsedMs: 300000 };
 */
export interface ExponentialBackoffOptions {
  /**
   * The ceiling of the first wait after the immediate first attempt; each later ceiling is
   * `factor` times the one before, up to `maxMs`. A finite number above 0.
   */
  readonly initialMs: number;
  /** The largest ceiling, applied before the jitter. A finite number ≥ `initialMs`. */
  readonly maxMs: number;
  /** Growth of the ceiling per attempt; 1 keeps it at `initialMs`. @default 2 */
  readonly factor?: number;
  /** How each wait is randomised below its ceiling; see {@link Jitter}. @default 'full' */
  readonly jitter?: Jitter;
  /**
   * Ends the retries by time instead of count: once the waits returned in this outage add up to
   * this many milliseconds, the policy returns `null` (stop). The time attempts take is not seen
   * by the policy, so the outage covered is at least this long. @default undefined (no limit)
   */
  readonly maxElapsedMs?: number;
  /** The random source, returning numbers in `[0, 1)`; inject a seeded one in tests. @default Math.random */
  readonly random?: () => number;
}

/**
 * {@link ExponentialBackoffOptions} after validation, with every default filled in.
 * @example validateBackoffOptions({ initialMs: 1000, maxMs: 8000 }) // { …, factor: 2, jitter: 'full', random: Math.random }
 */
export interface ResolvedBackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
  readonly jitter: Jitter;
  readonly maxElapsedMs: number | undefined;
  readonly random: () => number;
}

const NAME = 'exponentialBackoff';

const isPositive = (value: unknown): boolean => atLeast(0)(value) && value > 0;

/** In order: `maxMs` is checked against the `initialMs` resolved before it. */
const CHECKS: { readonly [K in keyof ResolvedBackoffOptions]: Check } = {
  initialMs: rule(isPositive, 'a finite number > 0'),
  maxMs: (path, value, { initialMs }) =>
    rule(atLeast(initialMs as number), `a finite number ≥ initialMs (${initialMs as number})`)(path, value),
  factor: rule(atLeast(1), 'a finite number ≥ 1'),
  jitter: rule((value) => (JITTERS as readonly unknown[]).includes(value), `one of ${JITTERS.join(', ')}`),
  // Optional: `undefined` (the default) sets no time limit.
  maxElapsedMs: rule(optional(isPositive), 'a finite number > 0'),
  random: FUNCTION,
};

/**
 * Checks every option once, when the policy is built, so a typo fails at `start()` instead of
 * at the first outage. Unknown keys are refused too: `maxDelayMs` silently ignored would leave
 * the cap somewhere the author did not intend.
 * @throws {InvalidOptionError} naming `exponentialBackoff.<option>` and the value it got.
 * @example validateBackoffOptions({ initialMs: 1000, maxMs: 30000 }).jitter // 'full'
 */
export function validateBackoffOptions(options: unknown): ResolvedBackoffOptions {
  expectObject(`${NAME}(options)`, options);
  return resolveRecord<ResolvedBackoffOptions>(options, `${NAME}.`, CHECKS, {
    factor: 2,
    jitter: 'full',
    random: Math.random,
  });
}

/**
 * One draw of `random`, checked: a source that returns something outside `[0, 1)` is a bug that
 * would silently reshape every wait, so it throws (the process reports it as an invalid policy).
 * @throws {InvalidOptionError} naming `exponentialBackoff.random()` and the value it returned.
 * @example drawUnit(() => 0.25) // 0.25
 */
export function drawUnit(random: () => number): number {
  return rule((unit) => atLeast(0)(unit) && unit < 1, 'a number in [0, 1)')(`${NAME}.random()`, random()) as number;
}

/**
 * Refuses a `previousAttempts` that the process would never pass: a policy called by hand with
 * `NaN` or `-1` fails loudly instead of answering a wait for no attempt.
 * @throws {RangeError} naming the value.
 */
export function expectAttempts(previousAttempts: number): void {
  if (!isNonNegativeInteger(previousAttempts)) {
    throw new RangeError(`previousAttempts must be a non-negative integer (got ${previousAttempts})`);
  }
}
