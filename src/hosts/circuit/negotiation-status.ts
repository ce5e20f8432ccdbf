/**
 * Whether the server answered the negotiation 401, 403 or 404: it was reached and will not have
 * us, a rejection rather than an outage. @microsoft/signalr's `HttpError` always writes its
 * status into its message (`Not Found: Status code '404'`), and the `FailedToNegotiateWithServerError`
 * or `AggregateErrors` wrapping it keep that text, so the first `Status code '` in the error's
 * message decides. (The client sets no `cause`, and `statusCode` only repeats that text.)
 */
export function refusedAtNegotiation(error: unknown): boolean {
  // The empty alternative makes the first `Status code '` match whatever follows it; the group
  // holds text only when that is 401, 403 or 404 and its closing quote.
  return !!/Status code '(40[134]'|)/.exec(String((error as Error | undefined)?.message))?.[1];
}
