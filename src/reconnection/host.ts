import type { OutageState } from './outage-state';

/**
 * What the reconnection core needs from a host (the circuit contract, a real Blazor app, a plain
 * SignalR hub): a way to attempt, optionally a way to resume, and a place to report outcomes.
 * The core decides *when*; the host knows *how*. A host tells the core that its connection went
 * down or came back through the reconnection handler (`onConnectionDown` / `onConnectionUp`).
 */
export interface ReconnectionHost {
  /**
   * One attempt to restore the connection. Resolves `true` when it is restored (resumed),
   * `false` when the server was reached but no longer holds the session (rejected); throws when
   * the server was not reached, and the policy schedules the next attempt; throws an
   * `UnauthorizedError` when the server refused the credentials (the outage then waits for a
   * sign-in: `reconnectionOptions.onUnauthorized` or the display's Sign in).
   */
  attempt(): Promise<boolean>;
  /**
   * Tried once after `attempt()` answered `false`, before the outage ends rejected: brings the
   * session back from state the client holds (Blazor 10's `Blazor.resumeCircuit()`), and is what
   * the Resume button of a paused session calls. `true`: resumed; `false` or a throw: rejected
   * (after a pause: resume-failed).
   */
  resume?(): Promise<boolean>;
  /**
   * Told how each outage ended and after how many attempts (a first start waiting on the outage
   * settles from it). `failed` may later be followed by another outcome after a manual retry.
   * @param cause - the last attempt's error, for `failed`.
   */
  settled?(outcome: OutageOutcome, attempts: number, cause?: unknown): void;
  /**
   * Told of every state change of the current outage, as it happens (a host that reports its
   * connection's state to the page follows the outage: offline, failed, paused…).
   */
  outageChanged?(state: OutageState): void;
  /**
   * Names the server this host reconnects to (its absolute hub URL; never a circuit id, which is
   * a secret): tabs of one origin whose hosts name the same group share each outage's attempts
   * (`reconnectionOptions.coordinateTabs`). Read at each connection-down. Absent: this host's
   * tab reconnects on its own.
   */
  readonly tabGroup?: string | undefined;
}

/**
 * How an outage ended: `resumed` (up again), `rejected` (the session is gone), `failed` (the
 * policy stopped retrying), `resume-failed` (a paused session could not be resumed).
 */
export type OutageOutcome = 'resumed' | 'rejected' | 'failed' | 'resume-failed';

/** Why the handler was told the connection is down. */
export type DownReason =
  /** The connection dropped (or a first start did not reach the server): reconnect. */
  | 'dropped'
  /** Blazor 10 paused the circuit (`isPausing`): wait for the user's Resume, attempt nothing. */
  | 'paused'
  /** The server refused the credentials (an `UnauthorizedError`): wait for a sign-in. */
  | 'unauthorized';
