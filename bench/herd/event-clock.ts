import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { Clock } from '../../src/timing/clock';
import { MinHeap } from './min-heap';

interface SimTimer {
  readonly callback: () => void;
  cancelled: boolean;
}

function isSimTimer(handle: unknown): handle is SimTimer {
  return typeof handle === 'object' && handle !== null && 'cancelled' in handle;
}

/**
 * A discrete-event {@link Clock}: no real time passes. Timers are due at whole milliseconds (a
 * browser's resolution) and fire in due order, first set first fired within a millisecond.
 * Timers due at the same millisecond share one heap entry and one bucket, so a herd in lockstep
 * costs little.
 *
 * Microtasks: in a browser they run after each task, so an attempt's outcome is handled before
 * time moves on. The clock reproduces that by yielding a macrotask (which drains every microtask)
 * after each millisecond in which a promise was settled: whoever settles one (the simulated
 * server) calls {@link markSettled}. Milliseconds with only synchronous work (the countdown's
 * ticks) skip the yield. `drainEveryStep` yields after every millisecond regardless; the herd
 * benchmark checks that both modes agree before trusting the fast one.
 */
export class EventClock implements Clock {
  private time = 0;
  private settled = false;
  private readonly dueTimes = new MinHeap();
  private readonly buckets = new Map<number, SimTimer[]>();
  private fired = 0;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const wait = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const at = Math.ceil(this.time + wait);
    const timer: SimTimer = { callback, cancelled: false };
    const bucket = this.buckets.get(at);
    if (bucket === undefined) {
      this.buckets.set(at, [timer]);
      this.dueTimes.push(at);
    } else {
      bucket.push(timer);
    }
    return timer;
  }

  clearTimeout(handle: unknown): void {
    if (isSimTimer(handle)) handle.cancelled = true;
  }

  constructor(private readonly drainEveryStep = false) {}

  /** A promise was settled: drain microtasks before the next millisecond. */
  markSettled(): void {
    this.settled = true;
  }

  /** Timers fired so far (for the benchmark's own cost report). */
  get timersFired(): number {
    return this.fired;
  }

  /**
   * Fires timers in order until none is left or the next is due after `untilMs`. Resolves with
   * the simulated time reached.
   */
  async run(untilMs = Number.POSITIVE_INFINITY): Promise<number> {
    await nextMacrotask();
    for (;;) {
      const at = this.dueTimes.peek();
      if (at === undefined || at > untilMs) return this.time;
      this.dueTimes.pop();
      const bucket = this.buckets.get(at) ?? [];
      this.buckets.delete(at);
      this.time = at;
      for (const timer of bucket) {
        if (timer.cancelled) continue;
        this.fired++;
        timer.callback();
      }
      if (this.settled || this.drainEveryStep) {
        this.settled = false;
        await nextMacrotask();
      }
    }
  }
}
