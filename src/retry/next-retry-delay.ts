import { RetryPolicyError } from '../errors/retry-policy-error';
import { atLeast } from '../validation/validate';
import type { RetrySettings } from './types';

/**
 * What the policy says about the next attempt: a wait in milliseconds, `null` to stop, or the
 * {@link RetryPolicyError} of a policy that threw or answered something that is not a delay.
 */
export type RetryDecision = number | null | RetryPolicyError;

/**
 * Asks the configured policy how long to wait before attempt `previousAttempts + 1`.
 * - `maxRetries` (when bounded) is enforced here, whatever a function returns.
 * - A numeric interval above 3000 ms is cut to 3000 ms for the first attempt only (Blazor 8–10).
 * - A function gets the real `maxRetries`; `null`/`undefined` stops; a throw or a value that is
 *   not a non-negative finite number is invalid, so a buggy policy can never spin a hot loop.
 */
export function nextRetryDelay(
  { maxRetries, retryIntervalMilliseconds: interval }: RetrySettings,
  previousAttempts: number,
): RetryDecision {
  let delayMs: unknown = null;
  if (maxRetries === undefined || previousAttempts < maxRetries) {
    if (typeof interval === 'number') return previousAttempts === 0 ? Math.min(interval, 3000) : interval;
    try {
      delayMs = interval(previousAttempts, maxRetries);
    } catch (cause) {
      return new RetryPolicyError(previousAttempts, undefined, { cause });
    }
  }
  return delayMs === null || delayMs === undefined ? null : atLeast(0)(delayMs) ? delayMs : new RetryPolicyError(previousAttempts, delayMs);
}
