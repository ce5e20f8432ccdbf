import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserTabCoordinator } from '../../../src/reconnection/tab-coordination/browser-tab-coordinator';
import type { TabEvent, TabMembership } from '../../../src/reconnection/tab-coordination/types';
import { systemClock } from '../../../src/timing/clock';
import { FakeBrowser, type FakeTab } from '../support/fake-tab-apis';

beforeEach(() => {
  vi.useFakeTimers();
});

const HUB = 'http://127.0.0.1:5000/_blazor';

/** Joins one tab to the group; `events` records what it hears, e.g. `['follow', 'leader waiting 2']`. */
function join(tab: FakeTab, random = 0) {
  const coordinator = createBrowserTabCoordinator(tab.window, HUB, systemClock, () => random);
  if (!coordinator) throw new Error('no coordinator');
  const events: string[] = [];
  const membership: TabMembership = coordinator.join((event: TabEvent) => {
    events.push(event.type === 'leader' ? `leader ${event.state.state} ${event.state.attempt}` : event.type);
  });
  return { events, membership };
}

describe('the browser tab coordinator (Web Locks + BroadcastChannel)', () => {
  it('is unavailable without BroadcastChannel: each tab on its own (without Web Locks it elects over the channel)', () => {
    const { window: win } = new FakeBrowser().tab();
    const noChannel = Object.assign(Object.create(win) as Window, { BroadcastChannel: undefined });
    expect(createBrowserTabCoordinator(noChannel, HUB, systemClock)).toBeUndefined();
    expect(createBrowserTabCoordinator(new FakeBrowser(false).tab().window, HUB, systemClock)).toBeDefined();
  });

  it('the first tab leads; the next follows and hears the state at once', async () => {
    const browser = new FakeBrowser();
    const a = join(browser.tab());
    await vi.advanceTimersByTimeAsync(0);
    a.membership.publish({ state: 'waiting', attempt: 2, deadline: Date.now() + 5000 });
    const b = join(browser.tab());
    await vi.advanceTimersByTimeAsync(0);
    expect(a.events).toEqual(['lead']);
    expect(b.events).toEqual(['follow', 'leader waiting 2']);
    a.membership.publish({ state: 'attempting', attempt: 2 });
    await vi.advanceTimersByTimeAsync(0);
    // Beats repeat the state; a follower hears each change once.
    await vi.advanceTimersByTimeAsync(2000);
    expect(b.events).toEqual(['follow', 'leader waiting 2', 'leader attempting 2']);
  });

  it('a leader that leaves (or whose tab closes) hands the lock to the next tab at once', async () => {
    const browser = new FakeBrowser();
    const a = join(browser.tab());
    const b = join(browser.tab());
    const c = join(browser.tab());
    await vi.advanceTimersByTimeAsync(0);
    a.membership.leave();
    await vi.advanceTimersByTimeAsync(0);
    expect([b.events, c.events]).toEqual([['follow', 'lead'], ['follow']]);
    b.membership.leave();
    c.membership.leave();
    await vi.advanceTimersByTimeAsync(0);
    expect(browser.locks.isHeld(`circuit-reconnect:${HUB}`)).toBe(false);
    expect(browser.openChannels).toBe(0);
  });

  it('a frozen leader keeps its lock: the first follower to miss 1 s of beats leads', async () => {
    const browser = new FakeBrowser();
    const leaderTab = browser.tab();
    join(leaderTab);
    const b = join(browser.tab(), 0.8);
    const c = join(browser.tab(), 0);
    await vi.advanceTimersByTimeAsync(500);
    leaderTab.frozen = true;
    await vi.advanceTimersByTimeAsync(999);
    expect(c.events).toEqual(['follow']);
    await vi.advanceTimersByTimeAsync(250);
    expect(c.events).toEqual(['follow', 'lead']);
    // c beats at once: b, whose patience runs 200 ms longer, keeps following.
    await vi.advanceTimersByTimeAsync(5000);
    expect(b.events).toEqual(['follow']);
  });

  it('a frozen leader that thaws after a takeover: of the two leaders, the higher claim steps down', async () => {
    const browser = new FakeBrowser();
    const leaderTab = browser.tab();
    // One random() per tab serves as its spread and its claim: the old leader's claim is higher.
    const old = join(leaderTab, 0.9);
    const b = join(browser.tab(), 0.1);
    await vi.advanceTimersByTimeAsync(500);
    leaderTab.frozen = true;
    await vi.advanceTimersByTimeAsync(1500);
    expect(b.events).toEqual(['follow', 'lead']);
    b.membership.publish({ state: 'waiting', attempt: 3, deadline: Date.now() + 4000 });
    leaderTab.frozen = false;
    await vi.advanceTimersByTimeAsync(250);
    expect(old.events).toEqual(['lead', 'follow', 'leader waiting 3']);
    // It keeps the lock (no third leader from the queue) and follows b's beats from now on.
    expect(browser.locks.isHeld(`circuit-reconnect:${HUB}`)).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect([old.events.length, b.events]).toEqual([3, ['follow', 'lead']]);
  });

  it('a hidden leader asks for a minute of patience (throttled timers are not a freeze)', async () => {
    const browser = new FakeBrowser();
    const leaderTab = browser.tab();
    leaderTab.visibilityState = 'hidden';
    join(leaderTab);
    const b = join(browser.tab());
    await vi.advanceTimersByTimeAsync(300);
    leaderTab.frozen = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(b.events).toEqual(['follow']);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(b.events).toEqual(['follow', 'lead']);
  });

  it('"reached" reaches every other tab; a follower\'s request reaches the leader', async () => {
    const browser = new FakeBrowser();
    const a = join(browser.tab());
    const b = join(browser.tab());
    const c = join(browser.tab());
    await vi.advanceTimersByTimeAsync(0);
    b.membership.requestAttempt();
    await vi.advanceTimersByTimeAsync(0);
    expect(a.events).toEqual(['lead', 'attempt-requested']);
    a.membership.reached();
    await vi.advanceTimersByTimeAsync(0);
    // (The process leaves its membership on "reached"; b, still in it here, then gets the lock.)
    expect(b.events.slice(0, 2)).toEqual(['follow', 'reached']);
    expect(c.events).toEqual(['follow', 'reached']);
  });
});
