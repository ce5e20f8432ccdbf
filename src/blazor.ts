// The Blazor handler script (dist/circuit-reconnect.blazor.min.js): for a real Blazor app, beside
// blazor.web.js or blazor.server.js. No SignalR (Blazor brings its own), and it never touches
// `window.Blazor`: it only defines `window.CircuitReconnect` for the page's `Blazor.start()`.
import type { BlazorHandlerOptions } from './hosts/blazor/blazor-reconnection-handler';
import { blazorReconnectionHandler } from './hosts/blazor/blazor-reconnection-handler';
import { BusyAdvice } from './hosts/blazor/busy-advice';
import type { SignalRBuilder } from './hosts/blazor/configure-signalr';
import { configureServerAdvice } from './hosts/blazor/configure-signalr';
import type { ReconnectionHandler } from './options/types';
import { DRAIN_EVENT } from './hosts/blazor/circuit-drain';
import { restoreInput } from './dom/preserve-input/restore-input';
import { saveInput } from './dom/preserve-input/save-input';

/** What the script defines as `window.CircuitReconnect`. */
export interface CircuitReconnectGlobal {
  /** Makes the reconnection handler to pass to `Blazor.start()`. */
  reconnectionHandler: (options?: BlazorHandlerOptions) => ReconnectionHandler;
  /**
   * Pass it as `configureSignalR` beside `reconnectionHandler` (or call it first in your own):
   * Blazor's connection then reads a busy server's `Retry-After`, and the page's handler waits
   * that long before its next attempt. Leaves an `httpClient` your own function sets afterwards.
   */
  configureSignalR: (builder: SignalRBuilder) => void;
  /**
   * Called by a stopping server (JS interop, `CircuitReconnect.drain`): every handler of the page
   * pauses its circuit and resumes it on another server. Returns at once.
   */
  drain: () => void;
  /** Saves what the user typed, for a page's own modal to call before its own reload. */
  saveInput: typeof saveInput;
}

declare global {
  interface Window {
    CircuitReconnect?: CircuitReconnectGlobal;
  }
}

// The page's one record of a busy negotiation: configureSignalR's client writes it, the
// handler reads it (a page starts Blazor once, so one per page pairs them without wiring).
const advice = new BusyAdvice();

window.CircuitReconnect = {
  reconnectionHandler: (options) => blazorReconnectionHandler(options, advice),
  configureSignalR: (builder) => {
    configureServerAdvice(builder, advice);
  },
  saveInput,
  drain: () => {
    document.dispatchEvent(new CustomEvent(DRAIN_EVENT));
  },
};

// Puts back what the user typed before the library reloaded the page: the interactive form
// appears (and replaces the prerendered one) once the circuit started, and is filled then.
restoreInput(document);
