/**
 * Reads an HTTP `Retry-After` value (RFC 9110 §10.2.3) as milliseconds from now: either a whole
 * number of seconds (`120`) or an HTTP date (`Fri, 31 Dec 1999 23:59:59 GMT`). A date is
 * measured against the answer's own `Date` header when it has one, so a client whose clock is
 * off still waits what the server meant; a date in the past is 0. `undefined` when the header is
 * missing or unreadable: the answer is then an outage like any other.
 * @param dateHeader - the response's `Date` header, if any.
 * @param nowMs - the client's clock, used when there is no readable `Date` header.
 * @example retryAfterMs('5', null, Date.now()) // 5000
 */
export function retryAfterMs(header: string | null, dateHeader: string | null, nowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Every HTTP-date form starts with a day name; Date.parse alone would take `-1` for a year.
  const at = /^[A-Za-z]{3}/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(at)) return undefined;
  const serverNow = dateHeader === null ? Number.NaN : Date.parse(dateHeader);
  return Math.max(0, at - (Number.isFinite(serverNow) ? serverNow : nowMs));
}

/** The statuses that carry a server's `Retry-After` when it sheds load. */
export const BUSY_STATUSES: ReadonlySet<number> = new Set([429, 503]);
