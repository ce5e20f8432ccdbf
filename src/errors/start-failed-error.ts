/**
 * `start()` gave up: the initial connection was retried with the reconnection policy and the
 * retries ended `failed` (server never reached) or `rejected` (server reached, refused us).
 */
export class StartFailedError extends Error {
  override readonly name = 'StartFailedError';

  constructor(
    readonly outcome: 'failed' | 'rejected',
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(
      `The circuit could not be started: the server ${
        outcome === 'failed' ? `was not reached after ${attempts} attempt(s)` : 'refused it'
      }.`,
      options,
    );
  }
}
