/**
 * A SignalR request (negotiation, long polling, a send) answered with a status outside 2xx, from
 * the Blazor handler's HTTP client. Its message ends the way @microsoft/signalr's own `HttpError`
 * does (`…: Status code '429'`), so the errors SignalR builds from it (`Failed to complete
 * negotiation with the server: …`) still name the status, and `statusCode` is where SignalR
 * looks for it.
 */
export class HttpStatusError extends Error {
  override readonly name = 'HttpError';
  /** The HTTP status the server answered. */
  readonly statusCode: number;

  /**
   * @param request - the method and URL, for the message.
   * @param detail - the answer's body, else its status text.
   */
  constructor(request: string, detail: string, statusCode: number) {
    super(`${request} answered ${detail}: Status code '${statusCode}'`);
    this.statusCode = statusCode;
  }
}
