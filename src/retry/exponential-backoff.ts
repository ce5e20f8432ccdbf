import type { RetryIntervalFunction } from '../options/types';
import type { ExponentialBackoffOptions } from './backoff-options';
import { drawUnit, validateBackoffOptions } from './backoff-options';
import { applyJitter, cappedCeiling, expectedJitter } from './jitter';

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
 *   `exponentialBackoff.maxMs must be a finite number of milliseconds ≥ initialMs (1000) (got 10)`.
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
  const { initialMs, maxMs, factor, jitter, maxElapsedMs, random } = validateBackoffOptions(options);
  const remembers = jitter === 'decorrelated' || maxElapsedMs !== undefined;
  /** `waits[i]`: the wait returned for `previousAttempts` i in the current outage. */
  const waits: number[] = [];
  let elapsedMs = 0;

  const forgetFrom = (step: number): void => {
    while (waits.length > step) elapsedMs -= waits.pop() ?? 0;
  };
  const remember = (waitMs: number): void => {
    waits.push(waitMs);
    elapsedMs += waitMs;
  };
  const waitFor = (step: number, unit: number | undefined): number => {
    if (step === 0) return 0;
    const ceiling = cappedCeiling(step, initialMs, factor, maxMs);
    const bounds = { initialMs, maxMs, previousMs: waits[step - 1] ?? 0 };
    const waitMs = unit === undefined ? expectedJitter(jitter, ceiling, bounds) : applyJitter(jitter, ceiling, unit, bounds);
    return Math.min(maxMs, Math.max(0, waitMs));
  };

  return (previousAttempts) => {
    if (!Number.isInteger(previousAttempts) || previousAttempts < 0) {
      throw new RangeError(`exponentialBackoff: previousAttempts must be a non-negative integer (got ${String(previousAttempts)})`);
    }
    if (!remembers) return waitFor(previousAttempts, previousAttempts === 0 ? undefined : drawUnit(random));

    forgetFrom(previousAttempts);
    while (waits.length < previousAttempts) remember(waitFor(waits.length, undefined));
    if (maxElapsedMs !== undefined && elapsedMs >= maxElapsedMs) return null;
    const waitMs = waitFor(previousAttempts, previousAttempts === 0 ? undefined : drawUnit(random));
    remember(waitMs);
    return waitMs;
  };
}
