import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReconnectionOptions } from '../../../src/options/types';
import type { TabCoordinator, TabEvent } from '../../../src/reconnection/tab-coordination/types';
import { FakePageSignals } from '../support/fake-page-signals';
import { FakeTabGroup } from '../support/fake-tab-group';
import { processFixture, type Answer } from '../support/process-fixture';

beforeEach(() => {
  vi.useFakeTimers();
});

const down = new Error('down');

/** Tabs of one group, in the order their connections dropped; all hear the same page signals. */
function tabs(count: number, overrides: Partial<ReconnectionOptions>, answers: Answer[][] = []) {
  const group = new FakeTabGroup();
  const signals = new FakePageSignals();
  const all = Array.from({ length: count }, (_, index) =>
    processFixture(overrides, { attempts: answers[index] ?? [], tabs: group.tab(String.fromCharCode(97 + index)), signals }),
  );
  return { group, signals, all };
}

describe('tabs of one group share an outage', () => {
  it('only the leader attempts; the follower shows the same countdown, then attempts at once when the leader resumes', async () => {
    const { group, all } = tabs(2, { retryIntervalMilliseconds: () => 2000 }, [[down, down, true], [true]]);
    const [a, b] = all as [ReturnType<typeof processFixture>, ReturnType<typeof processFixture>];
    a.process.start('dropped');
    b.process.start('dropped');
    expect(group.leader).toBe('a');
    await vi.advanceTimersByTimeAsync(3000);
    expect(a.attempt).toHaveBeenCalledTimes(1);
    expect(b.attempt).not.toHaveBeenCalled();
    // The follower counts down to the leader's deadlines, second for second.
    expect(b.display.take()).toEqual(['show', 'update 1 2', 'update 1 1', 'update 1 0', 'update 2 2', 'update 2 1']);
    expect(a.display.take()).toEqual(['show', 'update 1 2', 'update 1 1', 'update 1 0', 'update 2 2', 'update 2 1']);
    await vi.advanceTimersByTimeAsync(3000);
    expect(a.attempt).toHaveBeenCalledTimes(3);
    // The leader's third attempt resumed it: the follower's one attempt comes at once.
    expect(b.attempt).toHaveBeenCalledTimes(1);
    expect(a.outcomes).toEqual(['resumed']);
    expect(b.outcomes).toEqual(['resumed']);
    expect(a.display.take()).toEqual(['update 2 0', 'update 3 2', 'update 3 1', 'update 3 0', 'hide']);
    // Each 0 s twice: the countdown's end, then the leader's attempt (then b's own, at once).
    expect(b.display.take()).toEqual(['update 2 0', 'update 2 0', 'update 3 2', 'update 3 1', 'update 3 0', 'update 3 0', 'update 3 0', 'hide']);
    expect(group.members).toHaveLength(0);
  });

  it('five tabs: one attempt stream, and all five resume together', async () => {
    const { all } = tabs(5, { retryIntervalMilliseconds: 1000 }, [[down, down, down, true], [true], [true], [true], [true]]);
    for (const tab of all) tab.process.start('dropped');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(all.map((tab) => tab.attempt.mock.calls.length)).toEqual([4, 1, 1, 1, 1]);
    expect(all.map((tab) => tab.outcomes)).toEqual(Array(5).fill(['resumed']));
  });

  it('a follower whose own circuit is gone runs its own rejected path', async () => {
    const { all } = tabs(2, { retryIntervalMilliseconds: 1000 }, [[down, true], [false]]);
    const [a, b] = all as [ReturnType<typeof processFixture>, ReturnType<typeof processFixture>];
    a.process.start('dropped');
    b.process.start('dropped');
    await vi.advanceTimersByTimeAsync(3000);
    expect(a.outcomes).toEqual(['resumed']);
    expect(b.outcomes).toEqual(['rejected']);
    expect(b.display.take().at(-1)).toBe('rejected');
  });

  it('when the leader goes, the next tab leads from the same deadline and attempt count', async () => {
    const { group, all } = tabs(3, { retryIntervalMilliseconds: () => 5000 }, [[down], [down, true], [true]]);
    const [a, b, c] = all as [ReturnType<typeof processFixture>, ReturnType<typeof processFixture>, ReturnType<typeof processFixture>];
    for (const tab of all) tab.process.start('dropped');
    await vi.advanceTimersByTimeAsync(5000);
    expect(a.attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    // The leader's tab closes 3 s before its second attempt.
    a.process.dispose();
    expect(group.leader).toBe('b');
    b.display.take();
    await vi.advanceTimersByTimeAsync(2999);
    expect(b.attempt).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(b.attempt).toHaveBeenCalledTimes(1);
    expect(b.display.take()).toEqual(['update 2 2', 'update 2 1', 'update 2 0', 'update 3 5']);
    // b's attempt failed: its policy goes on from attempt 3, c still follows it.
    expect(c.display.calls.slice(-2)).toEqual(['update 2 0', 'update 3 5']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(b.attempt).toHaveBeenCalledTimes(2);
    expect(c.attempt).toHaveBeenCalledTimes(1);
    expect([b.outcomes, c.outcomes]).toEqual([['resumed'], ['resumed']]);
  });

  it("a page signal heard by every tab makes one attempt, the leader's", async () => {
    const { signals, all } = tabs(3, { retryIntervalMilliseconds: () => 30_000 }, [[down, down], [], []]);
    for (const tab of all) tab.process.start('dropped');
    await vi.advanceTimersByTimeAsync(1000);
    expect(all.map((tab) => tab.attempt.mock.calls.length)).toEqual([0, 0, 0]);
    signals.fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(all.map((tab) => tab.attempt.mock.calls.length)).toEqual([1, 0, 0]);
    // A follower's Retry asks the leader too.
    all[2]?.process.attemptNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(all.map((tab) => tab.attempt.mock.calls.length)).toEqual([2, 0, 0]);
  });

  it('followers show the leader offline and failed, and its Retry comes back to them', async () => {
    const { group, signals, all } = tabs(2, { retryIntervalMilliseconds: 1000, maxRetries: 1 }, [[down, true], [true]]);
    const [a, b] = all as [ReturnType<typeof processFixture>, ReturnType<typeof processFixture>];
    a.process.start('dropped');
    b.process.start('dropped');
    b.display.take();
    signals.fire('offline');
    expect([a.process.state, b.process.state]).toEqual(['offline', 'offline']);
    expect(b.display.take()).toEqual(['offline']);
    // Both hear "online"; the follower's asks the leader, which is already attempting.
    signals.fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(a.attempt).toHaveBeenCalledTimes(1);
    expect(group.said).toContain('b requestAttempt');
    expect([a.process.state, b.process.state]).toEqual(['failed', 'failed']);
    expect(b.display.take()).toEqual(['show', 'update 1 0', 'failed']);
    b.process.attemptNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(a.attempt).toHaveBeenCalledTimes(2);
    expect(b.attempt).toHaveBeenCalledTimes(1);
    expect([a.outcomes, b.outcomes]).toEqual([['failed', 'resumed'], ['failed', 'resumed']]);
  });

  it('no grace-period attempt in a follower', async () => {
    const { all } = tabs(2, { retryIntervalMilliseconds: () => 3000, dialogDelayMilliseconds: 500 }, [[down, down], []]);
    for (const tab of all) tab.process.start('dropped');
    await vi.advanceTimersByTimeAsync(2000);
    expect(all.map((tab) => tab.attempt.mock.calls.length)).toEqual([1, 0]);
  });

  it('a lock that answers late moves nothing: the leader keeps the schedule it would have had alone', async () => {
    const lateLead: TabCoordinator = {
      join: (onEvent) => {
        setTimeout(() => { onEvent({ type: 'lead' }); }, 100);
        return { publish: () => undefined, reached: () => undefined, requestAttempt: () => undefined, leave: () => undefined };
      },
    };
    const { process, attempt } = processFixture({ maxRetries: 2, retryIntervalMilliseconds: 500, dialogDelayMilliseconds: 500 }, { attempts: [down, down], tabs: lateLead });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(499);
    expect(attempt).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(1);
    // No grace-period attempt beside the policy's (it was due within the grace window), none after.
    await vi.advanceTimersByTimeAsync(5000);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(process.state).toBe('failed');
  });

  it('paused tabs are not coordinated', () => {
    const { group, all } = tabs(2, {});
    for (const tab of all) tab.process.start('paused');
    expect(group.members).toHaveLength(0);
  });

  describe('a leader told to follow (two tabs led at once, e.g. a claim delivered late)', () => {
    /** A group that makes this tab lead, and lets the test say what it hears next. */
    const steppingDown = () => {
      const heard: { say: (event: TabEvent) => void } = { say: () => undefined };
      const coordinator: TabCoordinator = {
        join: (onEvent) => {
          heard.say = onEvent;
          onEvent({ type: 'lead' });
          return { publish: () => undefined, reached: () => undefined, requestAttempt: () => undefined, leave: () => undefined };
        },
      };
      return { heard, coordinator };
    };

    it('stops its own countdown and shows the other leader\'s', async () => {
      const { heard, coordinator } = steppingDown();
      const { process, attempt, display } = processFixture({ retryIntervalMilliseconds: () => 2000 }, { attempts: [down], tabs: coordinator });
      process.start('dropped');
      await vi.advanceTimersByTimeAsync(500);
      heard.say({ type: 'follow' });
      heard.say({ type: 'leader', state: { state: 'waiting', attempt: 1, deadline: Date.now() + 3000 } });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(attempt).not.toHaveBeenCalled();
      expect(display.take()).toEqual(['show', 'update 1 2', 'update 1 3', 'update 1 2', 'update 1 1', 'update 1 0']);
      expect(process.state).toBe('waiting');
    });

    it('with its own attempt out: that answer counts (resumed), else it shows the other leader once it failed, whenever its state came', async () => {
      for (const [answer, stateFirst] of [[true, false], [down, false], [down, true]] as const) {
        const { heard, coordinator } = steppingDown();
        let settle: (resumed: boolean) => void = () => undefined;
        let fail: (error: Error) => void = () => undefined;
        const pending = () => new Promise<boolean>((resolve, reject) => { settle = resolve; fail = reject; });
        const { process, attempt, display, outcomes } = processFixture({ retryIntervalMilliseconds: () => 1000 }, { attempt: pending, tabs: coordinator });
        process.start('dropped');
        await vi.advanceTimersByTimeAsync(1000);
        expect(attempt).toHaveBeenCalledTimes(1);
        heard.say({ type: 'follow' });
        const leaderState = () => { heard.say({ type: 'leader', state: { state: 'waiting', attempt: 2, deadline: Date.now() + 2000 } }); };
        if (stateFirst) leaderState();
        expect(process.state).toBe('attempting');
        display.take();
        if (answer === true) settle(true);
        else fail(answer);
        // The other leader's state came before this tab's own attempt ended, or comes after.
        await vi.advanceTimersByTimeAsync(0);
        if (!stateFirst) leaderState();
        await vi.advanceTimersByTimeAsync(5000);
        expect(attempt).toHaveBeenCalledTimes(1);
        if (answer === true) {
          expect(outcomes).toEqual(['resumed']);
        } else {
          expect(outcomes).toEqual([]);
          expect(display.take()).toEqual(['update 2 2', 'update 2 1', 'update 2 0']);
          process.dispose();
        }
      }
    });

    it("with the grace period's attempt out: when it fails, no countdown of its own, the other leader's state", async () => {
      const { heard, coordinator } = steppingDown();
      let fail: (error: Error) => void = () => undefined;
      const pending = () => new Promise<boolean>((_, reject) => { fail = reject; });
      const { process, attempt, display } = processFixture({ retryIntervalMilliseconds: () => 3000, dialogDelayMilliseconds: 500 }, { attempt: pending, tabs: coordinator });
      process.start('dropped');
      await vi.advanceTimersByTimeAsync(499);
      expect(attempt).toHaveBeenCalledTimes(1);
      heard.say({ type: 'follow' });
      heard.say({ type: 'leader', state: { state: 'waiting', attempt: 1, deadline: Date.now() + 4000 } });
      display.take();
      fail(down);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(attempt).toHaveBeenCalledTimes(1);
      expect(display.take()).toEqual(['update 1 4', 'update 1 3', 'update 1 2', 'update 1 1', 'update 1 0']);
      process.dispose();
    });
  });
});
