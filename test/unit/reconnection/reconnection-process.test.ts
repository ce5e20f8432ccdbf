import { beforeEach, describe, expect, it, vi } from 'vitest';
import { processFixture, type Answer } from '../support/process-fixture';
import { expectErrorLog } from '../support/verify-logs';
import type { ReconnectionOptions } from '../../../src/options/types';

const setup = (overrides: Partial<ReconnectionOptions>, attempts: Answer[] = [], online = true) =>
  processFixture(overrides, { attempts, online });


beforeEach(() => {
  vi.useFakeTimers();
});

describe('ReconnectionProcess schedule', () => {
  it('shows at once and makes an immediate first attempt for a zero interval', async () => {
    const { process, display, attempt, outcomes } = setup({ retryIntervalMilliseconds: 0 }, [true]);
    process.start('dropped');
    expect(display.take()).toEqual(['show']);
    expect(attempt).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(display.take()).toEqual(['update 1 0', 'hide']);
    expect(outcomes).toEqual(['resumed']);
    expect(process.state).toBe('resumed');
  });

  it('counts down each second, retries on throw, and ends failed after maxRetries', async () => {
    const { process, display, attempt, outcomes } = setup({ maxRetries: 2, retryIntervalMilliseconds: 2000 });
    process.start('dropped');
    expect(display.take()).toEqual(['show', 'update 1 2']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(display.take()).toEqual(['update 1 1']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(display.take()).toEqual(['update 1 0', 'update 2 2']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(display.take()).toEqual(['update 2 1', 'update 2 0', 'failed']);
    expect(outcomes).toEqual(['failed']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cuts a numeric interval above 3000 ms to 3000 ms for the first attempt only', async () => {
    const { process, attempt } = setup({ maxRetries: 3, retryIntervalMilliseconds: 5000 });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(2999);
    expect(attempt).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4999);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('passes the real maxRetries to a retry function, so the documented example stops there', async () => {
    const calls: [number, number | undefined][] = [];
    const { process, attempt, outcomes } = setup({
      maxRetries: 3,
      retryIntervalMilliseconds: (previousAttempts, maxRetries) => {
        calls.push([previousAttempts, maxRetries]);
        return maxRetries !== undefined && previousAttempts >= maxRetries ? null : previousAttempts * 1000;
      },
    });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(outcomes).toEqual(['failed']);
  });

  it('stops when Array.prototype.at.bind([...]) runs out (undefined)', async () => {
    const { process, attempt, outcomes } = setup({
      maxRetries: undefined,
      retryIntervalMilliseconds: Array.prototype.at.bind([0, 1000, 2000]) as (n: number) => number | undefined,
    });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempt).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(outcomes).toEqual(['failed']);
  });

  it('retries without limit when maxRetries is undefined', async () => {
    const { process, attempt, outcomes } = setup({ maxRetries: undefined, retryIntervalMilliseconds: 100 });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(100 * 50);
    expect(attempt).toHaveBeenCalledTimes(50);
    expect(outcomes).toEqual([]);
    process.dispose();
  });
});

describe('ReconnectionProcess outcomes', () => {
  it('reports rejected when the server no longer holds the circuit', async () => {
    const { process, display, outcomes } = setup({ retryIntervalMilliseconds: 0 }, [new Error('down'), false]);
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(10);
    expect(display.take()).toEqual(['show', 'update 1 0', 'update 2 0', 'rejected']);
    expect(outcomes).toEqual(['rejected']);
    expect(process.isActive).toBe(false);
  });

  it('ignores an attempt that settles after dispose, and releases its timer and listeners', async () => {
    let settle: (value: boolean) => void = () => undefined;
    const { process, display, signals } = setup({ retryIntervalMilliseconds: 0 });
    const { process: pending } = processFixture({ retryIntervalMilliseconds: 0 }, { display, signals, attempt: () => new Promise<boolean>((resolve) => (settle = resolve)) });
    pending.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    pending.dispose();
    settle(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(display.take()).toEqual(['show', 'update 1 0', 'hide']);
    expect(pending.state).toBe('disposed');
    expect(signals.subscriptions).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    process.dispose();
  });
});

describe('ReconnectionProcess invalid retry policies', () => {
  const badPolicies: [string, () => unknown][] = [
    ['throws', () => { throw new Error('boom'); }],
    ['negative', () => -1],
    ['NaN', () => Number.NaN],
    ['a string', () => '1000'],
    ['Infinity', () => Number.POSITIVE_INFINITY],
  ];
  it.each(badPolicies)('ends failed with the error logged when the function %s, never looping', async (_name, policy) => {
    expectErrorLog(/^reconnectionOptions\.retryIntervalMilliseconds\(0\)/);
    const { process, attempt, outcomes, logger } = setup({
      retryIntervalMilliseconds: policy as () => number,
    });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempt).not.toHaveBeenCalled();
    expect(outcomes).toEqual(['failed']);
    expect(logger.errors()).toHaveLength(1);
    expect(logger.errors()[0]?.message).toMatch(/reconnectionOptions\.retryIntervalMilliseconds/);
    expect(vi.getTimerCount()).toBe(0);
  });
});
