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
 * Applies `jitter` to the capped `ceiling`: `floor(min(maxMs, base + unit × spread))`, where
 * `unit` is one draw of the random source in `[0, 1)` (0.5, the middle of the range, stands in
 * for a step whose actual wait is unknown). `previousMs` is the wait returned before this one in
 * the same outage; only `'decorrelated'` reads it, and treats anything below `initialMs` as
 * `initialMs`, the post's starting point. The `min` only ever clamps `'decorrelated'`: the other
 * strategies stay within a ceiling that is already capped at `maxMs`.
 * @example applyJitter('equal', 8000, 0.5, 1000, 30000, 0) // 6000
 */
export function applyJitter(
  jitter: Jitter,
  ceiling: number,
  unit: number,
  initialMs: number,
  maxMs: number,
  previousMs: number,
): number {
  // Bit-for-bit the waits the herd benchmark measured (each branch is `base + unit × spread` with
  // the base and spread of its strategy, and `0 + x`, `c + 0` are exact): halving is exact in
  // binary floating point, so `unit × (c/2)` equals `(unit × c)/2`; and
  // `3 × max(previousMs, initialMs)` never falls below `initialMs`, so the decorrelated spread is
  // never negative.
  return Math.floor(
    Math.min(
      maxMs,
      jitter === 'decorrelated'
        ? initialMs + unit * (3 * Math.max(previousMs, initialMs) - initialMs)
        : jitter === 'equal'
          ? ceiling / 2 + unit * (ceiling / 2)
          : jitter === 'full'
            ? unit * ceiling
            : ceiling,
    ),
  );
}
