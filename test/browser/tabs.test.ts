// Cross-tab coordination in Chromium, against the built script tag and the demo hub: tabs of one
// origin on the same hub share an outage (one tab attempts, the others show its countdown and
// come back with it); a leader tab that closes hands over; five tabs rejected at once each
// reload once. One browser for the file; each test its own context (its own group of tabs).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from './support/chromium';
import { recording, type StateRecord } from './support/fault-recorder';
import { mark, since, startedCircuits } from './support/hub-log';
import { waitUntil } from './support/page-helpers';
import { startSite, type Site } from './support/site';
import { backAt, negotiationsSent, openTabs, TABS_PAGE, type TabGroup } from './support/tab-group';

describe.skipIf(chromiumPath === undefined)('several tabs share one outage (Chromium, built script tag)', () => {
  let browser: Browser;
  let site: Site;
  let group: TabGroup | undefined;

  beforeAll(async () => {
    site = await startSite({ pages: { '/tabs.html': TABS_PAGE } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await site.close();
  });

  /** Takes the hub down for `ms` and returns the refused negotiations and each tab's return. */
  const outage = async (tabs: TabGroup, ms: number) => {
    const before = mark(site.hub);
    const downAt = Date.now();
    site.hub.down(ms);
    const upAt = downAt + ms;
    await waitUntil(async () => (await Promise.all(tabs.tabs.map((tab) => backAt(tab, upAt)))).every((at) => at !== undefined), ms + 10_000, 'every tab back');
    const refused = since(site.hub, before, 'negotiate').filter((entry) => entry.status !== 200).length;
    const back = (await Promise.all(tabs.tabs.map((tab) => backAt(tab, upAt)))) as number[];
    return { refused, back, upAt };
  };
  const finish = async () => {
    await group?.close();
    group = undefined;
    await waitUntil(() => site.hub.connectionCount === 0, 5_000, 'connections closed');
    site.hub.reset({ log: true });
  };
  // A failed test's tabs are closed too: the next test counts the hub's connections.
  afterEach(async () => {
    if (group) await finish();
  });

  it('two tabs: one attempt stream; the follower shows the same countdown; both come back', async () => {
    group = await openTabs(browser, site.hub, `${site.url}/tabs.html`, 2);
    const { refused, back } = await outage(group, 4000);
    const sent = await Promise.all(group.tabs.map(negotiationsSent));
    // One tab made every attempt of the outage (and its own return); the other only its return.
    expect(Math.min(...sent)).toBe(2);
    // 4 s at one attempt a second, plus the grace period's: one stream, not two.
    expect(refused).toBeLessThanOrEqual(6);
    const [first, second] = await Promise.all(group.tabs.map(async (tab) => (await recording(tab.page)).states));
    const countdown = (states: StateRecord[]) => states.filter((s) => s.state === 'retrying' && (s.secondsToNextAttempt ?? 0) > 0).map((s) => s.currentAttempt);
    expect(countdown(first ?? []).length).toBeGreaterThan(0);
    expect(new Set(countdown(second ?? []))).toEqual(new Set(countdown(first ?? [])));
    expect(Math.max(...back) - Math.min(...back)).toBeLessThan(1000);
    expect(group.tabs.flatMap((tab) => tab.problems.errors)).toEqual([]);
    await finish();
  });

  it('five tabs: attempts at the server ≈ 1/5 of five independent tabs; all back within 1 s of the first', async () => {
    group = await openTabs(browser, site.hub, `${site.url}/tabs.html`, 5);
    const coordinated = await outage(group, 5000);
    await finish();
    group = await openTabs(browser, site.hub, `${site.url}/tabs.html?independent`, 5);
    const independent = await outage(group, 5000);
    expect(coordinated.refused * 3).toBeLessThanOrEqual(independent.refused);
    expect(coordinated.refused).toBeLessThanOrEqual(7);
    expect(Math.max(...coordinated.back) - Math.min(...coordinated.back)).toBeLessThan(1000);
    await finish();
  });

  it('a plain hub (circuitHandshake: false): two tabs, one attempt stream, both back', async () => {
    group = await openTabs(browser, site.hub, `${site.url}/tabs.html?plain`, 2);
    const { refused, back } = await outage(group, 4000);
    const sent = await Promise.all(group.tabs.map(negotiationsSent));
    expect(Math.min(...sent)).toBe(2);
    expect(refused).toBeLessThanOrEqual(6);
    expect(Math.max(...back) - Math.min(...back)).toBeLessThan(1000);
    await finish();
  });

  it('without Web Locks (plain http on another host): three tabs elect over BroadcastChannel, one attempt stream, all back', async () => {
    group = await openTabs(browser, site.hub, `${site.url}/tabs.html?nolocks`, 3);
    expect(await group.tabs[0]?.page.evaluate(() => 'locks' in navigator)).toBe(false);
    const { refused, back } = await outage(group, 4000);
    const sent = (await Promise.all(group.tabs.map(negotiationsSent))).sort((a, b) => a - b);
    // Two followers made only their return; the leader every attempt of the outage. Without a
    // lock, a claim delivered later than the 100 ms election (a busy machine) makes two leaders
    // for one beat, each with its first attempt, before the higher claim steps down.
    for (const count of sent.slice(0, 2)) expect(count).toBeLessThanOrEqual(3);
    expect(refused).toBeLessThanOrEqual(7);
    expect(Math.max(...back) - Math.min(...back)).toBeLessThan(1000);
    expect(group.tabs.flatMap((tab) => tab.problems.errors)).toEqual([]);
    await finish();
  });

  it('the leader tab closing mid-outage: another takes over within a second', async () => {
    group = await openTabs(browser, site.hub, `${site.url}/tabs.html`, 3);
    const before = mark(site.hub);
    site.hub.down(8000);
    await waitUntil(async () => (await Promise.all(group?.tabs.map(negotiationsSent) ?? [])).some((sent) => sent >= 3), 5_000, 'a leader');
    const sent = await Promise.all(group.tabs.map(negotiationsSent));
    const leader = sent.indexOf(Math.max(...sent));
    const [closed] = group.tabs.splice(leader, 1);
    const closedAt = Date.now();
    await closed?.page.close();
    const next = await waitUntil(() => since(site.hub, before, 'negotiate').some((entry) => entry.at > closedAt + 50), 5_000, 'an attempt after the close').then(
      () => since(site.hub, before, 'negotiate').find((entry) => entry.at > closedAt + 50),
    );
    // The next attempt keeps the old leader's schedule (at most 1 s away), made by another tab.
    expect((next?.at ?? Infinity) - closedAt).toBeLessThan(1500);
    // Resource Timing lists a negotiation once its answer is in, a moment after the server logged it.
    const attemptedSinceClose = async () => {
      const now = await Promise.all(group?.tabs.map(negotiationsSent) ?? []);
      return now.filter((count, index) => count > (sent[index < leader ? index : index + 1] ?? 0)).length;
    };
    await waitUntil(async () => (await attemptedSinceClose()) > 0, 5_000, 'the attempt listed in its tab');
    expect(await attemptedSinceClose()).toBe(1);
    await waitUntil(async () => (await Promise.all(group?.tabs.map((tab) => backAt(tab, closedAt)) ?? [])).every((at) => at !== undefined), 15_000, 'both tabs back');
    await finish();
  });

  it('the reload storm guard: five tabs rejected at once reload once each, and the guard does not trip', async () => {
    site.setPage('/dialog.html', '<!doctype html><html lang="en"><title>dialog</title><script src="/circuit-reconnect.js"></script></html>');
    group = await openTabs(browser, site.hub, `${site.url}/dialog.html`, 5);
    const firstCircuits = startedCircuits(site.hub).length;
    site.hub.restart();
    await waitUntil(() => group?.tabs.every((tab) => tab.reloadTimes.length === 1) === true, 15_000, 'five reloads');
    await waitUntil(() => startedCircuits(site.hub).length === firstCircuits + 5 && site.hub.circuits.size === 5, 10_000, 'five new circuits');
    // Each tab recorded one reload in its own sessionStorage: nowhere near the guard's 3.
    const histories = await Promise.all(group.tabs.map((tab) => tab.page.evaluate(() => sessionStorage.getItem('circuit-reconnect:reloads'))));
    expect(histories.map((history) => (JSON.parse(history ?? '[]') as unknown[]).length)).toEqual([1, 1, 1, 1, 1]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(group.tabs.map((tab) => tab.reloadTimes.length)).toEqual([1, 1, 1, 1, 1]);
    expect(group.tabs.flatMap((tab) => tab.problems.errors)).toEqual([]);
    await finish();
  });
});
