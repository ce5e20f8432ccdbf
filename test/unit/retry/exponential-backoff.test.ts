import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../src/errors/invalid-option-error';
import { exponentialBackoff } from '../../../src/retry/exponential-backoff';
import { playback, schedule, seeded } from './fake-random';

describe('exponentialBackoff: the schedule', () => {
  it('attempts at once, then doubles from initialMs up to maxMs (no jitter)', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 10000, jitter: 'none' });
    expect(schedule(interval, 8)).toEqual([0, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  });

  it('full jitter scales each capped ceiling by one draw (the default jitter)', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 10000, random: playback(0.5, 0.1, 0.9) });
    expect(schedule(interval, 7)).toEqual([0, 500, 200, 3600, 4000, 1000, 9000]);
  });

  it('equal jitter keeps at least half of each ceiling', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 10000, jitter: 'equal', random: playback(0, 0.5) });
    expect(schedule(interval, 6)).toEqual([0, 500, 1500, 2000, 6000, 5000]);
  });

  it('decorrelated jitter grows from the previous wait of the outage, clamped at maxMs', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 5000, jitter: 'decorrelated', random: playback(0.5) });
    expect(schedule(interval, 5)).toEqual([0, 2000, 3500, 5000, 5000]);
  });

  it('honours a custom factor, and factor 1 gives a constant ceiling', () => {
    expect(schedule(exponentialBackoff({ initialMs: 100, maxMs: 10000, factor: 3, jitter: 'none' }), 5)).toEqual([
      0, 100, 300, 900, 2700,
    ]);
    expect(schedule(exponentialBackoff({ initialMs: 700, maxMs: 700, factor: 1, jitter: 'none' }), 4)).toEqual([
      0, 700, 700, 700,
    ]);
  });

  it('applies the cap before the jitter: far past the cap, full jitter still spreads over [0, maxMs)', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 30000, random: seeded(7) });
    const waits = Array.from({ length: 2000 }, (_, index) => interval(100 + index) ?? Number.NaN);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...waits)).toBeLessThan(30000);
    expect(Math.min(...waits)).toBeLessThan(300);
    expect(Math.max(...waits)).toBeGreaterThan(29700);
    const mean = waits.reduce((sum, wait) => sum + wait, 0) / waits.length;
    expect(mean).toBeGreaterThan(14000);
    expect(mean).toBeLessThan(16000);
    const atCap = waits.filter((wait) => wait === 30000).length;
    expect(atCap).toBe(0);
  });

  it('ignores the maxRetries argument (the process enforces it)', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 1000, jitter: 'none' });
    expect(interval(5, 3)).toBe(1000);
  });

  it('refuses a previousAttempts that is not a non-negative integer', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 1000 });
    expect(() => interval(-1)).toThrow(RangeError);
    expect(() => interval(1.5)).toThrow('previousAttempts must be a non-negative integer (got 1.5)');
  });
});

describe('exponentialBackoff: maxElapsedMs and outages', () => {
  it('stops once the waits returned in the outage add up to maxElapsedMs, never cutting the last wait', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 4000, jitter: 'none', maxElapsedMs: 10000 });
    // Elapsed before each answer: 0, 0, 1000, 3000, 7000 (< 10000: one more 4000), 11000 (stop).
    expect(schedule(interval, 7)).toEqual([0, 1000, 2000, 4000, 4000, null, null]);
  });

  it('counts the random waits actually returned, not their ceilings', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 4000, maxElapsedMs: 3000, random: playback(0.5) });
    // Waits 0, 500, 1000, 2000 (elapsed 3500 after it), so the fifth answer stops.
    expect(schedule(interval, 6)).toEqual([0, 500, 1000, 2000, null, null]);
  });

  it('starts a fresh outage at previousAttempts 0: the budget and the decorrelated chain reset', () => {
    const interval = exponentialBackoff({
      initialMs: 1000,
      maxMs: 5000,
      jitter: 'decorrelated',
      maxElapsedMs: 8000,
      random: playback(0.5),
    });
    const first = schedule(interval, 6);
    const second = schedule(interval, 6);
    expect(first).toEqual([0, 2000, 3500, 5000, null, null]);
    expect(second).toEqual(first);
  });

  it('asked again for an earlier step, forgets the later ones', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 4000, jitter: 'none', maxElapsedMs: 5000 });
    expect(schedule(interval, 4)).toEqual([0, 1000, 2000, 4000]);
    // Elapsed before step 3 is 3000 again, not 7000.
    expect(interval(3)).toBe(4000);
    expect(interval(4)).toBeNull();
  });

  it('counts a skipped step at the middle of its range', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 8000, maxElapsedMs: 3500, random: playback(0) });
    // Steps 1–3 were never asked: they count 500 + 1000 + 2000 = 3500, so step 4 stops.
    expect(interval(4)).toBeNull();
    expect(interval(3)).toBe(0);
  });
});

describe('exponentialBackoff: validation', () => {
  const cases: [string, unknown, string][] = [
    ['options', undefined, 'exponentialBackoff(options) must be an object (got undefined)'],
    ['initialMs', { initialMs: 0, maxMs: 10 }, 'exponentialBackoff.initialMs must be a finite number > 0 (got 0)'],
    ['initialMs', { initialMs: '1000', maxMs: 10 }, 'exponentialBackoff.initialMs must be a finite number > 0 (got "1000")'],
    ['maxMs', { initialMs: 1000, maxMs: 10 }, 'exponentialBackoff.maxMs must be a finite number ≥ initialMs (1000) (got 10)'],
    ['maxMs', { initialMs: 1000, maxMs: Infinity }, 'exponentialBackoff.maxMs must be a finite number ≥ initialMs (1000) (got Infinity)'],
    ['factor', { initialMs: 1, maxMs: 2, factor: 0.5 }, 'exponentialBackoff.factor must be a finite number ≥ 1 (got 0.5)'],
    ['jitter', { initialMs: 1, maxMs: 2, jitter: 'half' }, `exponentialBackoff.jitter must be one of full, equal, decorrelated, none (got "half")`],
    ['maxElapsedMs', { initialMs: 1, maxMs: 2, maxElapsedMs: -5 }, 'exponentialBackoff.maxElapsedMs must be a finite number > 0 (got -5)'],
    ['random', { initialMs: 1, maxMs: 2, random: 0.5 }, 'exponentialBackoff.random must be a function (got 0.5)'],
    ['an unknown key', { initialMs: 1, maxMs: 2, maxDelayMs: 5 }, "Unknown option 'exponentialBackoff.maxDelayMs' (known: initialMs, maxMs, factor, jitter, maxElapsedMs, random)"],
    ['a misspelt key', { initialMs: 1, maxMs: 2, jiter: 'equal' }, "Unknown option 'exponentialBackoff.jiter' (did you mean 'jitter'?)"],
    ['a key in the wrong case', { initialMs: 1, maxMs: 2, MaxElapsedMs: 5 }, "Unknown option 'exponentialBackoff.MaxElapsedMs' (did you mean 'maxElapsedMs'?)"],
  ];

  it.each(cases)('names %s and the value it got', (_name, options, message) => {
    const build = () => exponentialBackoff(options as never);
    expect(build).toThrow(InvalidOptionError);
    expect(build).toThrow(message);
  });

  it('checks each draw of the random source when it is used', () => {
    const interval = exponentialBackoff({ initialMs: 1000, maxMs: 2000, random: () => 1 });
    expect(interval(0)).toBe(0);
    expect(() => interval(1)).toThrow('exponentialBackoff.random() must be a number in [0, 1) (got 1)');
  });
});
