// @ts-check
/**
 * The fault switches a test or the demo panel flips, and the timers that flip them back.
 * This file holds state only; the hub applies it (refusing requests, dropping sockets).
 */

export class FaultState {
  /** Delay added to every hub frame, both directions (ms). */
  slowMs = 0;
  /** How many coming ConnectCircuit calls answer false regardless. */
  rejectNextCount = 0;
  /** StartCircuit answers null while set. */
  refuseStarts = false;
  /** Forced negotiate/upgrade status, by endpoint path ('*' = every endpoint). @type {Map<string, number>} */
  negotiateStatus = new Map();
  /** `Retry-After` seconds sent with that forced status, by endpoint path. @type {Map<string, number>} */
  negotiateRetryAfter = new Map();

  #downUntil = 0;
  /** @type {NodeJS.Timeout | null} */
  #downTimer = null;
  /** @type {NodeJS.Timeout | null} */
  #flapTimer = null;
  /** @type {NodeJS.Timeout | null} */
  #flapEndTimer = null;

  /** True while `down(ms)` is in force. */
  get isDown() {
    return Date.now() < this.#downUntil;
  }

  /** Milliseconds of downtime left (0 when up). */
  get downRemainingMs() {
    return Math.max(0, this.#downUntil - Date.now());
  }

  get isFlapping() {
    return this.#flapTimer !== null;
  }

  /**
   * @param {number} ms
   * @param {() => void} onUp called when the downtime ends by itself
   */
  startDown(ms, onUp) {
    this.#clearDown();
    this.#downUntil = Date.now() + ms;
    this.#downTimer = setTimeout(() => {
      this.#downTimer = null;
      this.#downUntil = 0;
      onUp();
    }, ms);
  }

  /**
   * Calls `tick` now and every `periodMs` until `seconds` have passed, then `onEnd`.
   * @param {number} seconds
   * @param {() => void} tick
   * @param {() => void} onEnd
   * @param {number} [periodMs]
   */
  startFlap(seconds, tick, onEnd, periodMs = 1000) {
    this.#clearFlap();
    tick();
    this.#flapTimer = setInterval(tick, periodMs);
    this.#flapEndTimer = setTimeout(() => {
      this.#clearFlap();
      onEnd();
    }, seconds * 1000);
  }

  /** Consumes one pending rejection. @returns {boolean} whether this ConnectCircuit must fail */
  takeRejection() {
    if (this.rejectNextCount <= 0) return false;
    this.rejectNextCount -= 1;
    return true;
  }

  /** @param {string} path @returns {number | undefined} the forced status for that endpoint */
  forcedNegotiateStatus(path) {
    return this.negotiateStatus.get(path) ?? this.negotiateStatus.get('*');
  }

  /** @param {string} path @returns {number | undefined} the `Retry-After` seconds sent with that endpoint's forced status */
  forcedRetryAfter(path) {
    return this.negotiateStatus.has(path) ? this.negotiateRetryAfter.get(path) : this.negotiateRetryAfter.get('*');
  }

  /** Every switch back to normal, every timer cleared. */
  reset() {
    this.slowMs = 0;
    this.rejectNextCount = 0;
    this.refuseStarts = false;
    this.negotiateStatus.clear();
    this.negotiateRetryAfter.clear();
    this.#clearDown();
    this.#clearFlap();
  }

  dispose() {
    this.reset();
  }

  #clearDown() {
    if (this.#downTimer !== null) clearTimeout(this.#downTimer);
    this.#downTimer = null;
    this.#downUntil = 0;
  }

  #clearFlap() {
    if (this.#flapTimer !== null) clearInterval(this.#flapTimer);
    if (this.#flapEndTimer !== null) clearTimeout(this.#flapEndTimer);
    this.#flapTimer = null;
    this.#flapEndTimer = null;
  }
}

/**
 * @param {unknown} value
 * @param {string} name for the error message
 * @param {{ min?: number, max?: number }} [range]
 * @returns {number}
 */
export function checkNumber(value, name, range = {}) {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a number from ${min} to ${max}, got ${String(value)}.`);
  }
  return value;
}
