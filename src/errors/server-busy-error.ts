/**
 * The hub's negotiation answered 429 or 503 with a `Retry-After` header: the server is up and
 * shedding load (a rate limiter, a node draining), and says when to come back. An outage like
 * any other, except that the next wait is at least `retryAfterMs` plus a jitter (see
 * `serverAdvisedWait`), so a crowd told the same time does not come back at the same instant.
 * A 429 or 503 without `Retry-After` is a plain outage.
 */
export class ServerBusyError extends Error {
  override readonly name = 'ServerBusyError';
  /** The hub URL the negotiation was sent to. */
  readonly url: string;
  /** The HTTP status the negotiation answered: 429 or 503. */
  readonly status: number;
  /** The server's `Retry-After`, in milliseconds from when the answer arrived (≥ 0). */
  readonly retryAfterMs: number;

  constructor(url: string, status: number, retryAfterMs: number, options: { cause: unknown }) {
    super(`The hub at ${url} is busy: its negotiation answered ${status} with Retry-After ${retryAfterMs / 1000} s.`, options);
    this.url = url;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}
