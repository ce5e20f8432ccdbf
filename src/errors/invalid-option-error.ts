import { describeValue } from './describe-value';

/**
 * An option passed to `start()` that cannot be used. The message names the option's path, what
 * it must be, and the value it got, e.g.
 * `reconnectionOptions.maxRetries must be a non-negative integer (got -1)`.
 */
export class InvalidOptionError extends TypeError {
  override readonly name = 'InvalidOptionError';
  // Declared, not defined: the constructor assigns them, so no class field is emitted for them.
  /** The option's path, e.g. `reconnectionOptions.maxRetries`. */
  declare readonly option: string;
  /** The value it got. */
  declare readonly value: unknown;

  constructor(option: string, value: unknown, expectation: string) {
    super(`${option} must be ${expectation} (got ${describeValue(value)})`);
    this.option = option;
    this.value = value;
  }
}
