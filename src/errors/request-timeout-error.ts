/**
 * A SignalR request outlived its `timeout` and was aborted. Named `TimeoutError` as
 * @microsoft/signalr's own, which is what a reader of SignalR's logs looks for.
 */
export class RequestTimeoutError extends Error {
  override readonly name = 'TimeoutError';

  constructor(request: string, timeoutMs: number) {
    super(`${request} timed out after ${timeoutMs} ms.`);
  }
}
