// Several tabs of one origin for the cross-tab tests (test/browser/tabs-*.test.ts) and the tabs
// benchmark's shape: one browser context (shared Web Locks and BroadcastChannel, a
// sessionStorage per tab), each tab with the in-page recorder and its reloads counted.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Hub } from '../../../demo/hub/index.mjs';
import { installRecorder, recording } from './fault-recorder';
import { waitUntil, watchProblems, type PageProblems } from './page-helpers';

export interface Tab {
  page: Page;
  problems: PageProblems;
  /** When each main-frame navigation after the first load (a reload) happened. */
  reloadTimes: number[];
}

export interface TabGroup {
  context: BrowserContext;
  tabs: Tab[];
  close(): Promise<void>;
}

/**
 * A page whose script tag starts the circuit with a fixed 1 s retry interval and the page's own
 * modal (its state events are what the recorder keeps); `?independent` sets `coordinateTabs:
 * false`, the baseline of five tabs each on its own; `?plain` connects to the demo's plain
 * (stateless) hub `/hub` with `circuitHandshake: false`, the connection handle's case.
 */
export const TABS_PAGE = `<!doctype html><html lang="en"><title>tabs</title>
<div id="components-reconnect-modal"></div>
<script src="/circuit-reconnect.js" autostart="false"></script>
<script>
const plain = location.search.includes('plain');
Blazor.start({
  reconnectionOptions: { maxRetries: 200, retryIntervalMilliseconds: 1000, coordinateTabs: !location.search.includes('independent') },
  ...(plain ? { circuitHandshake: false, configureSignalR: (builder) => builder.withUrl('/hub') } : {}),
});
</script></html>`;

/**
 * Opens `count` tabs of `url` in one new context and waits until the hub holds a circuit for each
 * (on a plain hub, with no circuits: a connection for each).
 */
export async function openTabs(browser: Browser, hub: Hub, url: string, count: number): Promise<TabGroup> {
  const context = await browser.newContext();
  await context.addInitScript(installRecorder);
  // `nolocks`: a browser without Web Locks (they exist only in secure contexts: a plain-http
  // intranet host), emulated on the loopback origin, where Chromium has them.
  if (url.includes('nolocks')) {
    await context.addInitScript(() => {
      delete (Navigator.prototype as { locks?: unknown }).locks;
    });
  }
  const plain = url.includes('plain');
  const before = plain ? hub.connectionCount : hub.circuits.size;
  const tabs: Tab[] = [];
  for (let index = 0; index < count; index++) {
    const page = await context.newPage();
    const tab: Tab = { page, problems: watchProblems(page), reloadTimes: [] };
    let loaded = false;
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      if (loaded) tab.reloadTimes.push(Date.now());
      loaded = true;
    });
    await page.goto(url);
    tabs.push(tab);
  }
  await waitUntil(() => (plain ? hub.connectionCount : hub.circuits.size) === before + count, 10_000, `${count} connections`);
  return { context, tabs, close: () => context.close() };
}

/** When the tab's modal was last hidden (its outage ended), or undefined. */
export async function backAt(tab: Tab, after: number): Promise<number | undefined> {
  const states = (await recording(tab.page)).states;
  return states.filter((s) => s.state === 'hide' && s.at >= after).at(-1)?.at;
}

/** Negotiations this tab's own page sent (Resource Timing): who made the attempts. */
export async function negotiationsSent(tab: Tab): Promise<number> {
  return tab.page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/negotiate')).length);
}
