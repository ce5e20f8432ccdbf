import type { Clock } from '../timing/clock';

const TICK_MS = 1000;

/**
 * The wait before an attempt: reports the whole seconds left (rounded up) at once and then about
 * once a second, `0` right before `done`. The seconds come from the wall clock, not from counting
 * ticks, so a throttled or sleeping tab catches up (and runs the attempt) the moment its timer
 * fires again. Owns exactly one timer at a time; the returned function cancels it.
 * A zero wait still goes through the timer: a policy of zeros can never become a hot loop.
 */
export function startCountdown(clock: Clock, delayMs: number, tick: (secondsLeft: number) => void, done: () => void): () => void {
  const deadline = clock.now() + delayMs;
  let handle: unknown;
  let active = true;
  const step = (): void => {
    handle = undefined;
    if (!active) return;
    const remaining = deadline - clock.now();
    if (remaining <= 0) {
      active = false;
      tick(0);
      done();
      return;
    }
    tick(Math.ceil(remaining / TICK_MS));
    // Land on whole seconds before the deadline so the text changes in step with time.
    handle = clock.setTimeout(step, remaining % TICK_MS || TICK_MS);
  };
  if (delayMs > 0) step();
  else handle = clock.setTimeout(step, 0);
  return () => {
    active = false;
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = undefined;
  };
}
