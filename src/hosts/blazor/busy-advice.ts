/** A negotiation the server answered 429 or 503 with a readable `Retry-After`. */
export interface BusyAnswer {
  /** The hub URL the negotiation was sent to. */
  readonly url: string;
  /** 429 or 503. */
  readonly status: number;
  /** The server's `Retry-After`, in milliseconds from when the answer arrived. */
  readonly retryAfterMs: number;
}

/**
 * What the last negotiation of Blazor's connection said about the server's load, passed from
 * the HTTP client `configureSignalR` gives Blazor's builder to the Blazor host, which turns a
 * failed attempt into a `ServerBusyError`. Blazor's only path from one to the other is the text
 * of the error it throws, so the answer is handed over here instead. One per page: the entry
 * makes it, and every handler and client of the page share it (a page starts Blazor once).
 */
export class BusyAdvice {
  private answer: BusyAnswer | undefined;

  /** A negotiation went out (`undefined`) or answered busy: the last one is what counts. */
  record(answer: BusyAnswer | undefined): void {
    this.answer = answer;
  }

  /** The busy answer recorded since the last `take()`, if the last negotiation was one. */
  take(): BusyAnswer | undefined {
    const { answer } = this;
    this.answer = undefined;
    return answer;
  }
}
