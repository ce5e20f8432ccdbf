/**
 * The jitter strategies of the AWS Architecture Blog's "Exponential Backoff And Jitter"
 * (aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/), as small pure steps.
 *
 * Every strategy receives the *capped* exponential ceiling (the cap is applied before the
 * jitter), so a herd of clients keeps spreading out once the schedule reaches `maxMs` instead of
 * falling into lockstep at the cap, as socket.io's backoff does (its cap comes after the jitter).
 * Results are whole milliseconds (timers have millisecond resolution) in `[0, ceiling]`. The
 * formulas are applied in `exponentialBackoff`, the one policy that takes a `Jitter`.
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
