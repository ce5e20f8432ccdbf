import type { RetryIntervalFunction } from './types';

/**
 * Blazor 9/10's default schedule, exactly: attempts 1–10 at once, 11–20 after 5 s, then every
 * 30 s; `null` (stop) once `previousAttempts` reaches a bounded `maxRetries`. Every client on the
 * schedule retries in lockstep, so prefer a jittered policy for servers with many clients.
 * @example Blazor.start({ reconnectionOptions: { retryIntervalMilliseconds: blazorDefaultRetryInterval } })
 */
export const blazorDefaultRetryInterval: RetryIntervalFunction = (previousAttempts, maxRetries) => {
  if (maxRetries !== undefined && maxRetries > 0 && previousAttempts >= maxRetries) return null;
  if (previousAttempts < 10) return 0;
  if (previousAttempts < 20) return 5000;
  return 30000;
};
