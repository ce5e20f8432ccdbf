// The Blazor handler script (dist/circuit-reconnect.blazor.min.js): for a real Blazor app, beside
// blazor.web.js or blazor.server.js. No SignalR (Blazor brings its own), and it never touches
// `window.Blazor`: it only defines `window.CircuitReconnect` for the page's `Blazor.start()`.
import { blazorReconnectionHandler } from './hosts/blazor/blazor-reconnection-handler';

/** What the script defines as `window.CircuitReconnect`. */
export interface CircuitReconnectGlobal {
  /** Makes the reconnection handler to pass to `Blazor.start()`. */
  reconnectionHandler: typeof blazorReconnectionHandler;
}

declare global {
  interface Window {
    CircuitReconnect?: CircuitReconnectGlobal;
  }
}

window.CircuitReconnect = { reconnectionHandler: blazorReconnectionHandler };
