import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerBusyError } from '../../../src/errors/server-busy-error';
import { MIN_ADVICE_JITTER_MS, nextWait, serverAdvisedWait } from '../../../src/reconnection/next-wait';
import { processFixture, type Answer } from '../support/process-fixture';

const busy = (retryAfterMs: number, status = 503) =>
  new ServerBusyError('http://localhost/_blazor', status, retryAfterMs, { cause: new Error(`Status code '${status}'`) });

beforeEach(() => {
  vi.useFakeTimers();
});

describe('serverAdvisedWait', () => {
  it('adds a jitter in [0, max(1 s, Retry-After / 2)) to the advice', () => {
    expect(serverAdvisedWait(busy(4000), () => 0)).toBe(4000);
    expect(serverAdvisedWait(busy(4000), () => 0.5)).toBe(5000);
    expect(serverAdvisedWait(busy(4000), () => 0.999)).toBe(5998);
    // A short advice still spreads a crowd over a whole second.
    expect(serverAdvisedWait(busy(1000), () => 0.999)).toBe(1000 + MIN_ADVICE_JITTER_MS - 1);
    expect(serverAdvisedWait(busy(0), () => 0.5)).toBe(500);
    expect(serverAdvisedWait(busy(30_000), () => 0.999)).toBe(44_985);
  });

  it('is 0 for any other error, so a 503 without Retry-After is an outage as before', () => {
    expect(serverAdvisedWait(new Error("Status code '503'"), () => 0.5)).toBe(0);
    expect(serverAdvisedWait(undefined, () => 0.5)).toBe(0);
  });
});

describe('nextWait', () => {
  const settings = { maxRetries: 3, retryIntervalMilliseconds: 2000 };

  it('takes the longer of the policy and the advice', () => {
    expect(nextWait(settings, 1, busy(5000), () => 0)).toBe(5000);
    expect(nextWait(settings, 1, busy(1000), () => 0)).toBe(2000);
    expect(nextWait(settings, 1, new Error('down'), () => 0)).toBe(2000);
  });

  it('still stops at maxRetries: a busy answer is an attempt', () => {
    expect(nextWait(settings, 3, busy(5000), () => 0)).toBeNull();
  });
});

describe('ReconnectionProcess with a busy server', () => {
  it('waits Retry-After plus its jitter before the next attempt, then the policy again', async () => {
    const answers: Answer[] = [busy(4000, 429), new Error('down'), true];
    const { process, attempt, outcomes } = processFixture({ maxRetries: 5, retryIntervalMilliseconds: 1000 }, { attempts: answers, random: () => 0.5 });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempt).toHaveBeenCalledTimes(1);
    // 4000 ms advised + 0.5 × max(1000, 2000) ms of jitter.
    await vi.advanceTimersByTimeAsync(4999);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    // A plain failure: the policy's 1000 ms again.
    await vi.advanceTimersByTimeAsync(999);
    expect(attempt).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(outcomes).toEqual(['resumed']);
  });

  it('counts the busy answer against maxRetries', async () => {
    const { process, attempt, outcomes } = processFixture({ maxRetries: 2, retryIntervalMilliseconds: 0 }, { attempts: [busy(3000), busy(3000)], random: () => 0 });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(3000);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(outcomes).toEqual(['failed']);
    expect(process.attempts).toBe(2);
  });

  it('keeps two clients told the same Retry-After apart by their jitter', async () => {
    const early = processFixture({ retryIntervalMilliseconds: 0 }, { attempts: [busy(2000), true], random: () => 0 });
    const late = processFixture({ retryIntervalMilliseconds: 0 }, { attempts: [busy(2000), true], random: () => 0.9 });
    early.process.start('dropped');
    late.process.start('dropped');
    await vi.advanceTimersByTimeAsync(2000);
    expect(early.attempt).toHaveBeenCalledTimes(2);
    expect(late.attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(899);
    expect(late.attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(late.attempt).toHaveBeenCalledTimes(2);
  });

  it("moves the policy's deadline later when the grace period's attempt is told to wait", async () => {
    const { process, attempt, outcomes } = processFixture(
      { dialogDelayMilliseconds: 500, retryIntervalMilliseconds: 1000, maxRetries: 5 },
      { attempts: [busy(3000), true], random: () => 0 },
    );
    process.start('dropped');
    // The first wait is 1000 ms; the grace period's attempt goes at 499 ms and is told 3 s.
    await vi.advanceTimersByTimeAsync(499);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2999);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(process.attempts).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(outcomes).toEqual(['resumed']);
  });

  it("makes no grace-period attempt inside a wait the server asked for", async () => {
    const { process, attempt, outcomes } = processFixture(
      { dialogDelayMilliseconds: 500, retryIntervalMilliseconds: 0, maxRetries: 5 },
      { attempts: [busy(2000), true], random: () => 0 },
    );
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(outcomes).toEqual(['resumed']);
  });
});
