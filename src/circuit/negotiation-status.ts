/**
 * The HTTP status the server answered a negotiation with, if the error says so. @microsoft/signalr
 * wraps the `HttpError` (which has `statusCode`) into a `FailedToNegotiateWithServerError` whose
 * message keeps the `Status code 'NNN'` text, so both forms, and `cause` chains, are read.
 */
export function negotiationStatus(error: unknown): number | undefined {
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (typeof current !== 'object') break;
    const candidate = current as { statusCode?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.statusCode === 'number') return candidate.statusCode;
    if (typeof candidate.message === 'string') {
      const match = /Status code '(\d{3})'/.exec(candidate.message);
      if (match?.[1] !== undefined) return Number(match[1]);
    }
    current = candidate.cause;
  }
  return undefined;
}

/** Statuses that mean "the server was reached and will not have us": a rejection, not an outage. */
export function isRefusalStatus(status: number | undefined): boolean {
  return status === 401 || status === 403 || status === 404;
}
