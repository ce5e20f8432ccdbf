import type { RetryIntervalFunction } from './types';
import { FUNCTION } from '../validation/validate';
import { expectAttempts } from './backoff-options';
import { backoffSchedule } from './exponential-backoff';

/**
 * Attempts per outage that {@link defaultRetryInterval} is designed for: with it, every client
 * keeps retrying for at least 333 s of outage (the sum of the shortest possible waits), about
 * 500 s on average, before the display shows `failed`. Blazor's 30 retries would stop this
 * schedule after 194 s at the earliest.
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
  // Waits before attempts 2–18 (`previousAttempts` 1–17): ceilings 1 s, 2 s, 4 s, then 5 s.
  const quick = equal(1000, 5000);
  // Waits before attempt 19 on, as steps 1, 2, 3…: ceilings 10 s, 20 s, then 28 s.
  const slow = equal(10000, 28000);
  return (previousAttempts, maxRetries) => {
    expectAttempts(previousAttempts);
    if (maxRetries !== undefined && previousAttempts >= maxRetries) return null;
    return previousAttempts > 17 ? slow(previousAttempts - 17) : quick(previousAttempts);
  };
}

/**
 * The recommended `retryIntervalMilliseconds`: Blazor's shape (quick tries, then 5 s steps, then
 * 30 s steps) with equal jitter, so a server that restarts under 10,000 clients meets a stream
 * of arrivals near its admission rate instead of walls of simultaneous reconnects.
 *
 * - Attempt 1 runs at once (most drops are blips).
 * - Attempts 2–18 wait a random time in `[c/2, c)` with the ceiling `c` = 1 s, 2 s, 4 s, then
 *   5 s: about 58 s in all. A server back within that time sees every client arrive within
 *   5 s, faster than it admits them, so recovery is at the physical limit (as with Blazor's 5 s
 *   steps, but without the walls).
 * - Attempt 19 on waits `[c/2, c)` with `c` = 10 s, 20 s, then 28 s. The 28 s cap keeps the time
 *   from a server's return to reconnected under ~23 s for 95 % of clients, below Blazor's 30 s
 *   steps; the floor `c/2` guarantees the coverage stated at {@link DEFAULT_MAX_RETRIES}.
 *
 * Measured against Blazor's default (10,000 clients, 2,000 admissions/s; see bench/README):
 * peak load per 100 ms is a tenth, and median and p95 recovery are as good or better for outages
 * of 5, 30, 120 and 300 s, whether the server queues or drops the excess.
 *
 * A pure function of `previousAttempts`, so one instance can serve any number of connections.
 * Use it with `maxRetries` ≥ 38 (the default {@link DEFAULT_MAX_RETRIES} is 40) to retry through
 * 5 minutes of outage.
 * @default the library's default `retryIntervalMilliseconds`
 * @example Blazor.start({ reconnectionOptions: { maxRetries: 40, retryIntervalMilliseconds: defaultRetryInterval } })
 */
export const defaultRetryInterval: RetryIntervalFunction = createDefaultRetryInterval();
