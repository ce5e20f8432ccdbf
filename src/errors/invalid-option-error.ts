import { describeValue } from './describe-value';

/**
 * An option passed to `start()` that cannot be used. The message names the option's path, what
 * it must be, and the value it got, e.g.
 * `reconnectionOptions.maxRetries must be a non-negative integer (got -1)`.
 */
export class InvalidOptionError extends TypeError {
  override readonly name = 'InvalidOptionError';

  constructor(
    readonly option: string,
    readonly value: unknown,
    expectation: string,
  ) {
    super(`${option} must be ${expectation} (got ${describeValue(value)})`);
  }
}
