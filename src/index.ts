// The ES module's whole public surface. It never autostarts: call `start()`.
import type { BlazorHandlerOptions } from './hosts/blazor/blazor-reconnection-handler';
import { blazorReconnectionHandler as createBlazorHandler } from './hosts/blazor/blazor-reconnection-handler';
import { BusyAdvice } from './hosts/blazor/busy-advice';
import type { SignalRBuilder } from './hosts/blazor/configure-signalr';
import { configureServerAdvice } from './hosts/blazor/configure-signalr';
import type { BlazorApi } from './hosts/circuit/blazor-api';
import { createBlazorApi } from './hosts/circuit/blazor-api';
import type { ReconnectionHandler } from './options/types';

const api: BlazorApi = createBlazorApi();
// A real Blazor app's page: what blazorConfigureSignalR's client heard, for the page's handler.
const blazorAdvice = new BusyAdvice();

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

/**
 * A reconnection handler for a real Blazor app (blazor.web.js or blazor.server.js): pass it as
 * `Blazor.start({ circuit: { reconnectionHandler } })` (or `{ reconnectionHandler }` for Blazor
 * Server). Blazor keeps its connection; this library decides when to retry, what the page shows
 * and when to reload. The ES module's `CircuitReconnect.reconnectionHandler(options)`.
 * @throws {InvalidOptionError} on a bad option, naming it and the value it got.
 * @example
 * Blazor.start({ circuit: { reconnectionHandler: blazorReconnectionHandler({ maxRetries: 40 }), configureSignalR: blazorConfigureSignalR } });
 */
export const blazorReconnectionHandler = (options?: BlazorHandlerOptions): ReconnectionHandler =>
  createBlazorHandler(options, blazorAdvice);

/**
 * Blazor's `configureSignalR` for a page using {@link blazorReconnectionHandler}: Blazor's
 * connection then reads a busy server's `Retry-After` (a negotiation answered 429 or 503), and the
 * handler waits that long, plus a jitter, before its next attempt. Pass it as is, or call it
 * first in a function of your own: what yours sets afterwards (`withUrl` merges its options,
 * your own `httpClient` included) applies on top. The ES module's `CircuitReconnect.configureSignalR`.
 */
export const blazorConfigureSignalR = (builder: SignalRBuilder): void => {
  configureServerAdvice(builder, blazorAdvice);
};

export { LogLevel } from '@microsoft/signalr';
export { saveInput } from './dom/preserve-input/save-input';
export type { SaveInputSettings } from './dom/preserve-input/save-input';
export type { BlazorApi } from './hosts/circuit/blazor-api';
export type { Circuit } from './hosts/circuit/circuit-handle';
export type { CircuitState } from './hosts/circuit/circuit-state';
export type { HubMethodHandler } from './hosts/circuit/hub-handlers';
export { DefaultReconnectionHandler } from './reconnection/default-reconnection-handler';
export type { BlazorHandlerOptions } from './hosts/blazor/blazor-reconnection-handler';
export type { SignalRBuilder } from './hosts/blazor/configure-signalr';
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
