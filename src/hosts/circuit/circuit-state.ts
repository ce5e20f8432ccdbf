import type { OutageState } from '../../reconnection/reconnection-process';
import type { CircuitHostState } from './circuit-host';

/**
 * Where a circuit handle stands, as a page shows it (a chat's "online" dot, a disabled Send
 * button).
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
 * | host \ outage  | `offline`, `failed`, `paused` | `unauthorized`, `signing-in` | `rejected`, `resume-failed` | other or none |
 * | -------------- | ----------------------------- | ---------------------------- | --------------------------- | ------------- |
 * | `connected`    | connected                     | connected                    | connected                   | connected     |
 * | `disconnected` | disconnected                  | disconnected                 | disconnected                | disconnected  |
 * | `starting`     | the outage's state            | unauthorized                 | rejected                    | connecting    |
 * | `down`         | the outage's state            | unauthorized                 | rejected                    | reconnecting  |
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
    case 'unauthorized':
      return outage;
    case 'signing-in':
      return 'unauthorized';
    case 'resume-failed':
      return 'rejected';
    default:
      return host === 'starting' ? 'connecting' : 'reconnecting';
  }
}
