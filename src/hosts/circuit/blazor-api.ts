import { AlreadyStartedError } from '../../errors/already-started-error';
import { CircuitNotInitializedError } from '../../errors/circuit-not-initialized-error';
import { EnvironmentError } from '../../errors/environment-error';
import type { Logger } from '../../logging/logger';
import { createConsoleLogger } from '../../logging/logger';
import { resolveOptions } from '../../options/resolve-options';
import type { StartOptions } from '../../options/types';
import { DefaultReconnectionHandler } from '../../reconnection/default-reconnection-handler';
import { markUserModalHidden } from '../../ui/user-specified-display';
import type { HubConnection } from '@microsoft/signalr';
import { createGuard } from '../../logging/guard';
import type { Circuit } from './circuit-handle';
import { createCircuitHandle } from './circuit-handle';
import type { CircuitHost } from './circuit-host';
import { createCircuitHost } from './circuit-host';
import { createConnectionFactory } from './connection-factory';
import { createHubHandlers } from './hub-handlers';
import type { ConnectionFactory } from './hub-connection';
import { restoreInput } from '../../dom/preserve-input/restore-input';
import { saveInput } from '../../dom/preserve-input/save-input';

/**
 * What `window.Blazor` (and the ES module's named exports) offer. The functions do not use
 * `this`, so they work detached (`const { start } = Blazor`); the ES module exports them so.
 */
export interface BlazorApi {
  /**
   * Starts the circuit once; a second call throws `Error('Blazor has already started.')`.
   * Resolves to the started {@link Circuit}, to talk to its hub across reconnects.
   */
  start: (options?: StartOptions) => Promise<Circuit>;
  /** One reconnection attempt now: `true` connected, `false` rejected, throws if unreachable. */
  reconnect: () => Promise<boolean>;
  /** Ends the circuit and tells the server (also done on `pagehide`). */
  disconnect: () => void;
  /** The handler `start()` installed when the page gave none (Blazor exposes the same). */
  defaultReconnectionHandler: DefaultReconnectionHandler | undefined;
  /**
   * Saves what the user typed, for a page's own modal to call before its own reload; the
   * reloaded page puts it back. The default dialog does it by itself. See {@link saveInput}.
   */
  saveInput: typeof saveInput;
}

/** Seams for tests: where the connections come from and the log goes. */
export interface BlazorApiDependencies {
  /** Replaces the SignalR connection factory built from the options. */
  createConnection?: ConnectionFactory;
  /** Replaces the console logger at the resolved `logLevel`. */
  logger?: Logger;
}

/**
 * Builds one independent API instance over the circuit host: the script tag and the ES module
 * each use a single one, and two instances share nothing.
 */
export function createBlazorApi({ createConnection, logger: givenLogger }: BlazorApiDependencies = {}): BlazorApi {
  let host: CircuitHost | undefined;

  const api: BlazorApi = {
    defaultReconnectionHandler: undefined,
    saveInput,

    start(options) {
      if (host) throw new AlreadyStartedError();
      const resolved = resolveOptions(options);
      // lib.dom types `window` as always there; in Node (SSR, tests) it is not.
      const win = globalThis.window as Window | undefined;
      if (!win?.document) throw new EnvironmentError('window.document');
      const { document } = win;
      // What the user typed before the library reloaded the page (a no-op when nothing was saved,
      // or when the script tag already restored it as it loaded).
      restoreInput(document);

      const logger = givenLogger ?? createConsoleLogger(resolved.logLevel);
      markUserModalHidden(document, resolved.reconnectionOptions.dialogId);
      const handler =
        resolved.reconnectionHandler ??
        (api.defaultReconnectionHandler = new DefaultReconnectionHandler({ logger, document }));
      // Production connections are real HubConnections; a test's fake stands in for the parts its test uses.
      const build = (createConnection ?? createConnectionFactory(resolved, document.baseURI)) as () => HubConnection;
      const guard = createGuard(logger);
      const handlers = createHubHandlers(guard);
      const started = createCircuitHost(resolved, handler, logger, win, () => {
        // The page's handlers go on each connection before it starts: no message is missed.
        const connection = build();
        handlers.adopt(connection);
        return connection;
      });
      host = started;
      const circuit = createCircuitHandle(started, handlers, guard);
      return started.started.then(() => circuit);
    },

    reconnect: () => (host ? host.reconnect() : Promise.reject(new CircuitNotInitializedError())),

    disconnect() {
      host?.disconnect();
    },
  };
  return api;
}
