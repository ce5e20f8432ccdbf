import { CircuitNotInitializedError } from '../../errors/circuit-not-initialized-error';
import { ServerBusyError } from '../../errors/server-busy-error';
import type { ReconnectionHost } from '../../reconnection/host';
import type { BusyAdvice } from './busy-advice';

/**
 * The part of `window.Blazor` (blazor.web.js or blazor.server.js, .NET 8 to 10) this host uses.
 * Blazor defines `reconnect`, `resumeCircuit` and `pauseCircuit` only once the first interactive
 * component has started its circuit, so each is read when it is needed, never cached.
 */
export interface BlazorGlobal {
  /**
   * `true`: the circuit is connected again (Blazor has called `onConnectionUp()` itself);
   * `false`: the server no longer holds it; throws: the server was not reached.
   */
  reconnect?: () => Promise<boolean>;
  /**
   * .NET 10: starts a new circuit from the state the client holds (the app's
   * `[PersistentState]`, saved by a pause or kept in the server's persistence cache).
   */
  resumeCircuit?: () => Promise<boolean>;
  /** .NET 10: moves the circuit's `[PersistentState]` to the client and disconnects (used by the drain). */
  pauseCircuit?: () => Promise<boolean>;
}

/**
 * The reconnection core's host inside a real Blazor app: an attempt is `Blazor.reconnect()`;
 * after a `false`, `Blazor.resumeCircuit()` (when this Blazor has it) is tried once before the
 * outage ends rejected, and it is what the Resume button of a paused circuit calls.
 * @param blazor - reads the page's `window.Blazor` at each call.
 * @param hubUrl - Blazor's hub (`_blazor` against the base URI): the tabs on it share outages.
 * @param advice - filled by the HTTP client `configureSignalR` gives Blazor: an attempt whose
 *   negotiation answered busy with `Retry-After` throws a `ServerBusyError`, so the core waits
 *   what the server asked. Without the client, attempts throw what Blazor threw.
 */
export function createBlazorHost(blazor: () => BlazorGlobal | undefined, hubUrl?: string, advice?: BusyAdvice): ReconnectionHost {
  return {
    tabGroup: hubUrl,
    attempt: async () => {
      const current = blazor();
      if (!current?.reconnect) throw new CircuitNotInitializedError();
      // Only this attempt's negotiation counts (a page's first start may have been refused too).
      advice?.take();
      try {
        return await current.reconnect();
      } catch (error) {
        const busy = advice?.take();
        throw busy ? new ServerBusyError(busy.url, busy.status, busy.retryAfterMs, { cause: error }) : error;
      }
    },
    // A getter: the core asks whether a resume exists at the moment it needs one, and .NET 8 and
    // 9 (no `resumeCircuit`) then end a rejected outage at once.
    get resume() {
      const current = blazor();
      return current?.resumeCircuit ? () => current.resumeCircuit?.() ?? Promise.resolve(false) : undefined;
    },
  };
}
