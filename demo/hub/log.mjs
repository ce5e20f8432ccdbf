// @ts-check
/**
 * What the hub saw, in memory, for tests and the demo's `GET /control/log`.
 *
 * Entries may hold circuit ids (they are what tests assert on). Nothing here prints: the
 * human-readable line for stdout comes from {@link describeEntry}, which never includes an id.
 */

/**
 * @typedef {'negotiate' | 'connect' | 'upgrade-rejected' | 'handshake' | 'invocation'
 *   | 'completion' | 'close' | 'beacon' | 'circuit' | 'fault'} HubLogKind
 */

/**
 * One flat shape for every kind, so tests can filter and read fields without narrowing.
 *
 * @typedef {object} HubLogEntry
 * @property {number} seq increasing from 1
 * @property {number} at `Date.now()` when it happened
 * @property {HubLogKind} kind
 * @property {string} [path] the hub endpoint's path
 * @property {string} [connectionId]
 * @property {number} [status] HTTP status answered (negotiate, upgrade-rejected, beacon)
 * @property {string} [method] hub method name (invocation, completion)
 * @property {unknown[]} [args] invocation arguments as received
 * @property {string} [invocationId]
 * @property {unknown} [result] completion result
 * @property {string} [error] completion or close error, handshake error
 * @property {string} [circuitId] the circuit id secret (never printed)
 * @property {string} [event] circuit: started | connected | rejected | disconnected | expired
 *   | dropped | paused | resumed | forgotten; fault: the fault's name; close: who closed
 * @property {number} [code] WebSocket close code
 * @property {unknown} [value] a fault's argument, a handshake's protocol version
 * @property {boolean} [known] beacon: whether the circuit existed
 */

/** Counter names, all starting at 0. */
export const COUNTER_NAMES = /** @type {const} */ ([
  'negotiations',
  'negotiationsRefused',
  'connections',
  'upgradesRejected',
  'handshakes',
  'invocations',
  'completions',
  'pingsSent',
  'pingsReceived',
  'closes',
  'beacons',
  'circuitsStarted',
  'circuitsConnected',
  'circuitsRejected',
  'circuitsExpired',
  'circuitsDropped',
  'drops',
]);

/** @typedef {Record<(typeof COUNTER_NAMES)[number], number>} HubCounters */

/** @returns {HubCounters} */
function zeroCounters() {
  return /** @type {HubCounters} */ (Object.fromEntries(COUNTER_NAMES.map((name) => [name, 0])));
}

export class HubLog {
  /** @type {HubLogEntry[]} */
  #entries = [];
  #seq = 0;
  #limit;
  /** @type {HubCounters} */
  counters = zeroCounters();
  /** @type {Set<(entry: HubLogEntry) => void>} */
  #listeners = new Set();

  /** @param {{ limit?: number }} [options] the oldest entries are dropped past `limit` (default 10 000) */
  constructor(options = {}) {
    this.#limit = options.limit ?? 10_000;
  }

  /**
   * @param {HubLogKind} kind
   * @param {Omit<HubLogEntry, 'seq' | 'at' | 'kind'>} [fields]
   * @returns {HubLogEntry}
   */
  add(kind, fields = {}) {
    this.#seq += 1;
    const entry = { seq: this.#seq, at: Date.now(), kind, ...fields };
    this.#entries.push(entry);
    if (this.#entries.length > this.#limit) this.#entries.splice(0, this.#entries.length - this.#limit);
    for (const listener of this.#listeners) {
      try {
        listener(entry);
      } catch {
        // An observer's bug must not break the hub.
      }
    }
    return entry;
  }

  /** @param {keyof HubCounters} name */
  count(name, by = 1) {
    this.counters[name] += by;
  }

  /** A copy of the entries, oldest first; with `kind`, only those. @param {HubLogKind} [kind] */
  entries(kind) {
    return kind === undefined ? [...this.#entries] : this.#entries.filter((e) => e.kind === kind);
  }

  /**
   * Calls `listener` for every new entry.
   * @param {(entry: HubLogEntry) => void} listener
   * @returns {() => void} unsubscribe
   */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forgets entries and zeroes the counters (sequence numbers keep increasing). */
  clear() {
    this.#entries = [];
    this.counters = zeroCounters();
  }
}

/**
 * One line for a human, or null for entries too chatty to print. Circuit ids never appear:
 * `ConnectCircuit`'s argument and `StartCircuit`'s result are shown as `<circuit>`.
 *
 * @param {HubLogEntry} entry
 * @returns {string | null}
 */
export function describeEntry(entry) {
  const where = entry.path ?? '';
  switch (entry.kind) {
    case 'negotiate':
      return `negotiate ${where} → ${entry.status}`;
    case 'upgrade-rejected':
      return `websocket ${where} refused (${entry.status}${entry.error ? `: ${entry.error}` : ''})`;
    case 'connect':
      return `websocket ${where} connected`;
    case 'handshake':
      return entry.error ? `handshake failed: ${entry.error}` : null;
    case 'invocation':
      return `→ ${entry.method}(${redactArgs(entry)})`;
    case 'completion': {
      const outcome = entry.error !== undefined ? `error: ${entry.error}` : redactResult(entry);
      return `← ${entry.method} ${outcome}`;
    }
    case 'close':
      return `websocket ${where} closed by ${entry.event ?? '?'} (${entry.code ?? '-'})${entry.error ? `: ${entry.error}` : ''}`;
    case 'beacon':
      return `disconnect beacon ${where} → ${entry.status} (${entry.known ? 'circuit dropped' : 'unknown circuit'})`;
    case 'circuit':
      return `circuit ${entry.event ?? '?'}`;
    case 'fault':
      return `fault: ${entry.event ?? '?'}${entry.value === undefined ? '' : ` ${JSON.stringify(entry.value)}`}`;
    default:
      return null;
  }
}

/** @param {HubLogEntry} entry */
function redactArgs(entry) {
  const args = entry.args ?? [];
  if (entry.method === 'ConnectCircuit' || entry.method === 'ResumeCircuit') {
    return ['<circuit>', ...args.slice(1).map(short)].join(', ');
  }
  return args.map(short).join(', ');
}

/** @param {HubLogEntry} entry */
function redactResult(entry) {
  if ((entry.method === 'StartCircuit' || entry.method === 'ResumeCircuit') && typeof entry.result === 'string') {
    return '<circuit>';
  }
  return short(entry.result);
}

/** @param {unknown} value */
function short(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
