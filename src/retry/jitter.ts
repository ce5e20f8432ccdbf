/**
 * The jitter strategies of the AWS Architecture Blog's "Exponential Backoff And Jitter"
 * (aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/), as small pure steps.
 *
 * Every strategy receives the *capped* exponential ceiling (the cap is applied before the
 * jitter), so a herd of clients keeps spreading out once the schedule reaches `maxMs` instead of
 * falling into lockstep at the cap, as socket.io's backoff does (its cap comes after the jitter).
 * Results are whole milliseconds (timers have millisecond resolution) in `[0, ceiling]`.
 */

/**
 * How a wait is randomised around the capped exponential ceiling `c`:
 * - `'full'`: uniform in `[0, c)`; the least total work for a herd (AWS's result).
 * - `'equal'`: `c/2` plus uniform in `[0, c/2)`; never shorter than half the ceiling.
 * - `'decorrelated'`: `min(maxMs, uniform in [initialMs, 3 × previous wait))`, independent of the
 *   attempt count; loses most of its spread at the cap (thomwright.co.uk/2024/04/24/decorrelated-jitter).
 * - `'none'`: exactly `c`; clients that lost the server together retry together.
 * @default 'full' (in `exponentialBackoff`)
 * @example exponentialBackoff({ initialMs: 1000, maxMs: 30000, jitter: 'equal' })
 */
export type Jitter = 'full' | 'equal' | 'decorrelated' | 'none';

/**
 * Every {@link Jitter} name, for validation and documentation.
 * @example JITTERS.includes(userChoice) // userChoice is a Jitter
 */
export const JITTERS: readonly Jitter[] = ['full', 'equal', 'decorrelated', 'none'];

/**
 * `min(maxMs, initialMs × factor^(step − 1))` for `step` ≥ 1: the deterministic ceiling of the
 * `step`-th wait. Overflow is harmless: `initialMs × Infinity` is `Infinity`, clamped to `maxMs`.
 * @example cappedCeiling(4, 1000, 2, 5000) // 5000 (8000 capped)
 */
export function cappedCeiling(step: number, initialMs: number, factor: number, maxMs: number): number {
  const exponent = Math.max(0, step - 1);
  return Math.min(maxMs, initialMs * factor ** exponent);
}

/**
 * Applies `jitter` to the capped `ceiling`. `unit` is one draw of the random source in `[0, 1)`;
 * `previousMs` is the wait returned before this one in the same outage (only `'decorrelated'`
 * reads it, and treats anything below `initialMs` as `initialMs`, the post's starting point).
 * @example applyJitter('equal', 8000, 0.5, { initialMs: 1000, maxMs: 30000, previousMs: 0 }) // 6000
 */
export function applyJitter(
  jitter: Jitter,
  ceiling: number,
  unit: number,
  bounds: { readonly initialMs: number; readonly maxMs: number; readonly previousMs: number },
): number {
  switch (jitter) {
    case 'none':
      return Math.floor(ceiling);
    case 'full':
      return Math.floor(unit * ceiling);
    case 'equal':
      return Math.floor(ceiling / 2 + (unit * ceiling) / 2);
    case 'decorrelated': {
      const low = bounds.initialMs;
      const high = Math.max(low, Math.max(bounds.previousMs, low) * 3);
      return Math.floor(Math.min(bounds.maxMs, low + unit * (high - low)));
    }
  }
}

/**
 * The wait a draw of 0.5 gives: the middle of the strategy's range (its mean, except where
 * `'decorrelated'` is clamped at `maxMs`). Stands in for a step whose actual wait is unknown,
 * when a policy is asked about attempt 5 without having been asked about attempt 4.
 * @example expectedJitter('full', 8000, { initialMs: 1000, maxMs: 30000, previousMs: 0 }) // 4000
 */
export function expectedJitter(
  jitter: Jitter,
  ceiling: number,
  bounds: { readonly initialMs: number; readonly maxMs: number; readonly previousMs: number },
): number {
  return applyJitter(jitter, ceiling, 0.5, bounds);
}
