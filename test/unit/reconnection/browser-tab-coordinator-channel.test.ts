// Where Web Locks are missing (they exist only in secure contexts: a plain-http intranet app),
// the tabs elect their leader over the BroadcastChannel alone.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserTabCoordinator } from '../../../src/reconnection/tab-coordination/browser-tab-coordinator';
import type { TabEvent } from '../../../src/reconnection/tab-coordination/types';
import { systemClock } from '../../../src/timing/clock';
import { FakeBrowser, type FakeTab } from '../support/fake-tab-apis';

beforeEach(() => {
  vi.useFakeTimers();
});

const HUB = 'http://intranet:5000/_blazor';

/** Joins one tab; `random` is both its claim and its takeover spread (× 250 ms). */
function join(tab: FakeTab, random: number) {
  const coordinator = createBrowserTabCoordinator(tab.window, HUB, systemClock, () => random);
  if (!coordinator) throw new Error('no coordinator');
  const events: string[] = [];
  const membership = coordinator.join((event: TabEvent) => {
    events.push(event.type === 'leader' ? `leader ${event.state.state} ${event.state.attempt}` : event.type);
  });
  return { events, membership };
}

describe('the browser tab coordinator without Web Locks (BroadcastChannel only)', () => {
  it('tabs that lose the server together: the lowest claim leads after 100 ms, the others follow', async () => {
    const browser = new FakeBrowser(false);
    const a = join(browser.tab(), 0.5);
    const b = join(browser.tab(), 0.2);
    const c = join(browser.tab(), 0.9);
    await vi.advanceTimersByTimeAsync(99);
    expect([a.events, b.events, c.events]).toEqual([[], [], []]);
    await vi.advanceTimersByTimeAsync(1);
    expect(b.events).toEqual(['lead']);
    expect([a.events, c.events]).toEqual([['follow'], ['follow']]);
    b.membership.publish({ state: 'waiting', attempt: 2, deadline: Date.now() + 5000 });
    await vi.advanceTimersByTimeAsync(0);
    expect([a.events, c.events]).toEqual([['follow', 'leader waiting 2'], ['follow', 'leader waiting 2']]);
    // Beats keep both following: no second leader.
    await vi.advanceTimersByTimeAsync(10_000);
    expect([a.events.includes('lead'), c.events.includes('lead')]).toEqual([false, false]);
  });

  it('a tab that joins a group with a leader follows at its beat, without waiting out the claim', async () => {
    const browser = new FakeBrowser(false);
    const leader = join(browser.tab(), 0.9);
    await vi.advanceTimersByTimeAsync(100);
    expect(leader.events).toEqual(['lead']);
    const late = join(browser.tab(), 0.1);
    await vi.advanceTimersByTimeAsync(0);
    expect(late.events).toEqual(['follow']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(late.events).toEqual(['follow']);
  });

  it('a claim delivered too late (a busy machine): both lead, and at the first beat each hears the higher claim follows', async () => {
    const browser = new FakeBrowser(false);
    const slowTab = browser.tab();
    // Its claim and beats reach no one for a while, nor do the others' reach it.
    slowTab.frozen = true;
    const slow = join(slowTab, 0.3);
    const fast = join(browser.tab(), 0.6);
    await vi.advanceTimersByTimeAsync(100);
    expect([slow.events, fast.events]).toEqual([['lead'], ['lead']]);
    slow.membership.publish({ state: 'waiting', attempt: 1, deadline: Date.now() + 900 });
    slowTab.frozen = false;
    await vi.advanceTimersByTimeAsync(250);
    expect(fast.events).toEqual(['lead', 'follow', 'leader waiting 1']);
    expect(slow.events).toEqual(['lead']);
    // One leader from now on: the other follows its beats and never leads again.
    await vi.advanceTimersByTimeAsync(10_000);
    expect([slow.events, fast.events.filter((event) => event === 'lead')]).toEqual([['lead'], ['lead']]);
  });

  it('a leader that closes is noticed by its silence: one follower leads about a second later', async () => {
    const browser = new FakeBrowser(false);
    const leaderTab = browser.tab();
    const leader = join(leaderTab, 0);
    const b = join(browser.tab(), 0.8);
    const c = join(browser.tab(), 0.4);
    await vi.advanceTimersByTimeAsync(100);
    expect(leader.events).toEqual(['lead']);
    // A closed tab sends nothing more (no lock to release here).
    leaderTab.frozen = true;
    await vi.advanceTimersByTimeAsync(1000 + 0.4 * 250);
    expect(c.events).toEqual(['follow', 'lead']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(b.events).toEqual(['follow']);
    b.membership.leave();
    c.membership.leave();
    leader.membership.leave();
    expect(browser.openChannels).toBe(0);
  });
});
