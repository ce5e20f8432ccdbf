// The Blazor handler script (dist/circuit-reconnect.blazor.min.js): for a real Blazor app, beside
// blazor.web.js or blazor.server.js. No SignalR (Blazor brings its own), and it never touches
// `window.Blazor`: it only defines `window.CircuitReconnect` for the page's `Blazor.start()`.
import { blazorReconnectionHandler } from './hosts/blazor/blazor-reconnection-handler';
import { DRAIN_EVENT } from './hosts/blazor/circuit-drain';
import { restoreInput } from './dom/preserve-input/restore-input';
import { saveInput } from './dom/preserve-input/save-input';

/** What the script defines as `window.CircuitReconnect`. */
export interface CircuitReconnectGlobal {
  /** Makes the reconnection handler to pass to `Blazor.start()`. */
  reconnectionHandler: typeof blazorReconnectionHandler;
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

window.CircuitReconnect = {
  reconnectionHandler: blazorReconnectionHandler,
  saveInput,
  drain: () => {
    document.dispatchEvent(new CustomEvent(DRAIN_EVENT));
  },
};

// Puts back what the user typed before the library reloaded the page: the interactive form
// appears (and replaces the prerendered one) once the circuit started, and is filled then.
restoreInput(document);
