/**
 * The hub's negotiation answered 401 or 403: the server was reached and refuses the page's
 * credentials (an expired sign-in cookie or token). Not an outage: retrying with the same
 * credentials cannot succeed, and reloading may only loop through a sign-in redirect. The outage
 * enters the `unauthorized` state instead, and `reconnectionOptions.onUnauthorized` (or the
 * dialog's Sign in button) gets new credentials.
 */
export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
  /** The hub URL the negotiation was sent to. */
  readonly url: string;
  /** The HTTP status the negotiation answered: 401 or 403. */
  readonly status: number;

  constructor(url: string, status: number, options: { cause: unknown }) {
    super(`The hub at ${url} refused the sign-in: its negotiation answered ${status}.`, options);
    this.url = url;
    this.status = status;
  }
}
