/**
 * `start()` gave up after retrying: the first connection did not reach the server, the
 * reconnection policy retried it, and the retries ended `failed` (the server was never
 * reached) or `rejected` (a retry reached the server and it refused the circuit).
 */
export class StartFailedError extends Error {
  override readonly name = 'StartFailedError';
  /** `failed`: the server was never reached; `rejected`: it was, and refused the circuit. */
  readonly outcome: 'failed' | 'rejected';
  /**
   * The first start and every retry of the policy (`maxRetries: 3` → 4). The grace period's extra
   * attempt is not counted, as it does not count against `maxRetries`.
   */
  readonly attempts: number;

  /** @param options - `cause`: the last attempt's error (`failed`) or the refusal (`rejected`). */
  constructor(outcome: 'failed' | 'rejected', attempts: number, options?: { cause?: unknown }) {
    super(
      outcome === 'failed'
        ? `Start failed: the server was not reached after ${attempts} attempt(s).`
        : `Start failed: the server refused the circuit after ${attempts} attempt(s).`,
      options,
    );
    this.outcome = outcome;
    this.attempts = attempts;
  }
}
