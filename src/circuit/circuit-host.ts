import { HubConnectionState } from '@microsoft/signalr';
import { listen } from '../dom/listen';
import { CircuitNotInitializedError } from '../errors/circuit-not-initialized-error';
import { CircuitRefusedError } from '../errors/circuit-refused-error';
import { HubMethodError } from '../errors/hub-method-error';
import { StartFailedError } from '../errors/start-failed-error';
import type { Logger } from '../logging/logger';
import { LogLevel } from '../logging/logger';
import type { ReconnectionHandler, ResolvedCircuitOptions } from '../options/types';
import type { ReconnectionOutcome } from '../reconnection/reconnection-process';
import { callCircuitHandlers, callHandler } from './guarded-callbacks';
import { isRefusalStatus, negotiationStatus } from './negotiation-status';
import type { ConnectionFactory, HubConnectionLike } from './hub-connection';
import { sendDisconnectBeacon } from './disconnect-beacon';

/**
 * - `idle`: nothing started. `starting`: the first circuit is not up yet (maybe retrying).
 * - `connected`: a live connection carries the circuit. `down`: it dropped; reconnecting.
 * - `disconnected`: the page said goodbye (`disconnect()`, `pagehide`).
 */
export type CircuitState = 'idle' | 'starting' | 'connected' | 'down' | 'disconnected';

export interface CircuitHostOptions {
  readonly options: ResolvedCircuitOptions;
  readonly createConnection: ConnectionFactory;
  readonly handler: ReconnectionHandler;
  readonly logger: Logger;
  readonly window: Window;
}

/** Set after an `await` when another path changed the state meanwhile. */
class SupersededError extends Error {
  override readonly name = 'SupersededError';
}

/**
 * The circuit: starts it over a SignalR connection, notices when that connection drops, and
 * reconnects it on request with a new connection. It reports drops to the reconnection handler
 * and never decides when to retry: that is the handler's reconnection process.
 */
export class CircuitHost {
  private currentState: CircuitState = 'idle';
  private connection: HubConnectionLike | undefined;
  private circuitId: string | undefined;
  private hubUrl: string | undefined;
  private inFlight: Promise<boolean> | undefined;
  private pendingStart: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private attemptsDuringStart = 0;
  private readonly removeListeners: () => void;

  constructor(private readonly config: CircuitHostOptions) {
    const removePageHide = listen(config.window, 'pagehide', () => {
      this.disconnect();
    });
    const removePageShow = listen(config.window, 'pageshow', (event: PageTransitionEvent) => {
      if (event.persisted) this.onRestoredFromCache();
    });
    this.removeListeners = () => {
      removePageHide();
      removePageShow();
    };
  }

  get state(): CircuitState {
    return this.currentState;
  }

  /**
   * Starts the first circuit. If the server cannot be reached, the drop is reported to the
   * reconnection handler like any outage, so the same policy and display retry it; the promise
   * settles when a start succeeds, the server refuses, or (default handler) the retries fail.
   */
  start(): Promise<void> {
    this.currentState = 'starting';
    const started = new Promise<void>((resolve, reject) => {
      this.pendingStart = { resolve, reject };
    });
    void this.firstAttempt();
    return started;
  }

  /**
   * One reconnection attempt; concurrent calls share it. `true`: connected (already, or resumed
   * now, and the handler's `onConnectionUp` ran); `false`: the server was reached and no longer
   * holds the circuit; throws: the server was not reached.
   */
  reconnect(): Promise<boolean> {
    if (this.currentState === 'idle') return Promise.reject(new CircuitNotInitializedError());
    if (this.currentState === 'connected') return Promise.resolve(true);
    this.inFlight ??= this.attempt().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Ends the circuit: stops the connection and tells the server with a beacon. */
  disconnect(): void {
    if (this.currentState === 'idle' || this.currentState === 'disconnected') return;
    const connection = this.connection;
    this.connection = undefined;
    this.currentState = 'disconnected';
    if (this.circuitId !== undefined && this.hubUrl !== undefined) {
      sendDisconnectBeacon(this.config.window.navigator, this.hubUrl, this.circuitId);
    }
    if (connection) void stopQuietly(connection);
    this.settleStart(new Error('The circuit was disconnected before it started.'));
    callCircuitHandlers(this.config.options.circuitHandlers, 'onCircuitClosed', this.config.logger);
  }

  /** Told by the default handler how an outage ended: settles a first `start()` still pending. */
  onOutcome(outcome: ReconnectionOutcome): void {
    if (outcome === 'failed') this.settleStart(new StartFailedError('failed', this.attemptsDuringStart));
  }

  /** Removes the page listeners and stops the connection without telling the server (tests, teardown). */
  dispose(): void {
    this.removeListeners();
    const connection = this.connection;
    this.connection = undefined;
    this.currentState = 'disconnected';
    if (connection) void stopQuietly(connection);
  }

  private async firstAttempt(): Promise<void> {
    try {
      await this.startCircuit();
    } catch (error) {
      if (this.currentState !== 'starting') return;
      if (error instanceof CircuitRefusedError) return;
      this.config.logger.log(LogLevel.Warning, 'Could not reach the server to start the circuit; retrying.', error);
      callHandler(this.config.handler, 'onConnectionDown', this.config.logger, this.config.options.reconnectionOptions, asError(error));
    }
  }

  private async attempt(): Promise<boolean> {
    if (this.currentState === 'starting') {
      this.attemptsDuringStart += 1;
      try {
        await this.startCircuit();
      } catch (error) {
        if (error instanceof CircuitRefusedError) return false;
        throw error;
      }
      callHandler(this.config.handler, 'onConnectionUp', this.config.logger);
      return true;
    }
    return this.resumeCircuit();
  }

  /** A fresh connection plus `StartCircuit`. Resolves when adopted; throws CircuitRefusedError or the reach error. */
  private async startCircuit(): Promise<void> {
    const { circuitHandshake } = this.config.options;
    const connection = await this.openConnection();
    if (connection === false) this.refuseStart(new CircuitRefusedError());
    else {
      if (circuitHandshake) {
        const id = await this.invokeStartCircuit(connection);
        if (typeof id !== 'string' || id === '') {
          void stopQuietly(connection);
          this.refuseStart(new CircuitRefusedError());
        }
        this.circuitId = id;
        this.config.logger.log(LogLevel.Trace, `Circuit started: ${this.circuitId}.`);
      }
      this.adopt(connection);
      callCircuitHandlers(this.config.options.circuitHandlers, 'onCircuitOpened', this.config.logger);
      this.settleStart();
    }
  }

  /** A hub that answers `StartCircuit` with an error (e.g. no such method) refuses us; a drop is an outage. */
  private async invokeStartCircuit(connection: HubConnectionLike): Promise<unknown> {
    const doc = this.config.window.document;
    try {
      return await this.invokeOrThrow<unknown>(connection, 'StartCircuit', doc.baseURI, this.config.window.location.href, '[]', '');
    } catch (error) {
      if (error instanceof HubMethodError) this.refuseStart(new CircuitRefusedError({ cause: error }));
      throw error;
    }
  }

  private async resumeCircuit(): Promise<boolean> {
    const connection = await this.openConnection();
    if (connection === false) return false;
    if (this.config.options.circuitHandshake) {
      const resumed = await this.invokeOrThrow<unknown>(connection, 'ConnectCircuit', this.circuitId);
      if (resumed !== true) {
        void stopQuietly(connection);
        this.config.logger.log(
          LogLevel.Information,
          'Reconnection attempt to the circuit was rejected by the server. This may indicate that the associated state is no longer available on the server.',
        );
        return false;
      }
    }
    this.adopt(connection);
    callHandler(this.config.handler, 'onConnectionUp', this.config.logger);
    return true;
  }

  /**
   * Builds and starts a new connection. `false`: a stateless hub refused us at negotiation
   * (401/403/404). Throws when the server is unreachable: negotiation or transport failed, which
   * is an outage, never a rejection (a proxy refusing upgrades for a moment must not end a session).
   */
  private async openConnection(): Promise<HubConnectionLike | false> {
    const stateBefore = this.currentState;
    const connection = this.config.createConnection();
    connection.onclose((error) => {
      this.onConnectionClosed(connection, error);
    });
    try {
      await connection.start();
    } catch (error) {
      if (!this.config.options.circuitHandshake && isRefusalStatus(negotiationStatus(error))) return false;
      throw error;
    }
    if (this.currentState !== stateBefore) {
      void stopQuietly(connection);
      throw new SupersededError(`The circuit changed state (${this.currentState}) while connecting.`);
    }
    return connection;
  }

  private async invokeOrThrow<T>(connection: HubConnectionLike, method: string, ...args: unknown[]): Promise<T> {
    const stateBefore = this.currentState;
    try {
      const result = await connection.invoke<T>(method, ...args);
      if (this.currentState !== stateBefore) throw new SupersededError(`The circuit changed state during ${method}.`);
      return result;
    } catch (error) {
      // Still connected means the hub itself answered with an error; otherwise the link failed.
      const answeredByHub = connection.state === HubConnectionState.Connected && !(error instanceof SupersededError);
      void stopQuietly(connection);
      throw answeredByHub ? new HubMethodError(method, { cause: error }) : error;
    }
  }

  private adopt(connection: HubConnectionLike): void {
    this.connection = connection;
    this.hubUrl = connection.baseUrl;
    this.currentState = 'connected';
  }

  private onConnectionClosed(connection: HubConnectionLike, error: Error | undefined): void {
    // Closes of failed attempts and of connections we stopped ourselves are not outages.
    if (connection !== this.connection || this.currentState !== 'connected') return;
    this.connection = undefined;
    this.currentState = 'down';
    callHandler(this.config.handler, 'onConnectionDown', this.config.logger, this.config.options.reconnectionOptions, error ?? new Error('The connection was closed.'));
  }

  private onRestoredFromCache(): void {
    // Back from the back/forward cache after `pagehide` said goodbye: try to resume; a server
    // that dropped the circuit answers "rejected", and the display reloads the page.
    if (this.currentState !== 'disconnected' || this.circuitId === undefined) return;
    this.currentState = 'down';
    callHandler(this.config.handler, 'onConnectionDown', this.config.logger, this.config.options.reconnectionOptions, new Error('The page was restored from the back/forward cache.'));
  }

  private refuseStart(error: CircuitRefusedError): never {
    this.config.logger.log(LogLevel.Error, error.message);
    this.settleStart(error);
    throw error;
  }

  private settleStart(error?: Error): void {
    const pending = this.pendingStart;
    if (!pending) return;
    this.pendingStart = undefined;
    if (error) pending.reject(error);
    else pending.resolve();
  }
}

async function stopQuietly(connection: HubConnectionLike): Promise<void> {
  if (connection.state === HubConnectionState.Disconnected) return;
  try {
    await connection.stop();
  } catch {
    // Stopping a connection that is already failing has nothing useful to report.
  }
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
