import { CircuitRefusedError } from '../../errors/circuit-refused-error';
import { StartFailedError } from '../../errors/start-failed-error';
import { UnauthorizedError } from '../../errors/unauthorized-error';
import { createGuard } from '../../logging/guard';
import type { Logger } from '../../logging/logger';
import { ERROR, INFORMATION, TRACE, WARNING } from '../../logging/logger';
import type { ReconnectionHandler, ResolvedCircuitOptions } from '../../options/types';
import type { OutageState } from '../../reconnection/reconnection-process';
import { isAttachable } from './attachable-handler';
import { invokeCircuitMethod } from './circuit-methods';
import { classifyConnectFailure } from './connect-failure';
import { sendDisconnectBeacon } from './disconnect-beacon';
import { stopQuietly, type HubConnectionLike } from './hub-connection';
import { watchPageLifecycle } from './page-lifecycle';

/**
 * Where the circuit stands. The live connection exists exactly in `connected`, so it lives in
 * that state's record and nowhere else.
 * - `starting`: the first circuit is not up yet (maybe retrying).
 * - `connected`: a live connection carries the circuit. `down`: it dropped; reconnecting.
 * - `disconnected`: the page said goodbye (`disconnect()`, `pagehide`).
 */
type Circuit<C> =
  | { readonly state: 'starting' | 'down' | 'disconnected' }
  | { readonly state: 'connected'; readonly connection: C };

export type CircuitHostState = Circuit<unknown>['state'];

/**
 * The circuit: starts it over a SignalR connection, notices when that connection drops, and
 * reconnects it on request with a new connection. It reports drops to the reconnection handler
 * and never decides when to retry: that is the reconnection core's job.
 */
export interface CircuitHost<C extends HubConnectionLike = HubConnectionLike> {
  readonly state: CircuitHostState;
  /** The live connection: exactly in `connected`. */
  readonly connection: C | undefined;
  /** The current outage's state, when the handler is this library's own (it reports it); else `undefined`. */
  readonly outage: OutageState | undefined;
  /**
   * Calls `listener` after every change of `state` or `outage` (the page's connection handle
   * derives its state from both). Returns its remover.
   */
  watch(listener: () => void): () => void;
  /**
   * The first circuit's start, begun when the host is made. If the server cannot be reached, the
   * drop is reported to the reconnection handler like any outage, so the same policy and display
   * retry it; it settles when a start succeeds, the server refuses, or the retries end.
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
 * Builds the {@link CircuitHost} and starts the first circuit at once (its result is `started`);
 * it listens to `pagehide`/`pageshow` until `dispose()`. The handler is told of every drop and
 * resume; a handler of this library's own is attached to the host, so it restores this circuit
 * and reports how a first start's retries end.
 * @param createConnection - builds a new, unstarted connection for each start or resume attempt.
 */
export function createCircuitHost<C extends HubConnectionLike>(
  options: ResolvedCircuitOptions,
  handler: ReconnectionHandler,
  logger: Logger,
  win: Window,
  createConnection: () => C,
): CircuitHost<C> {
  const { circuitHandshake, circuitHandlers, reconnectionOptions } = options;
  const guard = createGuard(logger);
  let circuit: Circuit<C> = { state: 'starting' };
  let outage: OutageState | undefined;
  const watchers = new Set<() => void>();
  const notify = (): void => {
    for (const watcher of watchers) watcher();
  };
  /** The one place the circuit changes, so every change reaches the watchers. */
  const change = (next: Circuit<C>): void => {
    circuit = next;
    notify();
  };
  /** The started circuit's secret id and the hub it lives on (for the beacon). */
  let identity: { readonly id: string; readonly hubUrl: string } | undefined;
  /** The hub the last connection was built for (`configureSignalR` may have moved it): names the tabs' group. */
  let hubUrl: string | undefined;
  let inFlight: Promise<boolean> | undefined;
  /** Why a retry of the first start was refused: the cause of its `StartFailedError`. */
  let startRefusal: Error | undefined;
  // Both set by the `started` executor, which runs before anything can settle the start.
  let resolveStart!: () => void;
  let rejectStart!: (error: Error) => void;

  const notifyCircuitHandlers = (method: 'onCircuitOpened' | 'onCircuitClosed'): void => {
    circuitHandlers.forEach((circuitHandler, index) => {
      guard(`circuitHandlers[${index}].${method}`, () => circuitHandler[method]?.());
    });
  };

  /** An outage: a drop, a page back from the cache, or a first start that did not reach the server. */
  const down = (error: Error): void => {
    // The first start's retries stay `starting`: their success is a start, not a resume.
    if (circuit.state !== 'starting') change({ state: 'down' });
    guard('reconnectionHandler.onConnectionDown', () => {
      handler.onConnectionDown(reconnectionOptions, error);
    });
  };

  /**
   * A fresh connection plus `StartCircuit` (first start) or `ConnectCircuit` (resume). `true`:
   * adopted; `false`: the server was reached and refused; throws when it was not reached. Every
   * path that does not adopt the connection stops it.
   * @param firstTry - the start made when the host is built, before any retry of the policy.
   * @param quiet - a resume the handler never heard of (see `resumeQuietly`): no connection-up.
   */
  const connect = async (firstTry: boolean, quiet = false): Promise<boolean> => {
    const before = circuit;
    const starting = before.state === 'starting';
    const opened = createConnection();
    hubUrl = opened.baseUrl;
    opened.onclose((error) => {
      // Closes of failed attempts and of connections we stopped ourselves are not outages.
      if (circuit.state !== 'connected' || circuit.connection !== opened) return;
      (page.navigating() ? resumeQuietly : down)(error ?? new Error('Connection closed.'));
    });
    /**
     * The server was reached and will not have us. A refused first try rejects `started` at
     * once (and says why on the console); a refused retry of a start is kept as the cause of the
     * `StartFailedError` the outage's end produces; a refused resume only answers `false`.
     */
    const refuse = (error?: Error): false => {
      stopQuietly(opened);
      if (starting && error && firstTry) {
        logger.log(ERROR, error.message);
        rejectStart(error);
      } else if (starting) {
        startRefusal = error;
      }
      return false;
    };
    /** After every `await`: another path (a disconnect, a concurrent attempt) may have won meanwhile. */
    const checkState = (): void => {
      if (circuit !== before) throw new Error('Superseded.');
    };
    let answer: unknown;
    try {
      await opened.start();
      checkState();
      if (circuitHandshake) {
        answer = await invokeCircuitMethod(opened, win, starting, identity?.id);
        checkState();
      }
    } catch (error) {
      stopQuietly(opened);
      const failure = classifyConnectFailure(error, { url: opened.baseUrl, firstTry, starting, circuitHandshake });
      if ('refuse' in failure) return refuse(failure.refuse);
      throw failure.raise;
    }
    if (circuitHandshake && starting) {
      if (typeof answer !== 'string' || !answer) return refuse(new CircuitRefusedError());
      identity = { id: answer, hubUrl: opened.baseUrl };
      logger.log(TRACE, `Circuit started: ${answer}.`);
    } else if (circuitHandshake && answer !== true) {
      logger.log(INFORMATION, 'The server rejected the circuit: its state is gone.');
      return refuse();
    }
    change({ state: 'connected', connection: opened });
    if (starting) {
      notifyCircuitHandlers('onCircuitOpened');
      resolveStart();
    }
    if (!firstTry && !quiet) {
      guard('reconnectionHandler.onConnectionUp', () => {
        handler.onConnectionUp();
      });
    }
    return true;
  };

  /** Stops the connection (its close is then no outage) and leaves the circuit disconnected. */
  const end = (): void => {
    const ended = circuit;
    change({ state: 'disconnected' });
    if (ended.state === 'connected') stopQuietly(ended.connection);
  };

  const disconnect = (): void => {
    if (circuit.state === 'disconnected') return;
    if (identity) sendDisconnectBeacon(win.navigator, identity.hubUrl, identity.id);
    end();
    rejectStart(new Error('Disconnected.'));
    notifyCircuitHandlers('onCircuitClosed');
  };

  const page = watchPageLifecycle(win, {
    hide: disconnect,
    // Back from the back/forward cache after `pagehide` said goodbye: try to resume; a server
    // that dropped the circuit answers "rejected", and the display reloads the page.
    restored: () => {
      if (circuit.state === 'disconnected' && identity) down(new Error('Restored from the back/forward cache.'));
    },
  });

  const reconnect = (quiet = false): Promise<boolean> => {
    if (circuit.state === 'connected') return Promise.resolve(true);
    inFlight ??= connect(false, quiet).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  /**
   * Closed by a navigation's start (Firefox; see `watchPageLifecycle`), the page still here: one
   * attempt at once, with no log, display or outage; if it leaves us down, the outage begins.
   */
  const resumeQuietly = (lost: Error): void => {
    change({ state: 'down' });
    const fallBack = (): void => {
      if (circuit.state === 'down') down(lost);
    };
    reconnect(true).then(fallBack, fallBack);
  };

  const started = new Promise<void>((resolve, reject) => {
    resolveStart = resolve;
    rejectStart = reject;
  });

  if (isAttachable(handler)) {
    handler.attach({
      attempt: reconnect,
      get tabGroup() {
        return hubUrl;
      },
      settled: (outcome, attempts, cause) => {
        if (circuit.state !== 'starting' || (outcome !== 'failed' && outcome !== 'rejected')) return;
        // The first start counts as an attempt: `maxRetries: 3` makes four connections.
        const error = new StartFailedError(outcome, attempts + 1, {
          cause: outcome === 'rejected' ? startRefusal : cause,
        });
        logger.log(ERROR, error.message, cause);
        rejectStart(error);
      },
      outageChanged: (state) => {
        outage = state;
        notify();
      },
    });
  }

  connect(true).catch((error: unknown) => {
    if (circuit.state !== 'starting') return;
    // The handler says why an unauthorized start waits; any other failure is retried.
    if (!(error instanceof UnauthorizedError)) logger.log(WARNING, 'Start failed; retrying.', error);
    down(error instanceof Error ? error : new Error(String(error)));
  });

  return {
    get state() {
      return circuit.state;
    },
    get connection() {
      return circuit.state === 'connected' ? circuit.connection : undefined;
    },
    get outage() {
      return outage;
    },
    watch(listener) {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
    started,
    reconnect,
    disconnect,
    dispose() {
      page.dispose();
      end();
    },
  };
}
