/**
 * The HTTP status the server answered a negotiation with, when an error says so; else
 * `undefined`. @microsoft/signalr's `HttpError` writes its status into its message
 * (`Not Found: Status code '404'`), and the `FailedToNegotiateWithServerError` or
 * `AggregateErrors` wrapping it keep that text, so the first `Status code '…'` in the message
 * decides. (The client sets no `cause`, and `statusCode` exists on the inner error only.)
 */
export function negotiationStatus(error: unknown): number | undefined {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  const match = /Status code '(\d{3})'/.exec(String(message));
  return match ? Number(match[1]) : undefined;
}

/** Negotiation answers that mean "reached, and will not have these credentials" (not an outage). */
export const UNAUTHORIZED_STATUSES: ReadonlySet<number> = new Set([401, 403]);

/**
 * The `Retry-After` of a busy negotiation (429/503) in milliseconds, as `ServerAdviceHttpClient`
 * wrote it into the error's text; `undefined` when the answer had none. The last note counts:
 * anything before it is the server's own body.
 */
export function negotiationRetryAfterMs(error: unknown): number | undefined {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  const notes = [...String(message).matchAll(/\(Retry-After: (\d+) ms\)/g)];
  const last = notes.at(-1);
  return last ? Number(last[1]) : undefined;
}
