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
      outcome === 'failed'
        ? `The circuit could not be started: the server was not reached after ${attempts} attempt(s).`
        : 'The circuit could not be started: the server refused it.',
      options,
    );
  }
}
