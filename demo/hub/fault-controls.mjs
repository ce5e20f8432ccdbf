// @ts-check
/**
 * The hub's fault controls: what a test or the demo panel does to the server (drop every socket,
 * go down for a while, restart, slow every frame, flap, refuse starts or negotiations, close
 * gracefully) and `reset()` to undo them. Each one is written to the log as a `fault` entry, so
 * a test reads when it happened next to what the clients did.
 */
import { checkNumber } from './faults.mjs';

/**
 * @typedef {object} FaultContext
 * @property {import('./faults.mjs').FaultState} faults
 * @property {import('./log.mjs').HubLog} log
 * @property {import('./circuits.mjs').CircuitRegistry} circuits
 * @property {Map<string, unknown>} tokens negotiate tokens not yet used by an upgrade
 * @property {Map<string, string>} circuitByConnection connection id → circuit id
 * @property {Set<import('./connection.mjs').HubSocket>} sockets open hub connections
 */

/** @param {FaultContext} context */
export function faultControls({ faults, log, circuits, tokens, circuitByConnection, sockets }) {
  /** @param {string} name @param {unknown} [value] */
  const noteFault = (name, value) => log.add('fault', { event: name, ...(value === undefined ? {} : { value }) });

  /** @param {string} by */
  const terminateAll = (by) => {
    for (const socket of sockets) socket.terminate(by);
  };

  return {
  /** Closes every hub socket abruptly (TCP destroyed, no Close message). */
  drop() {
    noteFault('drop');
    log.count('drops');
    terminateAll('fault');
  },
  /**
   * Refuses negotiations and upgrades with 503 for `ms`, then comes back by itself. Open
   * connections are dropped too (a server that goes down takes its sockets with it) unless
   * `{ dropConnections: false }`. Circuits are kept: it is an outage, not a restart. With
   * `{ extend: true }` an outage already under way lasts `ms` longer (the panel's "Down 10 s"
   * pressed twice is 20 s), instead of starting its timer again.
   * @param {number} ms
   * @param {{ dropConnections?: boolean, extend?: boolean }} [options]
   */
  down(ms, options = {}) {
    checkNumber(ms, 'down(ms)', { min: 1 });
    const total = ms + (options.extend ? faults.downRemainingMs : 0);
    noteFault('down', total);
    faults.startDown(total, () => noteFault('up'));
    if (options.dropConnections !== false) terminateAll('fault');
  },
  /** A server restart: every circuit forgotten, every socket dropped, every token invalid. */
  restart() {
    noteFault('restart');
    tokens.clear();
    circuits.clear();
    circuitByConnection.clear();
    terminateAll('fault');
  },
  /** The next ConnectCircuit answers false (once per call). */
  rejectNext() {
    faults.rejectNextCount += 1;
    noteFault('reject-next', faults.rejectNextCount);
  },
  /** Delays every hub frame, both directions, by `ms` (0 turns it off). @param {number} ms */
  slow(ms) {
    faults.slowMs = checkNumber(ms, 'slow(ms)', { max: 600_000 });
    noteFault('slow', ms);
  },
  /** Drops every connection now and every second for `seconds`. @param {number} seconds */
  flap(seconds) {
    checkNumber(seconds, 'flap(seconds)', { min: 1, max: 3600 });
    noteFault('flap', seconds);
    faults.startFlap(seconds, () => {
      log.count('drops');
      terminateAll('fault');
    }, () => noteFault('flap-end'));
  },
  /** StartCircuit answers null while on. @param {boolean} [on] */
  refuseStarts(on = true) {
    faults.refuseStarts = on;
    noteFault('refuse-starts', on);
  },
  /**
   * Makes negotiate (and WebSocket upgrades) answer `status` for `path`, or every endpoint
   * without one; `null` turns it off. With `retryAfterSeconds`, the negotiation's answer carries
   * `Retry-After` (a server shedding load: 429 or 503).
   * @param {number | null} status
   * @param {string} [path]
   * @param {number} [retryAfterSeconds]
   */
  rejectNegotiation(status, path = '*', retryAfterSeconds) {
    faults.negotiateRetryAfter.delete(path);
    if (status === null) faults.negotiateStatus.delete(path);
    else faults.negotiateStatus.set(path, checkNumber(status, 'status', { min: 400, max: 599 }));
    if (status !== null && retryAfterSeconds !== undefined) {
      faults.negotiateRetryAfter.set(path, checkNumber(retryAfterSeconds, 'retryAfterSeconds', { min: 0 }));
    }
    noteFault('reject-negotiation', { status, path, retryAfterSeconds });
  },
  /**
   * Closes every connection gracefully with a Close message.
   * @param {{ error?: string, allowReconnect?: boolean }} [options]
   */
  closeConnections(options = {}) {
    noteFault('close-connections', options);
    for (const socket of sockets) socket.close(options);
  },
  /** Clears every fault (down, slow, flap, pending rejections, refusals); with `log`, the log too. */
  reset(resetOptions = { log: false }) {
    faults.reset();
    if (resetOptions.log) log.clear();
    noteFault('reset');
  },

  };
}
