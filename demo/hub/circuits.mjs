// @ts-check
/**
 * The circuits the server holds, each attached to at most one live connection.
 *
 * Like Blazor's CircuitRegistry: when a circuit's connection closes, the circuit is kept for
 * `retentionMs` (Blazor's DisconnectedCircuitRetentionPeriod, 3 minutes by default) so the client
 * can `ConnectCircuit` again; then it is forgotten. A beacon to `/disconnect` forgets it at once.
 * A paused circuit (`PauseCircuit`, .NET 10) keeps only its "persisted state" for the same
 * retention, which `ResumeCircuit` trades for a new circuit.
 */
import { randomBytes } from 'node:crypto';

/** Blazor's `CircuitOptions.DisconnectedCircuitRetentionPeriod`. */
export const DEFAULT_RETENTION_MS = 3 * 60 * 1000;

/**
 * @typedef {object} Circuit
 * @property {string} id
 * @property {string | null} connectionId the live connection, or null while disconnected
 * @property {number} startedAt
 * @property {number | null} disconnectedAt
 * @property {{ baseUri?: unknown, uri?: unknown }} meta what StartCircuit was given
 */

/**
 * @typedef {'started' | 'connected' | 'rejected' | 'disconnected' | 'expired' | 'dropped'
 *   | 'paused' | 'resumed' | 'forgotten'} CircuitEvent
 */

/** A fresh unguessable id: 256 random bits, base64url. */
export function newCircuitId() {
  return randomBytes(32).toString('base64url');
}

export class CircuitRegistry {
  /** @type {Map<string, Circuit>} */
  #circuits = new Map();
  /** Paused circuits' persisted state, by old id. @type {Set<string>} */
  #persisted = new Set();
  /** Retention timers, by circuit id (live or persisted). @type {Map<string, NodeJS.Timeout>} */
  #timers = new Map();
  #retentionMs;
  #onEvent;

  /**
   * @param {{ retentionMs?: number, onEvent?: (event: CircuitEvent, circuitId: string) => void }} [options]
   */
  constructor(options = {}) {
    const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    if (!Number.isFinite(retentionMs) || retentionMs < 0) {
      throw new RangeError(`retentionMs must be a finite number ≥ 0, got ${String(retentionMs)}.`);
    }
    this.#retentionMs = retentionMs;
    this.#onEvent = options.onEvent ?? (() => {});
  }

  get retentionMs() {
    return this.#retentionMs;
  }

  /** Circuits held (connected or within retention), not counting paused ones. */
  get size() {
    return this.#circuits.size;
  }

  /** Circuits with a live connection (the others are held for a reconnect within retention). */
  get connectedCount() {
    let count = 0;
    for (const circuit of this.#circuits.values()) if (circuit.connectionId !== null) count += 1;
    return count;
  }

  /** @param {string} id */
  has(id) {
    return this.#circuits.has(id);
  }

  /** @param {string} id @returns {'connected' | 'disconnected' | 'paused' | 'unknown'} */
  state(id) {
    const circuit = this.#circuits.get(id);
    if (circuit) return circuit.connectionId === null ? 'disconnected' : 'connected';
    return this.#persisted.has(id) ? 'paused' : 'unknown';
  }

  /**
   * @param {string} connectionId
   * @param {Circuit['meta']} meta
   * @returns {string} the new circuit's id
   */
  start(connectionId, meta) {
    const id = newCircuitId();
    this.#circuits.set(id, { id, connectionId, startedAt: Date.now(), disconnectedAt: null, meta });
    this.#onEvent('started', id);
    return id;
  }

  /**
   * Holds `id` as a disconnected circuit for `retentionMs` from now: a circuit a previous process
   * held, read back from `--circuits-file` (its connection died with that process).
   * @param {string} id
   */
  adopt(id) {
    if (this.#circuits.has(id)) return;
    this.#circuits.set(id, { id, connectionId: null, startedAt: Date.now(), disconnectedAt: Date.now(), meta: {} });
    this.#retain(id, () => {
      this.#circuits.delete(id);
      this.#onEvent('expired', id);
    });
  }

  /**
   * Attaches a held circuit to `connectionId` (taking it from any previous connection).
   * @param {string} id
   * @param {string} connectionId
   * @returns {boolean} false when the circuit is unknown or expired
   */
  connect(id, connectionId) {
    const circuit = typeof id === 'string' ? this.#circuits.get(id) : undefined;
    if (!circuit) return false;
    this.#clearTimer(id);
    circuit.connectionId = connectionId;
    circuit.disconnectedAt = null;
    this.#onEvent('connected', id);
    return true;
  }

  /**
   * The connection closed: its circuits wait `retentionMs` for a ConnectCircuit.
   * @param {string} connectionId
   */
  detach(connectionId) {
    for (const circuit of this.#circuits.values()) {
      if (circuit.connectionId !== connectionId) continue;
      circuit.connectionId = null;
      circuit.disconnectedAt = Date.now();
      this.#onEvent('disconnected', circuit.id);
      this.#retain(circuit.id, () => {
        this.#circuits.delete(circuit.id);
        this.#onEvent('expired', circuit.id);
      });
    }
  }

  /**
   * Forgets a circuit at once (the disconnect beacon).
   * @param {string} id
   * @returns {boolean} whether it was held
   */
  drop(id) {
    const known = this.#circuits.delete(id) || this.#persisted.delete(id);
    if (known) {
      this.#clearTimer(id);
      this.#onEvent('dropped', id);
    }
    return known;
  }

  /**
   * PauseCircuit: the connection's circuits are disposed, their state persisted for `retentionMs`.
   * @param {string} connectionId
   * @returns {boolean} whether the connection had a circuit
   */
  pause(connectionId) {
    let paused = false;
    for (const circuit of [...this.#circuits.values()]) {
      if (circuit.connectionId !== connectionId) continue;
      this.#circuits.delete(circuit.id);
      this.#clearTimer(circuit.id);
      this.#persisted.add(circuit.id);
      this.#onEvent('paused', circuit.id);
      this.#retain(circuit.id, () => {
        this.#persisted.delete(circuit.id);
        this.#onEvent('expired', circuit.id);
      });
      paused = true;
    }
    return paused;
  }

  /**
   * ResumeCircuit: a held or paused circuit is replaced by a new one on `connectionId`.
   * @param {string} id
   * @param {string} connectionId
   * @param {Circuit['meta']} meta
   * @returns {string | null} the new id, or null when there is nothing to resume
   */
  resume(id, connectionId, meta) {
    if (typeof id !== 'string' || !(this.#circuits.delete(id) || this.#persisted.delete(id))) return null;
    this.#clearTimer(id);
    this.#onEvent('resumed', id);
    return this.start(connectionId, meta);
  }

  /** A server restart: every circuit and persisted state is gone. */
  clear() {
    const ids = [...this.#circuits.keys(), ...this.#persisted];
    this.dispose();
    for (const id of ids) this.#onEvent('forgotten', id);
  }

  /** Clears every timer and forgets everything, without events. */
  dispose() {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#circuits.clear();
    this.#persisted.clear();
  }

  /** @param {string} id @param {() => void} expire */
  #retain(id, expire) {
    this.#clearTimer(id);
    const timer = setTimeout(() => {
      this.#timers.delete(id);
      expire();
    }, this.#retentionMs);
    timer.unref();
    this.#timers.set(id, timer);
  }

  /** @param {string} id */
  #clearTimer(id) {
    const timer = this.#timers.get(id);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.#timers.delete(id);
    }
  }
}
