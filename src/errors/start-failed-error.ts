/**
 * `start()` gave up: the initial connection was retried with the reconnection policy and the
 * retries ended `failed` (server never reached) or `rejected` (server reached, refused us).
 */
export class StartFailedError extends Error {
  override readonly name = 'StartFailedError';
  // Declared, not defined: the constructor assigns them, so no class field is emitted for them.
  /** `failed`: the server was never reached; `rejected`: it was, and refused the circuit. */
  declare readonly outcome: 'failed' | 'rejected';
  /** Connection attempts made before giving up. */
  declare readonly attempts: number;

  constructor(outcome: 'failed' | 'rejected', attempts: number, options?: { cause?: unknown }) {
    super(
      `Start failed: the server ${outcome === 'failed' ? `was not reached after ${attempts} attempt(s)` : 'refused'}.`,
      options,
    );
    this.outcome = outcome;
    this.attempts = attempts;
  }
}
