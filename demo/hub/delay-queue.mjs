// @ts-check
/**
 * Runs callbacks in order, each no sooner than the delay in force when it was queued. Backs the
 * `slow(ms)` fault: every frame in and out of a connection goes through one of these, so a slow
 * link delays frames without reordering them, even when the delay changes mid-flight.
 */
import { performance } from 'node:perf_hooks';

export class DelayQueue {
  /** @type {{ due: number, run: () => void }[]} */
  #queue = [];
  /** @type {NodeJS.Timeout | null} */
  #timer = null;
  #lastDue = 0;
  #disposed = false;
  #delayMs;
  #onError;

  /**
   * @param {() => number} delayMs read on every push
   * @param {(error: unknown) => void} [onError] a throwing callback is reported here; the queue goes on
   */
  constructor(delayMs, onError = () => {}) {
    this.#delayMs = delayMs;
    this.#onError = onError;
  }

  /** @param {() => void} run */
  push(run) {
    if (this.#disposed) return;
    const ms = this.#delayMs();
    if (ms <= 0 && this.#queue.length === 0) {
      this.#call(run);
      return;
    }
    const due = Math.max(performance.now() + Math.max(0, ms), this.#lastDue);
    this.#lastDue = due;
    this.#queue.push({ due, run });
    if (this.#timer === null) this.#arm();
  }

  /** Items waiting. */
  get length() {
    return this.#queue.length;
  }

  /** Drops what is waiting and refuses more. */
  dispose() {
    this.#disposed = true;
    this.#queue = [];
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #arm() {
    const head = this.#queue[0];
    if (head === undefined) return;
    this.#timer = setTimeout(() => this.#drain(), Math.max(0, Math.ceil(head.due - performance.now())));
  }

  #drain() {
    this.#timer = null;
    const now = performance.now();
    while (!this.#disposed && this.#queue.length > 0 && /** @type {{ due: number }} */ (this.#queue[0]).due <= now) {
      const item = /** @type {{ run: () => void }} */ (this.#queue.shift());
      this.#call(item.run);
    }
    if (!this.#disposed) this.#arm();
  }

  /** @param {() => void} run */
  #call(run) {
    try {
      run();
    } catch (error) {
      this.#onError(error);
    }
  }
}
