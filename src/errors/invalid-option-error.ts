import { describeValue } from './describe-value';

/**
 * An option passed to `start()` (or to a retry policy's builder) that cannot be used. The message
 * names the option's full path, and either what it must be and the value it got, e.g.
 * `reconnectionOptions.maxRetries must be a non-negative integer (got -1)`, or, for a key that
 * names no option, the option it was probably meant to be, e.g.
 * `Unknown option 'circuit.reconnectionOptions.maxRetry' (did you mean 'maxRetries'?)`.
 */
export class InvalidOptionError extends TypeError {
  override readonly name = 'InvalidOptionError';
  /** The option's full path, e.g. `circuit.reconnectionOptions.maxRetries`. */
  readonly option: string;
  /** The value it got. */
  readonly value: unknown;

  /**
   * @param expectation - what the value must be, e.g. `a non-negative integer`.
   * @param message - replaces the message built from `expectation`; {@link InvalidOptionError.unknown} uses it.
   */
  constructor(
    option: string,
    value: unknown,
    expectation: string,
    message = `${option} must be ${expectation} (got ${describeValue(value)})`,
  ) {
    super(message);
    this.option = option;
    this.value = value;
  }

  /**
   * A key that names no option where it was written: a misspelt option silently ignored would
   * leave a default where the author meant a value.
   * @param option - the key's full path, e.g. `circuit.reconnectionOptions.maxRetry`.
   * @param suggestion - the option it was probably meant to be (a key at the same level, or a path
   *   when it belongs elsewhere); without one, the message lists the `known` keys instead.
   * @example InvalidOptionError.unknown('reconectionOptions', {}, 'reconnectionOptions', []).message
   *   // "Unknown option 'reconectionOptions' (did you mean 'reconnectionOptions'?)"
   */
  static unknown(option: string, value: unknown, suggestion: string | undefined, known: readonly string[]): InvalidOptionError {
    const hint = suggestion === undefined ? `known: ${known.join(', ')}` : `did you mean '${suggestion}'?`;
    return new InvalidOptionError(option, value, 'a known option', `Unknown option '${option}' (${hint})`);
  }
}
