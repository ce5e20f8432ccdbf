import { CircuitRefusedError } from '../../errors/circuit-refused-error';
import { HubMethodError } from '../../errors/hub-method-error';
import { HubNotFoundError } from '../../errors/hub-not-found-error';
import { ServerBusyError } from '../../errors/server-busy-error';
import { UnauthorizedError } from '../../errors/unauthorized-error';
import { negotiationRetryAfterMs, negotiationStatus, UNAUTHORIZED_STATUSES } from './negotiation-status';
import { BUSY_STATUSES } from '../../retry/retry-after';

/** What a failed connection attempt means: the server refused us (`refuse`), or an outage (`raise`, thrown to the core). */
export type ConnectFailure = { readonly refuse: Error } | { readonly raise: unknown };

/** Where the failed attempt stood. */
export interface ConnectContext {
  /** The hub URL the connection negotiated with. */
  readonly url: string;
  /** The start made when the host was built, before any retry. */
  readonly firstTry: boolean;
  /** No circuit yet (the first start or its retries). */
  readonly starting: boolean;
  readonly circuitHandshake: boolean;
}

/**
 * Sorts a failed connect (negotiation, transport or circuit method) into a refusal or an outage.
 * @example classifyConnectFailure(new Error("… Status code '401'"), context) // { raise: UnauthorizedError }
 */
export function classifyConnectFailure(error: unknown, { url, firstTry, starting, circuitHandshake }: ConnectContext): ConnectFailure {
  if (error instanceof HubMethodError && starting) return { refuse: new CircuitRefusedError({ cause: error }) };
  const status = negotiationStatus(error);
  // A wrong hub URL is a configuration error, not an outage: the first start fails at once.
  if (firstTry && status === 404) return { refuse: new HubNotFoundError(url, { cause: error }) };
  // Expired credentials, in either mode: no retry with the same ones can succeed, and the
  // outage waits for a sign-in (the core's `unauthorized` state).
  if (status !== undefined && UNAUTHORIZED_STATUSES.has(status)) return { raise: new UnauthorizedError(url, status, { cause: error }) };
  // A server shedding load says when to come back; without `Retry-After`, a plain outage.
  const advisedMs = negotiationRetryAfterMs(error);
  if (status !== undefined && BUSY_STATUSES.has(status) && advisedMs !== undefined) {
    return { raise: new ServerBusyError(url, status, advisedMs, { cause: error }) };
  }
  // A stateless hub's 404 refuses us. Anything else is an outage, thrown as it came (a proxy
  // refusing upgrades for a moment must not end a session).
  if (!circuitHandshake && status === 404) return { refuse: new CircuitRefusedError({ cause: error }) };
  return { raise: error };
}
