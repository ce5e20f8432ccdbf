import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from '../../../src/retry/exponential-backoff';
import type { Jitter } from '../../../src/retry/jitter';
import { JITTERS } from '../../../src/retry/jitter';
import { playback } from './fake-random';

/**
 * The wait at `step` of an `exponentialBackoff` with initialMs 1000 and maxMs 30000 (ceilings
 * 1, 2, 4, 8, 16, then 30 s), every draw of its random source being `unit`.
 */
const wait = (jitter: Jitter, step: number, unit: number) =>
  exponentialBackoff({ initialMs: 1000, maxMs: 30000, jitter, random: () => unit })(step);

describe('the capped ceiling (exponentialBackoff without jitter)', () => {
  it('grows by the factor from initialMs and stops at maxMs', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 30000, jitter: 'none' });
    expect([1, 2, 3, 4, 5, 6, 7].map((step) => interval(step))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('stays at maxMs when the exponential overflows to Infinity', () => {
    expect(exponentialBackoff({ initialMs: 1000, maxMs: 30000, jitter: 'none' })(5000)).toBe(30000);
    expect(exponentialBackoff({ initialMs: 1000, maxMs: 30000, factor: 1, jitter: 'none' })(5000)).toBe(1000);
  });
});

describe('the jitters, at the ceiling 8000 (step 4)', () => {
  it('none returns the ceiling itself', () => {
    expect(wait('none', 4, 0.3)).toBe(8000);
  });

  it('full draws in [0, ceiling)', () => {
    expect(wait('full', 4, 0)).toBe(0);
    expect(wait('full', 4, 0.25)).toBe(2000);
    expect(wait('full', 4, 0.999999)).toBe(7999);
  });

  it('equal draws in [ceiling/2, ceiling)', () => {
    expect(wait('equal', 4, 0)).toBe(4000);
    expect(wait('equal', 4, 0.5)).toBe(6000);
    expect(wait('equal', 4, 0.999999)).toBe(7999);
  });

  it('decorrelated draws in [initialMs, 3 × previous), starting from initialMs, clamped at maxMs', () => {
    const decorrelated = (...units: number[]) =>
      exponentialBackoff({ initialMs: 1000, maxMs: 30000, jitter: 'decorrelated', random: playback(...units) });
    // Step 1 has no previous wait: [1000, 3000).
    expect(decorrelated(0.5)(1)).toBe(2000);
    // After a wait of 2000: [1000, 6000).
    const chain = decorrelated(0.5);
    expect([chain(0), chain(1), chain(2)]).toEqual([0, 2000, 3500]);
    // After 2980, 8860 and 26324: 1000 + 0.99 × 77972 is clamped at maxMs.
    const long = decorrelated(0.99);
    expect([1, 2, 3, 4].map((step) => long(step))).toEqual([2980, 8860, 26324, 30000]);
  });

  it('the middle of the range (a draw of 0.5) stands in for an unknown wait', () => {
    // Nothing asked before step 4: its previous wait counts at the middle of step 3's range.
    expect(JITTERS.map((name) => wait(name, 4, 0.5))).toEqual([4000, 6000, expect.any(Number), 8000]);
    // Decorrelated's skipped steps 1–3 at 0.5: 2000, 3500, 5750; then 1000 + 0.5 × (17250 − 1000).
    expect(wait('decorrelated', 4, 0.5)).toBe(9125);
  });
});
