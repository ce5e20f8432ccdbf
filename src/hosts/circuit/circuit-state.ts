import type { OutageState } from '../../reconnection/reconnection-process';
import type { CircuitHostState } from './circuit-host';

/**
 * Where a circuit handle stands, as a page shows it (a chat's "online" dot, a disabled Send
 * button). `unauthorized` (the server refused the sign-in) is reserved: no host produces it yet.
 */
export type CircuitState =
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'offline'
  | 'paused'
  | 'failed'
  | 'rejected'
  | 'unauthorized'
  | 'disconnected';

/**
 * The handle's state, from the circuit host's and the current outage's (the outage's is known
 * only with this library's own reconnection handler; a page's handler leaves it `undefined`):
 *
 * | host \ outage  | `offline`    | `failed`     | `paused`     | `rejected`, `resume-failed` | other or none |
 * | -------------- | ------------ | ------------ | ------------ | --------------------------- | ------------- |
 * | `connected`    | connected    | connected    | connected    | connected                   | connected     |
 * | `disconnected` | disconnected | disconnected | disconnected | disconnected                | disconnected  |
 * | `starting`     | offline      | failed       | paused       | rejected                    | connecting    |
 * | `down`         | offline      | failed       | paused       | rejected                    | reconnecting  |
 *
 * "Other" are `idle`, `waiting`, `attempting`, `resuming` (still trying) and `resumed`,
 * `disposed` (the last outage's end, when a new drop has not yet started its outage).
 */
export function circuitState(host: CircuitHostState, outage: OutageState | undefined): CircuitState {
  if (host === 'connected' || host === 'disconnected') return host;
  switch (outage) {
    case 'offline':
    case 'failed':
    case 'paused':
    case 'rejected':
      return outage;
    case 'resume-failed':
      return 'rejected';
    default:
      return host === 'starting' ? 'connecting' : 'reconnecting';
  }
}
