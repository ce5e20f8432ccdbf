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
