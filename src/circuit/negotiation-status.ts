/**
 * Whether the server answered the negotiation 401, 403 or 404: it was reached and will not have
 * us, a rejection rather than an outage. @microsoft/signalr wraps the `HttpError` (which has
 * `statusCode`) into a `FailedToNegotiateWithServerError` whose message keeps the
 * `Status code 'NNN'` text, so both forms, and `cause` chains, are read; the first status found
 * decides.
 */
export function refusedAtNegotiation(error: unknown): boolean {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const { statusCode, message, cause } = current as { statusCode?: unknown; message?: unknown; cause?: unknown };
    const status = typeof statusCode === 'number' ? statusCode : typeof message === 'string' ? /Status code '(\d{3})'/.exec(message)?.[1] : undefined;
    if (status !== undefined) return [401, 403, 404].includes(Number(status));
    current = cause;
  }
  return false;
}
