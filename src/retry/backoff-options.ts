import { InvalidOptionError } from '../errors/invalid-option-error';
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
const KNOWN_KEYS = ['initialMs', 'maxMs', 'factor', 'jitter', 'maxElapsedMs', 'random'];

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Checks every option once, when the policy is built, so a typo fails at `start()` instead of
 * at the first outage. Unknown keys are refused too: `maxDelayMs` silently ignored would leave
 * the cap somewhere the author did not intend.
 * @throws {InvalidOptionError} naming `exponentialBackoff.<option>` and the value it got.
 * @example validateBackoffOptions({ initialMs: 1000, maxMs: 30000 }).jitter // 'full'
 */
export function validateBackoffOptions(options: unknown): ResolvedBackoffOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidOptionError(`${NAME}(options)`, options, 'an object with initialMs and maxMs');
  }
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.includes(key)) {
      throw new InvalidOptionError(`${NAME}.${key}`, record[key], `left out: not an option (known: ${KNOWN_KEYS.join(', ')})`);
    }
  }

  const { initialMs, maxMs, factor = 2, jitter = 'full', maxElapsedMs, random = Math.random } = record;
  if (!isFiniteNumber(initialMs) || initialMs <= 0) {
    throw new InvalidOptionError(`${NAME}.initialMs`, initialMs, 'a finite number of milliseconds above 0');
  }
  if (!isFiniteNumber(maxMs) || maxMs < initialMs) {
    throw new InvalidOptionError(`${NAME}.maxMs`, maxMs, `a finite number of milliseconds ≥ initialMs (${initialMs})`);
  }
  if (!isFiniteNumber(factor) || factor < 1) {
    throw new InvalidOptionError(`${NAME}.factor`, factor, 'a finite number ≥ 1');
  }
  if (typeof jitter !== 'string' || !(JITTERS as readonly string[]).includes(jitter)) {
    throw new InvalidOptionError(`${NAME}.jitter`, jitter, `one of ${JITTERS.map((name) => `'${name}'`).join(', ')}`);
  }
  if (maxElapsedMs !== undefined && (!isFiniteNumber(maxElapsedMs) || maxElapsedMs <= 0)) {
    throw new InvalidOptionError(`${NAME}.maxElapsedMs`, maxElapsedMs, 'a finite number of milliseconds above 0, or undefined');
  }
  if (typeof random !== 'function') {
    throw new InvalidOptionError(`${NAME}.random`, random, 'a function returning numbers in [0, 1)');
  }
  return {
    initialMs,
    maxMs,
    factor,
    jitter: jitter as Jitter,
    maxElapsedMs,
    random: random as () => number,
  };
}

/**
 * One draw of `random`, checked: a source that returns something outside `[0, 1)` is a bug that
 * would silently reshape every wait, so it throws (the process reports it as an invalid policy).
 * @throws {InvalidOptionError} naming `exponentialBackoff.random` and the value it returned.
 * @example drawUnit(() => 0.25) // 0.25
 */
export function drawUnit(random: () => number): number {
  const unit = random();
  if (!isFiniteNumber(unit) || unit < 0 || unit >= 1) {
    throw new InvalidOptionError(`${NAME}.random()`, unit, 'a number in [0, 1)');
  }
  return unit;
}
