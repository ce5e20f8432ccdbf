import { describeValue } from './describe-value';

/**
 * `reconnectionOptions.retryIntervalMilliseconds` threw or returned something that is not a
 * delay. Ends the retries as failed instead of spinning on a bad value.
 */
export class RetryPolicyError extends Error {
  override readonly name = 'RetryPolicyError';
  /** The `previousAttempts` the policy was asked about. */
  readonly previousAttempts: number;
  /** What it returned (`undefined` when it threw: see `cause`). */
  readonly returned: unknown;

  constructor(previousAttempts: number, returned: unknown, options?: { cause?: unknown }) {
    super(
      `reconnectionOptions.retryIntervalMilliseconds(${previousAttempts}) ${
        options?.cause === undefined ? `returned ${describeValue(returned)}, not a number ≥ 0, null or undefined` : 'threw'
      }`,
      options,
    );
    this.previousAttempts = previousAttempts;
    this.returned = returned;
  }
}
