import { describe, expect, it } from 'vitest';
import { applyJitter, cappedCeiling, expectedJitter, JITTERS } from '../../../src/retry/jitter';

const bounds = { initialMs: 1000, maxMs: 30000, previousMs: 0 };

describe('cappedCeiling', () => {
  it('grows by the factor from initialMs and stops at maxMs', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((step) => cappedCeiling(step, 1000, 2, 30000))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  it('stays at maxMs when the exponential overflows to Infinity', () => {
    expect(cappedCeiling(5000, 1000, 2, 30000)).toBe(30000);
    expect(cappedCeiling(5000, 1000, 1, 30000)).toBe(1000);
  });
});

describe('applyJitter', () => {
  it('none returns the ceiling itself', () => {
    expect(applyJitter('none', 8000, 0.3, bounds)).toBe(8000);
  });

  it('full draws in [0, ceiling)', () => {
    expect(applyJitter('full', 8000, 0, bounds)).toBe(0);
    expect(applyJitter('full', 8000, 0.25, bounds)).toBe(2000);
    expect(applyJitter('full', 8000, 0.999999, bounds)).toBe(7999);
  });

  it('equal draws in [ceiling/2, ceiling)', () => {
    expect(applyJitter('equal', 8000, 0, bounds)).toBe(4000);
    expect(applyJitter('equal', 8000, 0.5, bounds)).toBe(6000);
    expect(applyJitter('equal', 8000, 0.999999, bounds)).toBe(7999);
  });

  it('decorrelated draws in [initialMs, 3 × previous), starting from initialMs, clamped at maxMs', () => {
    expect(applyJitter('decorrelated', 0, 0.5, { ...bounds, previousMs: 0 })).toBe(2000);
    expect(applyJitter('decorrelated', 0, 0.5, { ...bounds, previousMs: 2000 })).toBe(3500);
    expect(applyJitter('decorrelated', 0, 0.99, { ...bounds, previousMs: 20000 })).toBe(30000);
  });

  it('the middle of the range stands in for an unknown wait', () => {
    expect(JITTERS.map((jitter) => expectedJitter(jitter, 8000, bounds))).toEqual([4000, 6000, 2000, 8000]);
  });
});
