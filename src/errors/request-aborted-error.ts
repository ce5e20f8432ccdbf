/**
 * SignalR aborted one of its requests (a long poll when the connection stops). Named
 * `AbortError` as @microsoft/signalr's own and the DOM's.
 */
export class RequestAbortedError extends Error {
  override readonly name = 'AbortError';

  constructor(request: string) {
    super(`${request} was aborted.`);
  }
}
