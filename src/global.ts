// The script tag's global, for TypeScript: `circuit-reconnect/global` (dist/global.d.ts) declares
// the `Blazor` that dist/circuit-reconnect.min.js installs, so a page's TypeScript can call
// `Blazor.start()` and get the typed Circuit handle. Types only: nothing here runs.
import type { BlazorApi } from './index';

declare global {
  /**
   * What the script tag installs as `window.Blazor`: `start()` (resolving to the Circuit handle),
   * `reconnect()`, `disconnect()` and `defaultReconnectionHandler`. Declare it with
   * `/// <reference types="circuit-reconnect/global" />` or `"types": ["circuit-reconnect/global"]`.
   * @example
   * const circuit = await Blazor.start();
   * circuit.on('Message', (user: string, text: string) => { show(user, text); });
   */
  const Blazor: BlazorApi;
}

export type { BlazorApi, Circuit, CircuitState } from './index';
