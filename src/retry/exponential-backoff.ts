import type { RetryIntervalFunction } from './types';
import type { ExponentialBackoffOptions, ResolvedBackoffOptions } from './backoff-options';
import { drawUnit, expectAttempts, validateBackoffOptions } from './backoff-options';

/**
 * A capped exponential backoff with jitter, as a `retryIntervalMilliseconds` function.
 *
 * **The schedule.** Attempt 1 (`previousAttempts` 0) runs at once: most drops are blips (a
 * proxy recycling a socket, a Wi-Fi hand-over) and the fastest recovery is to try straight away;
 * against a server that is really down the attempt is refused cheaply. The wait before attempt
 * `n + 1` (`previousAttempts` n ≥ 1) has the ceiling `min(maxMs, initialMs × factor^(n − 1))`,
 * and the jitter draws below that ceiling, so the cap comes *before* the jitter and clients keep
 * spreading out at the cap instead of retrying in lockstep.
 *
 * **Count and time.** The number of attempts is `reconnectionOptions.maxRetries` (enforced by
 * the process). `maxElapsedMs` adds a stop by time: the policy returns `null` once the waits it
 * returned in this outage add up to `maxElapsedMs`. A wait is never cut short to fit the budget
 * (that would bring every client back at the same instant); the last one may end past it by at
 * most `maxMs`.
 *
 * **State.** The process asks with `previousAttempts` 0, 1, 2… in each outage, starting again at
 * 0 for the next one. `'full'`, `'equal'` and `'none'` without `maxElapsedMs` are pure functions
 * of `previousAttempts` and can be shared freely. `'decorrelated'` (which needs the previous wait)
 * and `maxElapsedMs` (which needs the waits so far) remember the waits of the current outage:
 * asking for 0 starts a new outage, asking again for an earlier step forgets the later ones, and
 * a step that was skipped counts at the middle of its range. Give each connection its own
 * instance of such a policy.
 *
 * @param options - see {@link ExponentialBackoffOptions}; validated here, once.
 * @throws {InvalidOptionError} when an option is missing or out of range, e.g.
 *   `exponentialBackoff.maxMs must be a finite number ≥ initialMs (1000) (got 10)`.
 * @default factor 2, jitter 'full', maxElapsedMs undefined, random Math.random
 * @example
 * Blazor.start({
 *   reconnectionOptions: {
 *     maxRetries: 40,
 *     retryIntervalMilliseconds: exponentialBackoff({ initialMs: 1000, maxMs: 30000, maxElapsedMs: 600000 }),
 *   },
 * });
 */
export function exponentialBackoff(options: ExponentialBackoffOptions): RetryIntervalFunction {
  const schedule = backoffSchedule(validateBackoffOptions(options));
  return (previousAttempts) => {
    expectAttempts(previousAttempts);
    return schedule(previousAttempts);
  };
}

/**
 * The schedule of {@link exponentialBackoff} from options that are already valid. The default
 * policy calls it with constants, so an application that never imports `exponentialBackoff`
 * does not carry its option validation (tree-shaken away). `previousAttempts` must already be a
 * non-negative integer: the callers check it.
 */
export function backoffSchedule({
  initialMs,
  maxMs,
  factor,
  jitter,
  maxElapsedMs,
  random,
}: ResolvedBackoffOptions): RetryIntervalFunction {
  /**
   * `waits[i]`: the wait returned for `previousAttempts` i in the current outage. Kept for every
   * jitter (one code path); only `'decorrelated'` and `maxElapsedMs` read it, so the other
   * policies still answer as pure functions of `previousAttempts`.
   */
  const waits: number[] = [];

  /**
   * The wait before attempt `step + 1`, for `step` ≥ 1, from `unit`, one draw of `random` in
   * `[0, 1)`. Whole milliseconds, rounded down. The strategies are those of {@link Jitter}; each
   * stays within its capped ceiling, except `'decorrelated'`, which grows from the previous wait
   * (anything below `initialMs` counting as `initialMs`, the post's starting point) and so is
   * clamped to `maxMs` here. These expressions are the ones the herd benchmark measured: keep
   * them bit for bit (`bench/results/herd.json` must not change).
   */
  const jitteredWait = (step: number, unit: number): number => {
    const ceiling = Math.min(maxMs, initialMs * factor ** (step - 1));
    switch (jitter) {
      case 'full':
        return Math.floor(unit * ceiling);
      case 'equal':
        return Math.floor(ceiling / 2 + unit * (ceiling / 2));
      case 'none':
        return Math.floor(ceiling);
      case 'decorrelated': {
        const previousWait = Math.max(waits[step - 1] ?? 0, initialMs);
        return Math.floor(Math.min(maxMs, initialMs + unit * (3 * previousWait - initialMs)));
      }
    }
  };

  /** Stands in for the draw of a step that was never asked for: the middle of its range. */
  const MIDDLE_OF_RANGE = 0.5;

  return (previousAttempts) => {
    waits.splice(previousAttempts);
    // Attempt 1 (step 0) runs at once and draws nothing, here and below.
    while (waits.length < previousAttempts) {
      const skippedStep = waits.length;
      waits.push(skippedStep === 0 ? 0 : jitteredWait(skippedStep, MIDDLE_OF_RANGE));
    }
    // Whole milliseconds: the sum is exact, whatever order the waits were added in.
    if (maxElapsedMs !== undefined && waits.reduce((sum, wait) => sum + wait, 0) >= maxElapsedMs) return null;
    const waitMs = previousAttempts === 0 ? 0 : jitteredWait(previousAttempts, drawUnit(random));
    waits.push(waitMs);
    return waitMs;
  };
}
