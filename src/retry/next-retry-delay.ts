import { RetryPolicyError } from '../errors/retry-policy-error';
import { MAXIMUM_FIRST_RETRY_INTERVAL_MS } from '../options/defaults';
import type { ReconnectionOptions } from '../options/types';

/** What the policy says about the next attempt. */
export type RetryDecision =
  | { readonly kind: 'wait'; readonly delayMs: number }
  | { readonly kind: 'stop' }
  | { readonly kind: 'invalid'; readonly error: RetryPolicyError };

/**
 * Asks the configured policy how long to wait before attempt `previousAttempts + 1`.
 * - `maxRetries` (when bounded) is enforced here, whatever a function returns.
 * - A numeric interval above 3000 ms is cut to 3000 ms for the first attempt only.
 * - A function gets the real `maxRetries`; `null`/`undefined` stops; a throw or a value that is
 *   not a non-negative finite number is `invalid`, so a buggy policy can never spin a hot loop.
 */
export function nextRetryDelay(
  options: Pick<ReconnectionOptions, 'maxRetries' | 'retryIntervalMilliseconds'>,
  previousAttempts: number,
): RetryDecision {
  const { maxRetries, retryIntervalMilliseconds: interval } = options;
  if (maxRetries !== undefined && previousAttempts >= maxRetries) return { kind: 'stop' };

  if (typeof interval === 'number') {
    const delayMs = previousAttempts === 0 ? Math.min(interval, MAXIMUM_FIRST_RETRY_INTERVAL_MS) : interval;
    return { kind: 'wait', delayMs };
  }

  let returned: unknown;
  try {
    returned = interval(previousAttempts, maxRetries);
  } catch (cause) {
    return { kind: 'invalid', error: new RetryPolicyError(previousAttempts, undefined, { cause }) };
  }
  if (returned === null || returned === undefined) return { kind: 'stop' };
  if (typeof returned !== 'number' || !Number.isFinite(returned) || returned < 0) {
    return { kind: 'invalid', error: new RetryPolicyError(previousAttempts, returned) };
  }
  return { kind: 'wait', delayMs: returned };
}
