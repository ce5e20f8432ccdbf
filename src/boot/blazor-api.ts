import type { HubConnectionBuilder } from '@microsoft/signalr';
import { createConnectionFactory } from '../circuit/connection-factory';
import { CircuitHost } from '../circuit/circuit-host';
import type { ConnectionFactory } from '../circuit/hub-connection';
import { AlreadyStartedError } from '../errors/already-started-error';
import { CircuitNotInitializedError } from '../errors/circuit-not-initialized-error';
import { EnvironmentError } from '../errors/environment-error';
import type { Logger } from '../logging/logger';
import { ConsoleLogger } from '../logging/logger';
import { resolveOptions } from '../options/resolve-options';
import type { ReconnectionHandler, ResolvedCircuitOptions, StartOptions } from '../options/types';
import { DefaultReconnectionHandler } from '../reconnection/default-reconnection-handler';
import { markUserModalHidden } from '../ui/create-reconnection-display';
import { setCurrentCircuit } from './current-circuit';

/** What `window.Blazor` (and the ES module's named exports) offer. */
export interface BlazorApi {
  /** Starts the circuit once; a second call throws `Error('Blazor has already started.')`. */
  start(options?: StartOptions): Promise<void>;
  /** One reconnection attempt now: `true` connected, `false` rejected, throws if unreachable. */
  reconnect(): Promise<boolean>;
  /** Ends the circuit and tells the server (also done on `pagehide`). */
  disconnect(): void;
  /** The handler `start()` installed when the page gave none (Blazor exposes the same). */
  defaultReconnectionHandler: DefaultReconnectionHandler | undefined;
}

/** Seams for tests: where the window and connections come from. */
export interface BlazorApiDependencies {
  getWindow?: () => Window | undefined;
  createBuilder?: () => HubConnectionBuilder;
  createConnection?: (options: ResolvedCircuitOptions, logger: Logger, win: Window) => ConnectionFactory;
  createLogger?: (options: ResolvedCircuitOptions) => Logger;
}

/** Builds one independent API instance: the script tag and the ES module each use a single one. */
export function createBlazorApi(dependencies: BlazorApiDependencies = {}): BlazorApi {
  let host: CircuitHost | undefined;

  const api: BlazorApi = {
    defaultReconnectionHandler: undefined,

    start(options?: StartOptions): Promise<void> {
      if (host) throw new AlreadyStartedError();
      const resolved = resolveOptions(options);
      const win = (dependencies.getWindow ?? defaultWindow)();
      if (!win?.document) throw new EnvironmentError('window.document');

      const logger = dependencies.createLogger?.(resolved) ?? new ConsoleLogger(resolved.logLevel);
      const createConnection =
        dependencies.createConnection?.(resolved, logger, win) ??
        createConnectionFactory({
          options: resolved,
          logger,
          baseUri: win.document.baseURI,
          ...(dependencies.createBuilder ? { createBuilder: dependencies.createBuilder } : {}),
        });

      markUserModalHidden(win.document, resolved.reconnectionOptions.dialogId);
      // The handler's callbacks run only after `start()` below, when `circuit` is set.
      const handler: ReconnectionHandler =
        resolved.reconnectionHandler ??
        (api.defaultReconnectionHandler = new DefaultReconnectionHandler({
          reconnect: (): Promise<boolean> => circuit.reconnect(),
          logger,
          document: win.document,
          onOutcome: (outcome) => {
            circuit.onOutcome(outcome);
          },
        }));
      const circuit: CircuitHost = new CircuitHost({ options: resolved, createConnection, handler, logger, window: win });
      host = circuit;
      setCurrentCircuit(circuit);
      return circuit.start();
    },

    reconnect(): Promise<boolean> {
      return host ? host.reconnect() : Promise.reject(new CircuitNotInitializedError());
    },

    disconnect(): void {
      host?.disconnect();
    },
  };
  return api;
}

function defaultWindow(): Window | undefined {
  return typeof window === 'undefined' ? undefined : window;
}
