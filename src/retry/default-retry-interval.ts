import type { RetryIntervalFunction } from './types';
import { FUNCTION } from '../validation/validate';
import { expectAttempts } from './backoff-options';
import { backoffSchedule } from './exponential-backoff';

/**
 * Attempts per outage that {@link defaultRetryInterval} is designed for, and the default
 * `maxRetries`. Why 92: with the default schedule's shortest possible waits (each `c/2`), 92
 * attempts keep every client retrying through at least 334.5 s of outage (about 500 s on
 * average), so an outage of 5 minutes never ends `failed`. Blazor's 30 would stop this schedule
 * after 86.5 s at the earliest; 84 is the fewest that still covers 300 s. The rest of the library
 * refers here rather than repeating this.
 * @default 92
 * @example Blazor.start({ reconnectionOptions: { maxRetries: DEFAULT_MAX_RETRIES, retryIntervalMilliseconds: defaultRetryInterval } })
 */
export const DEFAULT_MAX_RETRIES = 92;

/**
 * Builds {@link defaultRetryInterval} around a given random source (the herd benchmark and the
 * tests inject a seeded one): an equal-jitter backoff, then an 8 s equal-jitter plateau from
 * attempt 19.
 * @param random - returns numbers in `[0, 1)`. @default Math.random
 * @example const interval = createDefaultRetryInterval(() => 0.5); interval(5); // 3750
 */
export function createDefaultRetryInterval(random: () => number = Math.random): RetryIntervalFunction {
  FUNCTION('createDefaultRetryInterval(random)', random);
  const equal = (initialMs: number, maxMs: number) =>
    backoffSchedule({ initialMs, maxMs, factor: 2, jitter: 'equal', maxElapsedMs: undefined, random });
  // Before attempts 2–18 (`previousAttempts` 1–17): ceilings 1 s, 2 s, 4 s, then 5 s.
  const quickSchedule = equal(1000, 5000);
  // Before attempt 19 on: the ceiling 8 s, for good.
  const slowSchedule = equal(8000, 8000);
  const lastQuickStep = 17;
  return (previousAttempts, maxRetries) => {
    expectAttempts(previousAttempts);
    if (maxRetries !== undefined && previousAttempts >= maxRetries) return null;
    return previousAttempts > lastQuickStep
      ? slowSchedule(1)
      : quickSchedule(previousAttempts);
  };
}

/**
 * The recommended `retryIntervalMilliseconds`: Blazor's shape (quick tries, then 5 s steps, then
 * longer steps) with equal jitter (the AWS "Exponential Backoff And Jitter" post's: each wait
 * uniform in `[c/2, c)` below a ceiling `c`), so a server that restarts under 10,000 clients
 * meets a stream of arrivals near its admission rate instead of walls of simultaneous reconnects.
 *
 * - Attempt 1 runs at once (most drops are blips).
 * - Attempts 2–18 wait with `c` = 1 s, 2 s, 4 s, then 5 s: about 58 s in all. A server that
 *   admits R connections per second needs N/R seconds to take back N clients at best (5 s for
 *   10,000 at 2,000/s). Back within those 58 s, it sees every client arrive within 5 s, no slower
 *   than it admits them, so recovery takes that least time (as with Blazor's 5 s steps, but
 *   without the walls).
 * - Attempt 19 on waits with `c` = 8 s (4 to 8 s). A client wakes within 8 s of any moment, so
 *   95 % of a herd is back within ~6.5 s of a server's return after an outage of any length up to
 *   5 minutes: well under twice the 4.75 s limit, and under twice N/R for 1,000 clients at the
 *   ~250/s a real hub admitted here. Longer steps (Blazor's 30 s) cost fewer attempts against a
 *   server that is down, but leave clients asleep long after it is back: the earlier 10–28 s
 *   steps measured 22.6 s, a 10 s ceiling 8.2 s. The floor `c/2` gives the coverage
 *   {@link DEFAULT_MAX_RETRIES} states.
 *
 * Measured against Blazor's default (10,000 clients, 2,000 admissions/s; see bench/README):
 * peak load per 100 ms is a tenth, and median and p95 recovery are as good or better for outages
 * of 5, 30, 120 and 300 s, whether the server queues or drops the excess; the price is about
 * twice the attempts against a server down for 5 minutes (each refused cheaply).
 *
 * A pure function of `previousAttempts`, so one instance can serve any number of connections.
 * Use it with `maxRetries` of {@link DEFAULT_MAX_RETRIES} (the default) or more.
 * @default the library's default `retryIntervalMilliseconds`
 * @example Blazor.start({ reconnectionOptions: { maxRetries: 92, retryIntervalMilliseconds: defaultRetryInterval } })
 */
export const defaultRetryInterval: RetryIntervalFunction = createDefaultRetryInterval();
