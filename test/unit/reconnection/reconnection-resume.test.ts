import { beforeEach, describe, expect, it, vi } from 'vitest';
import { processFixture } from '../support/process-fixture';

beforeEach(() => {
  vi.useFakeTimers();
});

describe('the attempt at the end of the grace period', () => {
  it('a wait running when the grace period ends gets one extra attempt then (a 300 ms cut is resumed unseen)', async () => {
    // First attempt at once, then 750 ms: without the grace attempt the second would come at 750.
    const { process, attempt, display } = processFixture(
      { dialogDelayMilliseconds: 500, retryIntervalMilliseconds: (previous) => (previous === 0 ? 0 : 750) },
      { attempts: [new Error('refused'), true] },
    );
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(498);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(process.state).toBe('resumed');
    expect(display.take().at(-1)).toBe('hide');
  });

  it("keeps the policy's schedule exactly: the extra attempt is not counted and moves no wait", async () => {
    // Blazor's documented exact sequence: attempts at 0, 1000, 3000 ms.
    const { process, attempt, display } = processFixture(
      { dialogDelayMilliseconds: 500, retryIntervalMilliseconds: Array.prototype.at.bind([0, 1000, 2000]) },
      { attempts: [new Error('refused'), new Error('refused'), new Error('refused'), new Error('refused')] },
    );
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(499);
    expect(attempt).toHaveBeenCalledTimes(2); // at 0, and the grace period's at 499
    expect(process.attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(attempt).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1); // 1000: the policy's second attempt, on time
    expect(attempt).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(2000); // 3000: its third
    expect(attempt).toHaveBeenCalledTimes(4);
    expect(process.attempts).toBe(3);
    // The display heard attempt 2 at 0 s when the grace period's attempt ran, then its countdown.
    expect(display.take().slice(0, 5)).toEqual(['show', 'update 1 0', 'update 2 1', 'update 2 0', 'update 2 1']);
    process.dispose();
  });

  it("none when the policy's own attempt is due within a quarter of the grace period after it", async () => {
    // A herd's clients all reach 499 ms together: those whose policy attempt follows within
    // 125 ms attempt once, at their own time, not twice within 100 ms.
    const near = processFixture(
      { dialogDelayMilliseconds: 500, retryIntervalMilliseconds: (previous) => (previous === 0 ? 0 : 624) },
      { attempts: [new Error('refused'), true] },
    );
    near.process.start('dropped');
    await vi.advanceTimersByTimeAsync(623);
    expect(near.attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(near.attempt).toHaveBeenCalledTimes(2);
    expect(near.process.state).toBe('resumed');

    // Due 1 ms later than a quarter: the grace period's attempt goes at 499 ms.
    const far = processFixture(
      { dialogDelayMilliseconds: 500, retryIntervalMilliseconds: (previous) => (previous === 0 ? 0 : 625) },
      { attempts: [new Error('refused'), true] },
    );
    far.process.start('dropped');
    await vi.advanceTimersByTimeAsync(499);
    expect(far.attempt).toHaveBeenCalledTimes(2);
    expect(far.process.state).toBe('resumed');
  });

  it("none when the policy's own attempt is due as the grace period ends, and none without a grace period", async () => {
    const attemptEvery100 = processFixture(
      { dialogDelayMilliseconds: 500, retryIntervalMilliseconds: 100, maxRetries: 10 },
      { attempts: Array.from({ length: 10 }, () => new Error('refused')) },
    );
    attemptEvery100.process.start('dropped');
    await vi.advanceTimersByTimeAsync(1000);
    // The policy's 5th attempt is due at 500 ms: it is the grace period's attempt, no extra one.
    expect(attemptEvery100.attempt).toHaveBeenCalledTimes(10);
    attemptEvery100.process.dispose();

    const { process, attempt } = processFixture(
      { dialogDelayMilliseconds: 0, retryIntervalMilliseconds: (previous) => (previous === 0 ? 0 : 750) },
      { attempts: [new Error('refused'), true] },
    );
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(749);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
  });
});

describe('resume after a rejection (Blazor 10 resumeCircuit)', () => {
  it('an attempt answered false tries resume() once: true → resumed, hidden', async () => {
    const { process, display, resume, outcomes } = processFixture({ retryIntervalMilliseconds: 0 }, { attempts: [false], resumes: [true] });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(resume).toHaveBeenCalledTimes(1);
    expect(display.take()).toEqual(['show', 'update 1 0', 'hide']);
    expect(outcomes).toEqual(['resumed']);
  });

  it.each([
    ['false', false],
    ['a throw', new Error('Invocation canceled')],
  ])('resume() answering %s ends rejected', async (_name, answer) => {
    const { process, display, outcomes } = processFixture({ retryIntervalMilliseconds: 0 }, { attempts: [false], resumes: [answer] });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(display.take()).toEqual(['show', 'update 1 0', 'rejected']);
    expect(outcomes).toEqual(['rejected']);
    expect(process.isActive).toBe(false);
  });

  it('without resume() a false is rejected at once (.NET 8 and 9)', async () => {
    const { process, outcomes } = processFixture({ retryIntervalMilliseconds: 0 }, { attempts: [false] });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toEqual(['rejected']);
  });

  it('a resume that settles after the connection came up (onConnectionUp) changes nothing', async () => {
    let settle: (resumed: boolean) => void = () => undefined;
    const { process, display, outcomes } = processFixture(
      { retryIntervalMilliseconds: 0 },
      { attempts: [false], resume: () => new Promise<boolean>((resolve) => (settle = resolve)) },
    );
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(process.state).toBe('resuming');
    process.dispose();
    settle(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(display.take()).toEqual(['show', 'update 1 0', 'hide']);
    expect(outcomes).toEqual(['disposed']);
  });
});

describe('paused (Blazor 10 pauseCircuit)', () => {
  it('shows, then paused(remote); makes no attempt and ignores retry signals', async () => {
    const { process, display, attempt, signals } = processFixture({ retryIntervalMilliseconds: 0 }, { resumes: [true] });
    process.start('paused', true);
    expect(display.take()).toEqual(['show', 'paused true']);
    signals.fire('visible');
    process.attemptNow();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempt).not.toHaveBeenCalled();
    expect(process.state).toBe('paused');
    expect(process.isActive).toBe(true);
  });

  it('Resume: resume() true → resumed and hidden', async () => {
    const { process, display, outcomes } = processFixture({}, { resumes: [true] });
    process.start('paused');
    process.resumeNow();
    process.resumeNow(); // a double click is one resume
    await vi.advanceTimersByTimeAsync(0);
    expect(display.take()).toEqual(['show', 'paused false', 'hide']);
    expect(outcomes).toEqual(['resumed']);
  });

  it.each([
    ['false', false],
    ['a throw', new Error('Invocation canceled')],
  ])('Resume: resume() answering %s → resume-failed (final, never stuck)', async (_name, answer) => {
    const { process, display, outcomes } = processFixture({}, { resumes: [answer] });
    process.start('paused');
    process.resumeNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(display.take()).toEqual(['show', 'paused false', 'resumeFailed']);
    expect(outcomes).toEqual(['resume-failed']);
    expect(process.isActive).toBe(false);
  });
});

describe('connection-up while an attempt of ours is in flight', () => {
  it('lets the attempt answer: Blazor calls onConnectionUp inside a reconnect() that then answers false, and the resume still runs', async () => {
    let answer: (resumed: boolean) => void = () => undefined;
    const { process, display, resume, outcomes } = processFixture(
      { retryIntervalMilliseconds: 0 },
      { attempt: () => new Promise<boolean>((resolve) => (answer = resolve)), resumes: [true] },
    );
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    process.connectionUp();
    expect(process.state).toBe('attempting');
    answer(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(resume).toHaveBeenCalledTimes(1);
    expect(display.take()).toEqual(['show', 'update 1 0', 'hide']);
    expect(outcomes).toEqual(['resumed']);
  });

  it('ends a waiting outage at once (the page reconnected by itself)', () => {
    const { process, display, outcomes } = processFixture({ retryIntervalMilliseconds: 5000 });
    process.start('dropped');
    process.connectionUp();
    expect(display.take()).toEqual(['show', 'update 1 3', 'hide']);
    expect(outcomes).toEqual(['disposed']);
  });
});
