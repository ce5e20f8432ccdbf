import { describe, expect, it } from 'vitest';
import { nextRetryDelay } from '../../../src/retry/next-retry-delay';
import {
  createDefaultRetryInterval,
  DEFAULT_MAX_RETRIES,
  defaultRetryInterval,
} from '../../../src/retry/default-retry-interval';
import { playback, schedule, seeded } from './fake-random';

const sum = (values: (number | null | undefined)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);

describe('defaultRetryInterval', () => {
  it('attempts at once, then waits [c/2, c) with c = 1, 2, 4, 5×14, then 8 s for good', () => {
    const middle = schedule(createDefaultRetryInterval(() => 0.5), 22);
    expect(middle).toEqual([0, 750, 1500, 3000, ...Array<number>(14).fill(3750), 6000, 6000, 6000, 6000]);
  });

  it('stays within [c/2, c) for the lowest and highest draws', () => {
    const lowest = schedule(createDefaultRetryInterval(() => 0), 21);
    const highest = schedule(createDefaultRetryInterval(() => 0.999999), 21);
    expect(lowest).toEqual([0, 500, 1000, 2000, ...Array<number>(14).fill(2500), 4000, 4000, 4000]);
    expect(highest).toEqual([0, 999, 1999, 3999, ...Array<number>(14).fill(4999), 7999, 7999, 7999]);
  });

  it('retries through at least 5 minutes of outage with maxRetries 84 or more, whatever the draws', () => {
    const shortest = (count: number) => sum(schedule(createDefaultRetryInterval(() => 0), count));
    expect(DEFAULT_MAX_RETRIES).toBe(92);
    expect(shortest(DEFAULT_MAX_RETRIES)).toBe(334500);
    expect(shortest(84)).toBeGreaterThanOrEqual(300000);
    expect(shortest(83)).toBeLessThan(300000);
    expect(shortest(30)).toBe(86500);
  });

  it('spends about 500 s on average before failing at the default maxRetries', () => {
    expect(sum(schedule(createDefaultRetryInterval(() => 0.5), DEFAULT_MAX_RETRIES))).toBe(501750);
  });

  it('stops at maxRetries by itself too, for hosts that do not enforce it', () => {
    expect(defaultRetryInterval(91, 92)).not.toBeNull();
    expect(defaultRetryInterval(92, 92)).toBeNull();
    expect(defaultRetryInterval(400)).toBeGreaterThanOrEqual(4000);
    expect(defaultRetryInterval(400)).toBeLessThan(8000);
  });

  it('is a pure function of previousAttempts: interleaved outages do not disturb each other', () => {
    const random = playback(0.25);
    const interval = createDefaultRetryInterval(random);
    const interleaved = [interval(0), interval(5), interval(0), interval(5), interval(19)];
    expect(interleaved).toEqual([0, 3125, 0, 3125, 5000]);
  });

  it('runs through the process contract: 92 waits, then stop', () => {
    const options = { maxRetries: DEFAULT_MAX_RETRIES, retryIntervalMilliseconds: createDefaultRetryInterval(seeded(3)) };
    const decisions = Array.from({ length: 94 }, (_, attempts) => nextRetryDelay(options, attempts));
    expect(decisions.slice(0, 92).every((decision) => typeof decision === 'number')).toBe(true);
    expect(decisions.slice(92)).toEqual([null, null]);
  });

  it('refuses a random source that is not a function, naming it', () => {
    expect(() => createDefaultRetryInterval(0.5 as unknown as () => number)).toThrow(
      'createDefaultRetryInterval(random) must be a function (got 0.5)',
    );
  });

  it('refuses a previousAttempts that is not a non-negative integer', () => {
    expect(() => defaultRetryInterval(Number.NaN)).toThrow('previousAttempts must be a non-negative integer (got NaN)');
  });
});
