import type { OutageState } from './outage-state';
import type { PageSignal } from './page-signals';

/**
 * What a page signal does to an outage in `state`:
 * - `offline` during a wait stops the countdown (`go-offline`); an attempt in flight finishes
 *   first, and its failure path checks `isOnline()`.
 * - `online`, and `visible` or `restored` while the network is there, attempt at once (a wait,
 *   `offline` or `failed` ends; other states ignore it, see `attemptNow`). A tab that becomes
 *   visible while the browser still reports no network stays `offline`.
 */
export function signalAction(signal: PageSignal, state: OutageState, isOnline: boolean): 'go-offline' | 'attempt-now' | 'none' {
  if (signal === 'offline') return state === 'waiting' ? 'go-offline' : 'none';
  return state !== 'offline' || signal === 'online' || isOnline ? 'attempt-now' : 'none';
}
