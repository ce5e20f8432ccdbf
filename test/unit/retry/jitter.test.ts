import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from '../../../src/retry/exponential-backoff';
import { applyJitter, JITTERS } from '../../../src/retry/jitter';

/** `applyJitter` with initialMs 1000, maxMs 30000 and the given previous wait. */
const jitter = (name: (typeof JITTERS)[number], ceiling: number, unit: number, previousMs = 0) =>
  applyJitter(name, ceiling, unit, 1000, 30000, previousMs);

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

describe('applyJitter', () => {
  it('none returns the ceiling itself', () => {
    expect(jitter('none', 8000, 0.3)).toBe(8000);
  });

  it('full draws in [0, ceiling)', () => {
    expect(jitter('full', 8000, 0)).toBe(0);
    expect(jitter('full', 8000, 0.25)).toBe(2000);
    expect(jitter('full', 8000, 0.999999)).toBe(7999);
  });

  it('equal draws in [ceiling/2, ceiling)', () => {
    expect(jitter('equal', 8000, 0)).toBe(4000);
    expect(jitter('equal', 8000, 0.5)).toBe(6000);
    expect(jitter('equal', 8000, 0.999999)).toBe(7999);
  });

  it('decorrelated draws in [initialMs, 3 × previous), starting from initialMs, clamped at maxMs', () => {
    expect(jitter('decorrelated', 0, 0.5, 0)).toBe(2000);
    expect(jitter('decorrelated', 0, 0.5, 2000)).toBe(3500);
    expect(jitter('decorrelated', 0, 0.99, 20000)).toBe(30000);
  });

  it('the middle of the range (a draw of 0.5) stands in for an unknown wait', () => {
    expect(JITTERS.map((name) => jitter(name, 8000, 0.5))).toEqual([4000, 6000, 2000, 8000]);
  });
});
