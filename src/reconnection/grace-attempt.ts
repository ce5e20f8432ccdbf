import { GRACE_ATTEMPT_WINDOW_MS } from '../ui/default-display/modal-controller';

/** The grace attempt precedes the dialog's grace timer by this much: under way when the dialog decides. */
export const GRACE_ATTEMPT_LEAD_MS = 1;

/**
 * Whether the grace period's extra attempt is left out because the policy's own attempt is due
 * soon after it: within a quarter of the grace period (at least {@link GRACE_ATTEMPT_WINDOW_MS}).
 * The default dialog holds for a due attempt up to one more grace period, so that attempt still
 * resumes a short cut unseen, with at least three quarters of a grace period to finish. Why a
 * quarter: a herd's clients all reach the end of the grace period at the same instant, and those
 * whose policy attempt falls just after it would attempt twice within 100 ms. With the default
 * policy (second attempt 500–1000 ms after the first) and the default 500 ms grace period, a
 * herd's busiest 100 ms after its first attempt falls from 1.09 to 0.95 of its size; the price is
 * that a quarter of the clients resume a sub-second cut up to 125 ms later, still unseen.
 * @param msUntilDue - from now (the grace attempt's moment) to the policy's next attempt.
 * @param graceMs - `dialogDelayMilliseconds`.
 * @example policyAttemptIsNear(100, 500) // true: the policy attempts within 125 ms
 */
export const policyAttemptIsNear = (msUntilDue: number, graceMs: number): boolean =>
  msUntilDue <= Math.max(GRACE_ATTEMPT_WINDOW_MS, graceMs / 4);
