/**
 * Computes the wait before a reconnection attempt.
 * @param previousAttempts - attempts already made in this outage, 0 for the first.
 * @param maxRetries - the configured `maxRetries` (Blazor always passes `undefined`; we pass the
 *   real value so `previousAttempts >= maxRetries ? null : …` stops where it says).
 * @returns milliseconds to wait, or `null`/`undefined` to stop retrying (the outage ends `failed`).
 * @example const table: RetryIntervalFunction = Array.prototype.at.bind([0, 1000, 2000, 5000]);
 */
export type RetryIntervalFunction = (
  previousAttempts: number,
  maxRetries?: number,
) => number | null | undefined;

/**
 * The two settings a retry decision reads. Declared here, not taken from `ReconnectionOptions`,
 * so the retry policies depend on nothing above them: `ReconnectionOptions` satisfies it.
 */
export interface RetrySettings {
  /** Attempts per outage; `undefined` retries without limit. */
  readonly maxRetries: number | undefined;
  /** A fixed wait in milliseconds, or a {@link RetryIntervalFunction}. */
  readonly retryIntervalMilliseconds: number | RetryIntervalFunction;
}
