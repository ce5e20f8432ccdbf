// The ES module's whole public surface. It never autostarts: call `start()`.
import type { BlazorApi } from './hosts/circuit/blazor-api';
import { createBlazorApi } from './hosts/circuit/blazor-api';

const api: BlazorApi = createBlazorApi();

/**
 * Starts the circuit (once per page). Accepts Blazor Server's shape and Blazor Web App's
 * `{ circuit: { … } }`. Resolves to the {@link Circuit} handle when the circuit is started (code
 * that ignores the value keeps working); if the server cannot be reached the reconnection
 * policy retries first, and the promise rejects only when those retries fail or the server
 * refuses.
 * @throws {AlreadyStartedError} synchronously on a second call.
 * @throws {InvalidOptionError} synchronously on a bad option, naming it and its value.
 * @example
 * const circuit = await start({ reconnectionOptions: { maxRetries: 3, retryIntervalMilliseconds: 2000 } });
 * circuit.on('Message', (text: string) => { console.log(text); });
 */
export const start: BlazorApi['start'] = api.start;

/**
 * One reconnection attempt now; concurrent calls share it. Resolves `true` when connected (the
 * handler's `onConnectionUp` runs), `false` when the server no longer holds the circuit; rejects
 * when the server was not reached, or with "Circuit host not initialized." before `start()`.
 */
export const reconnect: BlazorApi['reconnect'] = api.reconnect;

/** Ends the circuit: stops the connection and sends the disconnect beacon. Runs on `pagehide` too. */
export const disconnect: BlazorApi['disconnect'] = api.disconnect;

export { LogLevel } from '@microsoft/signalr';
export { saveInput } from './dom/preserve-input/save-input';
export type { SaveInputSettings } from './dom/preserve-input/save-input';
export type { BlazorApi } from './hosts/circuit/blazor-api';
export type { Circuit } from './hosts/circuit/circuit-handle';
export type { CircuitState } from './hosts/circuit/circuit-state';
export type { HubMethodHandler } from './hosts/circuit/hub-handlers';
export { DefaultReconnectionHandler } from './reconnection/default-reconnection-handler';
export { blazorReconnectionHandler } from './hosts/blazor/blazor-reconnection-handler';
export type { BlazorHandlerOptions } from './hosts/blazor/blazor-reconnection-handler';
export type { DefaultReconnectionHandlerOptions } from './reconnection/default-reconnection-handler';
export type { ReconnectionDisplay, ReconnectionDisplayContext } from './ui/reconnection-display';
export type { DownReason, OutageOutcome, ReconnectionHost } from './reconnection/host';
export type { OutageState } from './reconnection/reconnection-process';
export { STATE_CHANGED_EVENT, STATE_CLASS_PREFIX } from './ui/constants';
export type { ReconnectState, ReconnectStateChangedDetail } from './ui/display-state';
export type { Clock } from './timing/clock';
export type { PageSignal, PageSignals } from './reconnection/page-signals';
export type { Logger } from './logging/logger';
export type {
  CircuitHandler,
  CircuitStartOptions,
  ReconnectionHandler,
  ReconnectionMessage,
  ReconnectionMessageContext,
  ReconnectionMessages,
  ReconnectionOptions,
  RetryIntervalFunction,
  StartOptions,
  WebStartOptions,
} from './options/types';
export * from './retry/index';
export * from './errors/index';
