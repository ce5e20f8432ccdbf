import { listen } from '../../dom/listen';
import { CircuitRefusedError } from '../../errors/circuit-refused-error';
import { HubMethodError } from '../../errors/hub-method-error';
import { StartFailedError } from '../../errors/start-failed-error';
import type { Logger } from '../../logging/logger';
import { ERROR, INFORMATION, TRACE, WARNING } from '../../logging/logger';
import type { CircuitHandler, ReconnectionHandler, ResolvedCircuitOptions } from '../../options/types';
import type { ReconnectionOutcome } from '../../reconnection/reconnection-process';
import { refusedAtNegotiation } from './negotiation-status';
import type { ConnectionFactory, HubConnectionLike } from './hub-connection';

/**
 * - `starting`: the first circuit is not up yet (maybe retrying).
 * - `connected`: a live connection carries the circuit. `down`: it dropped; reconnecting.
 * - `disconnected`: the page said goodbye (`disconnect()`, `pagehide`).
 */
export type CircuitState = 'starting' | 'connected' | 'down' | 'disconnected';

/**
 * The circuit: starts it over a SignalR connection, notices when that connection drops, and
 * reconnects it on request with a new connection. It reports drops to the reconnection handler
 * and never decides when to retry: that is the handler's reconnection process.
 */
export interface CircuitHost {
  readonly state: CircuitState;
  /**
   * The first circuit's start, begun when the host is made. If the server cannot be reached, the
   * drop is reported to the reconnection handler like any outage, so the same policy and display
   * retry it; it settles when a start succeeds, the server refuses, or (default handler) the
   * retries fail.
   */
  readonly started: Promise<void>;
  /**
   * One reconnection attempt; concurrent calls share it. `true`: connected (already, or resumed
   * now, and the handler's `onConnectionUp` ran); `false`: the server was reached and no longer
   * holds the circuit; throws: the server was not reached.
   */
  reconnect(): Promise<boolean>;
  /** Ends the circuit: stops the connection and tells the server with a beacon. */
  disconnect(): void;
  /** Removes the page listeners and stops the connection without telling the server (tests, teardown). */
  dispose(): void;
}

/**
 * Makes the reconnection handler for a host, given that host's `reconnect` and where to report how
 * each outage ends (a `failed` one rejects a first start still pending), so the handler needs no
 * reference to the host it is made for.
 */
export type HandlerFactory = (
  reconnect: () => Promise<boolean>,
  onOutcome: (outcome: ReconnectionOutcome) => void,
) => ReconnectionHandler;

/**
 * Builds the {@link CircuitHost} and starts the first circuit at once (its result is `started`);
 * it listens to `pagehide`/`pageshow` until `dispose()`.
 * @param makeHandler - makes the handler told of every drop and resume (the reconnection process
 *   lives there).
 * @param createConnection - builds a new, unstarted connection for each start or resume attempt.
 */
export function createCircuitHost(
  options: ResolvedCircuitOptions,
  makeHandler: HandlerFactory,
  logger: Logger,
  win: Window,
  createConnection: ConnectionFactory,
): CircuitHost {
  const { circuitHandshake, circuitHandlers, reconnectionOptions } = options;
  let state: CircuitState = 'starting';
  let connection: HubConnectionLike | undefined;
  let circuitId: string | undefined;
  let hubUrl: string | undefined;
  let inFlight: Promise<boolean> | undefined;
  let attemptsDuringStart = 0;
  // Both set by the `started` executor, which runs before anything can settle the start.
  let resolveStart!: () => void;
  let rejectStart!: (error: Error) => void;

  /**
   * Page code must not break the circuit: a throwing callback is logged, never propagated. The
   * callback names (`onConnectionDown`, `onCircuitOpened`…) say which kind of handler threw.
   */
  const guard = <K extends string, A extends unknown[]>(
    target: Partial<Record<K, (...args: A) => void>>,
    method: K,
    ...args: A
  ): void => {
    try {
      target[method]?.(...args);
    } catch (error) {
      logger.log(ERROR, `${method} threw.`, error);
    }
  };

  const notifyCircuitHandlers = (method: keyof CircuitHandler): void => {
    circuitHandlers.forEach((circuitHandler) => {
      guard(circuitHandler, method);
    });
  };

  /** An outage: a drop, a page back from the cache, or a first start that did not reach the server. */
  const down = (error: Error): void => {
    connection = undefined;
    // The first start's retries stay `starting`: their success is a start, not a resume.
    if (state !== 'starting') state = 'down';
    guard(handler, 'onConnectionDown', reconnectionOptions, error);
  };

  const stop = (stopped: HubConnectionLike | undefined): void => {
    if (stopped && stopped.state !== 'Disconnected') {
      // Stopping a connection that is already failing has nothing useful to report.
      stopped.stop().catch(() => undefined);
    }
  };

  /**
   * A fresh connection plus `StartCircuit` (first start) or `ConnectCircuit` (resume). `true`:
   * adopted; `false`: the server was reached and refused; throws when it was not reached. Every
   * path that does not adopt the connection stops it.
   */
  const connect = async (fromReconnect: boolean): Promise<boolean> => {
    const before = state;
    const starting = before === 'starting';
    const opened = createConnection();
    opened.onclose((error) => {
      // Closes of failed attempts and of connections we stopped ourselves are not outages.
      if (opened === connection) down(error ?? new Error('Connection closed.'));
    });
    /** A refused first start rejects `started`; a refused resume only answers `false`. */
    const refuse = (cause?: HubMethodError): false => {
      stop(opened);
      if (starting) {
        const error = new CircuitRefusedError(cause && { cause });
        logger.log(ERROR, error.message);
        rejectStart(error);
      }
      return false;
    };
    /** After every `await`: another path (a disconnect, a concurrent attempt) may have won meanwhile. */
    const checkState = (): void => {
      if (state !== before) throw new Error('Superseded.');
    };
    try {
      await opened.start();
      checkState();
      if (circuitHandshake) {
        const method = starting ? 'StartCircuit' : 'ConnectCircuit';
        let answer: unknown;
        try {
          answer = await opened.invoke(method, ...(starting ? [win.document.baseURI, win.location.href, '[]', ''] : [circuitId]));
        } catch (error) {
          // Still connected means the hub itself answered with an error (e.g. no such method);
          // otherwise the link failed: an outage, thrown as it came.
          if (opened.state !== 'Connected') throw error;
          const hubError = new HubMethodError(method, { cause: error });
          if (starting) return refuse(hubError);
          throw hubError;
        }
        checkState();
        if (starting && typeof answer === 'string' && answer) {
          circuitId = answer;
          logger.log(TRACE, `Circuit started: ${answer}.`);
        } else if (starting || answer !== true) {
          if (!starting) logger.log(INFORMATION, 'The server rejected the circuit: its state is gone.');
          return refuse();
        }
      }
    } catch (error) {
      stop(opened);
      // Negotiation or transport failed, the hub answered a resume with an error, or another path
      // won meanwhile: thrown, never a rejection (a proxy refusing upgrades for a moment must not
      // end a session). Only a stateless hub's 401/403/404 at negotiation refuses us.
      if (!circuitHandshake && refusedAtNegotiation(error)) return refuse();
      throw error;
    }
    connection = opened;
    hubUrl = opened.baseUrl;
    state = 'connected';
    if (starting) {
      notifyCircuitHandlers('onCircuitOpened');
      resolveStart();
    }
    if (fromReconnect) guard(handler, 'onConnectionUp');
    return true;
  };

  /** Stops the connection (its close is then no outage) and leaves the circuit disconnected. */
  const end = (): void => {
    const ended = connection;
    connection = undefined;
    state = 'disconnected';
    stop(ended);
  };

  const disconnect = (): void => {
    if (state === 'disconnected') return;
    if (circuitId && hubUrl) sendDisconnectBeacon(win.navigator, hubUrl, circuitId);
    end();
    rejectStart(new Error('Disconnected.'));
    notifyCircuitHandlers('onCircuitClosed');
  };

  const removePageHide = listen(win, 'pagehide', disconnect);
  const removePageShow = listen(win, 'pageshow', (event: PageTransitionEvent) => {
    // Back from the back/forward cache after `pagehide` said goodbye: try to resume; a server
    // that dropped the circuit answers "rejected", and the display reloads the page.
    if (event.persisted && state === 'disconnected' && circuitId) down(new Error('Restored from the back/forward cache.'));
  });

  const reconnect = (): Promise<boolean> => {
    if (state === 'connected') return Promise.resolve(true);
    if (!inFlight) {
      if (state === 'starting') attemptsDuringStart += 1;
      inFlight = connect(true).finally(() => {
        inFlight = undefined;
      });
    }
    return inFlight;
  };

  const started = new Promise<void>((resolve, reject) => {
    resolveStart = resolve;
    rejectStart = reject;
  });
  const handler = makeHandler(reconnect, (outcome) => {
    if (outcome === 'failed') rejectStart(new StartFailedError('failed', attemptsDuringStart));
  });

  connect(false).catch((error: unknown) => {
    if (state !== 'starting') return;
    logger.log(WARNING, 'Start failed; retrying.', error);
    down(error instanceof Error ? error : new Error(String(error)));
  });

  return {
    get state() {
      return state;
    },
    started,
    reconnect,
    disconnect,
    dispose() {
      removePageHide();
      removePageShow();
      end();
    },
  };
}

/**
 * Tells the server the page is gone so it can free the circuit at once instead of keeping it for
 * the retention period: `POST <hub url>/disconnect` with a form field `circuitId`, as Blazor does.
 * A beacon survives the page unloading; the circuit id travels in the body, never in the URL.
 * `/disconnect` goes at the end of the hub URL's path (the connection's absolute `baseUrl`),
 * before any query or fragment, in place of trailing slashes.
 */
function sendDisconnectBeacon(nav: Navigator, hubUrl: string, circuitId: string): void {
  try {
    const body = new FormData();
    body.append('circuitId', circuitId);
    nav.sendBeacon(hubUrl.replace(/\/*(?=[?#]|$)/, '/disconnect'), body);
  } catch {
    // No `sendBeacon` (non-browser hosts) or a URL it refuses: the server's retention period
    // frees the circuit instead.
  }
}
