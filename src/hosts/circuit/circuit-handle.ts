import type { HubConnection, IStreamResult } from '@microsoft/signalr';
import { NotConnectedError } from '../../errors/not-connected-error';
import type { Guard } from '../../logging/guard';
import type { CircuitHost } from './circuit-host';
import type { CircuitState } from './circuit-state';
import { circuitState } from './circuit-state';
import type { HubHandlers, HubMethodHandler } from './hub-handlers';

/**
 * What `start()` resolves to: the started circuit, to talk to its hub through whichever
 * connection currently carries it. Handlers registered with `on` survive every reconnect;
 * calls made while the connection is down are refused at once with a {@link NotConnectedError}.
 * @example
 * const circuit = await start();
 * circuit.on('Message', (text: string) => { log.append(text); });
 * circuit.onStateChange((state) => { send.disabled = state !== 'connected'; });
 * await circuit.invoke<string>('Echo', 'ping');
 */
export interface Circuit {
  /** Where the circuit stands now; see {@link CircuitState}. */
  readonly state: CircuitState;
  /** The connection that carries the circuit now; `undefined` while it is down. */
  readonly connection: HubConnection | undefined;
  /**
   * Calls `handler` for each `method` message the server sends, on this connection and on every
   * connection a reconnect makes (registered before it starts, so nothing is missed between a
   * reconnect and re-registration). A handler that throws is logged; the others still run.
   * Registering the same handler for the same method twice is one registration, as with SignalR.
   * @returns removes this handler.
   */
  on(method: string, handler: HubMethodHandler): () => void;
  /** Removes `handler` from `method`, or every handler this circuit registered for `method`. */
  off(method: string, handler?: HubMethodHandler): void;
  /**
   * `HubConnection.invoke` on the current connection.
   * @throws {NotConnectedError} (a rejection, at once) while the connection is not up.
   */
  invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  /**
   * `HubConnection.send` on the current connection.
   * @throws {NotConnectedError} (a rejection, at once) while the connection is not up.
   */
  send(method: string, ...args: unknown[]): Promise<void>;
  /**
   * `HubConnection.stream` on the current connection. While the connection is not up, the
   * subscriber's `error` gets a {@link NotConnectedError} as it subscribes.
   */
  stream<T = unknown>(method: string, ...args: unknown[]): IStreamResult<T>;
  /**
   * Calls `listener` once per change of `state`, with the new state (a throw is logged, and the
   * other listeners still run).
   * @returns removes the listener.
   */
  onStateChange(listener: (state: CircuitState) => void): () => void;
}

/** A stream that fails as it is subscribed to: what `stream()` gives while not connected. */
const refusedStream = <T>(error: NotConnectedError): IStreamResult<T> => ({
  subscribe(subscriber) {
    subscriber.error(error);
    return { dispose: () => undefined };
  },
});

/**
 * The page's {@link Circuit} over a circuit host. `handlers` must be the registry the host's
 * connection factory adopts each new connection into. Listens to the host until it is disconnected.
 */
export function createCircuitHandle(host: CircuitHost<HubConnection>, handlers: HubHandlers, guard: Guard): Circuit {
  const listeners = new Set<(state: CircuitState) => void>();
  let state = circuitState(host.state, host.outage);

  host.watch(() => {
    const next = circuitState(host.state, host.outage);
    if (next === state) return;
    state = next;
    [...listeners].forEach((listener) => {
      guard('onStateChange listener', () => {
        listener(next);
      });
    });
  });

  /** The live connection, or the refusal a call gets while there is none. */
  const current = (operation: 'invoke' | 'send' | 'stream', method: string): HubConnection | NotConnectedError =>
    host.connection ?? new NotConnectedError(operation, method, state);

  return {
    get state() {
      return state;
    },
    get connection() {
      return host.connection;
    },
    on: (method, handler) => handlers.on(method, handler),
    off: (method, handler) => {
      handlers.off(method, handler);
    },
    invoke<T>(method: string, ...args: unknown[]) {
      const connection = current('invoke', method);
      return connection instanceof NotConnectedError ? Promise.reject(connection) : connection.invoke<T>(method, ...args);
    },
    send(method, ...args) {
      const connection = current('send', method);
      return connection instanceof NotConnectedError ? Promise.reject(connection) : connection.send(method, ...args);
    },
    stream<T>(method: string, ...args: unknown[]) {
      const connection = current('stream', method);
      return connection instanceof NotConnectedError ? refusedStream<T>(connection) : connection.stream<T>(method, ...args);
    },
    onStateChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
