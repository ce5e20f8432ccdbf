import type { Clock } from './clock';

export interface CountdownCallbacks {
  /** Whole seconds left (rounded up); 0 right before `done`. */
  tick(secondsLeft: number): void;
  done(): void;
}

const TICK_MS = 1000;

/**
 * The wait before an attempt: reports the seconds left at once and then about once a second.
 * The seconds come from the wall clock, not from counting ticks, so a throttled or sleeping tab
 * catches up (and runs the attempt) the moment its timer fires again. Owns exactly one timer.
 * A zero wait still goes through the timer: a policy of zeros can never become a hot loop.
 */
export class Countdown {
  private handle: unknown;
  private active = false;

  constructor(private readonly clock: Clock) {}

  start(delayMs: number, callbacks: CountdownCallbacks): void {
    this.cancel();
    this.active = true;
    const deadline = this.clock.now() + delayMs;
    const step = (): void => {
      this.handle = undefined;
      if (!this.active) return;
      const remaining = deadline - this.clock.now();
      if (remaining <= 0) {
        this.active = false;
        callbacks.tick(0);
        callbacks.done();
        return;
      }
      callbacks.tick(Math.ceil(remaining / TICK_MS));
      // Land on whole seconds before the deadline so the text changes in step with time.
      const untilNextWholeSecond = remaining % TICK_MS || TICK_MS;
      this.handle = this.clock.setTimeout(step, untilNextWholeSecond);
    };
    if (delayMs <= 0) {
      this.handle = this.clock.setTimeout(step, 0);
      return;
    }
    step();
  }

  cancel(): void {
    this.active = false;
    if (this.handle !== undefined) {
      this.clock.clearTimeout(this.handle);
      this.handle = undefined;
    }
  }
}
