import type { RetryIntervalFunction } from './types';
import { FUNCTION } from '../validation/validate';
import { expectAttempts } from './backoff-options';
import { backoffSchedule } from './exponential-backoff';

/**
 * Attempts per outage that {@link defaultRetryInterval} is designed for, and the default
 * `maxRetries`. Why 40: with the default schedule's shortest possible waits (each `c/2`), 40
 * attempts keep every client retrying through at least 333 s of outage (about 500 s on average),
 * so an outage of 5 minutes never ends `failed`. Blazor's 30 would stop this schedule after 194 s
 * at the earliest; 38 is the fewest that still covers 300 s. The rest of the library refers here
 * rather than repeating this.
 * @default 40
 * @example Blazor.start({ reconnectionOptions: { maxRetries: DEFAULT_MAX_RETRIES, retryIntervalMilliseconds: defaultRetryInterval } })
 */
export const DEFAULT_MAX_RETRIES = 40;

/**
 * Builds {@link defaultRetryInterval} around a given random source (the herd benchmark and the
 * tests inject a seeded one): two equal-jitter backoffs, the second taking over at attempt 19.
 * @param random - returns numbers in `[0, 1)`. @default Math.random
 * @example const interval = createDefaultRetryInterval(() => 0.5); interval(5); // 3750
 */
export function createDefaultRetryInterval(random: () => number = Math.random): RetryIntervalFunction {
  FUNCTION('createDefaultRetryInterval(random)', random);
  const equal = (initialMs: number, maxMs: number) =>
    backoffSchedule({ initialMs, maxMs, factor: 2, jitter: 'equal', maxElapsedMs: undefined, random });
  // Before attempts 2–18 (`previousAttempts` 1–17): ceilings 1 s, 2 s, 4 s, then 5 s.
  const quickSchedule = equal(1000, 5000);
  // Before attempt 19 on, restarted at step 1: ceilings 10 s, 20 s, then 28 s.
  const slowSchedule = equal(10000, 28000);
  const lastQuickStep = 17;
  return (previousAttempts, maxRetries) => {
    expectAttempts(previousAttempts);
    if (maxRetries !== undefined && previousAttempts >= maxRetries) return null;
    return previousAttempts > lastQuickStep
      ? slowSchedule(previousAttempts - lastQuickStep)
      : quickSchedule(previousAttempts);
  };
}

/**
 * The recommended `retryIntervalMilliseconds`: Blazor's shape (quick tries, then 5 s steps, then
 * 30 s steps) with equal jitter (the AWS "Exponential Backoff And Jitter" post's: each wait
 * uniform in `[c/2, c)` below a ceiling `c`), so a server that restarts under 10,000 clients
 * meets a stream of arrivals near its admission rate instead of walls of simultaneous reconnects.
 *
 * - Attempt 1 runs at once (most drops are blips).
 * - Attempts 2–18 wait with `c` = 1 s, 2 s, 4 s, then 5 s: about 58 s in all. A server that
 *   admits R connections per second needs N/R seconds to take back N clients at best (5 s for
 *   10,000 at 2,000/s). Back within those 58 s, it sees every client arrive within 5 s, no slower
 *   than it admits them, so recovery takes that least time (as with Blazor's 5 s steps, but
 *   without the walls).
 * - Attempt 19 on waits with `c` = 10 s, 20 s, then 28 s. The 28 s cap keeps the time from a
 *   server's return to reconnected under ~23 s for 95 % of clients, below Blazor's 30 s steps;
 *   the floor `c/2` gives the coverage {@link DEFAULT_MAX_RETRIES} states.
 *
 * Measured against Blazor's default (10,000 clients, 2,000 admissions/s; see bench/README):
 * peak load per 100 ms is a tenth, and median and p95 recovery are as good or better for outages
 * of 5, 30, 120 and 300 s, whether the server queues or drops the excess.
 *
 * A pure function of `previousAttempts`, so one instance can serve any number of connections.
 * Use it with `maxRetries` of {@link DEFAULT_MAX_RETRIES} (the default) or more.
 * @default the library's default `retryIntervalMilliseconds`
 * @example Blazor.start({ reconnectionOptions: { maxRetries: 40, retryIntervalMilliseconds: defaultRetryInterval } })
 */
export const defaultRetryInterval: RetryIntervalFunction = createDefaultRetryInterval();
