import { describeValue } from './describe-value';

/**
 * `reconnectionOptions.retryIntervalMilliseconds` threw or returned something that is not a
 * delay. Ends the retries as failed instead of spinning on a bad value.
 */
export class RetryPolicyError extends Error {
  override readonly name = 'RetryPolicyError';

  constructor(
    readonly previousAttempts: number,
    readonly returned: unknown,
    options?: { cause?: unknown },
  ) {
    super(
      options?.cause === undefined
        ? `reconnectionOptions.retryIntervalMilliseconds must return a non-negative number, null or undefined (got ${describeValue(returned)} for previousAttempts ${previousAttempts})`
        : `reconnectionOptions.retryIntervalMilliseconds threw for previousAttempts ${previousAttempts}`,
      options,
    );
  }
}
