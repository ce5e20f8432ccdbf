import { ServerBusyError } from '../errors/server-busy-error';
import type { RetryDecision } from '../retry/next-retry-delay';
import { nextRetryDelay } from '../retry/next-retry-delay';
import type { RetrySettings } from '../retry/types';

/**
 * The smallest jitter bound added to a server's `Retry-After`: `Retry-After` is in whole seconds,
 * so every client a rate limiter turns away within one second hears the same answer.
 */
export const MIN_ADVICE_JITTER_MS = 1000;

/**
 * The last attempt was turned away with `Retry-After`: the wait is the server's, and no extra
 * attempt (the grace period's) may cut it short.
 */
export const isServerBusy = (error: unknown): error is ServerBusyError => error instanceof ServerBusyError;

/**
 * How long a server that answered busy asks us to wait, plus a jitter: `retryAfterMs` and then
 * uniform in `[0, max(1 s, retryAfterMs / 2))`. Without the jitter, every client the server
 * turned away in the same second would return in the same instant and be turned away again; with
 * it, they return spread over at least a second (a 30 s answer: over 15 s). 0 for any other error.
 * @param random - returns numbers in `[0, 1)`.
 * @example serverAdvisedWait(new ServerBusyError(url, 503, 4000, { cause }), () => 0.5) // 5000
 */
export function serverAdvisedWait(error: unknown, random: () => number): number {
  if (!(error instanceof ServerBusyError)) return 0;
  const advised = error.retryAfterMs;
  return Math.floor(advised + random() * Math.max(MIN_ADVICE_JITTER_MS, advised / 2));
}

/**
 * The wait before attempt `previousAttempts + 1`: the policy's (see {@link nextRetryDelay}),
 * lengthened to the server's advice when the last attempt was turned away with `Retry-After`.
 * The busy answer counts as an attempt, so `maxRetries` and a policy's `null` still stop.
 * @param lastError - what the last attempt threw (`undefined` before the first).
 */
export function nextWait(
  settings: RetrySettings,
  previousAttempts: number,
  lastError: unknown,
  random: () => number,
): RetryDecision {
  const decision = nextRetryDelay(settings, previousAttempts);
  return typeof decision === 'number' ? Math.max(decision, serverAdvisedWait(lastError, random)) : decision;
}
