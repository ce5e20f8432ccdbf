/**
 * The first negotiation answered 404: nothing is mapped at the hub URL. A configuration error,
 * not an outage, so the first `start()` fails at once instead of retrying behind a dialog over
 * a page that never connected. (A 404 after the circuit started is retried as an outage: a
 * deployment in progress may answer it for a moment.)
 */
export class HubNotFoundError extends Error {
  override readonly name = 'HubNotFoundError';
  /** The hub URL the negotiation was sent to. */
  readonly url: string;

  constructor(url: string, options: { cause: unknown }) {
    super(
      `No hub at ${url}: its negotiation answered 404. Check the hub URL (the default is '_blazor' ` +
        `relative to the page's base URI; configureSignalR: (builder) => builder.withUrl(...) changes it).`,
      options,
    );
    this.url = url;
  }
}
