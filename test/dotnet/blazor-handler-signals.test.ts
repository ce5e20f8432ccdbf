// circuit-reconnect's Blazor handler in the Blazor Web App and the page's signals: offline (no
// attempt while the browser reports no network, one at once when it returns) and a tab that
// becomes visible again (an attempt at once instead of waiting out the countdown).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { delay, waitUntil } from '../support/wait';
import { increment } from './support/counter-page';
import { mark, useHandlerApp, waitForHide } from './support/handler-app';
import { readDialog, readWatch } from './support/handler-watch';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);
const OFFLINE = 'You are offline. Waiting for the network\u2026';

/** The page's `Blazor.reconnect()` calls since `since`. */
async function reconnectsSince(page: Page, since: number): Promise<number[]> {
  return (await readWatch(page)).calls.filter((call) => call.name === 'reconnect' && call.at >= since).map((call) => call.at);
}

/** Waits until the dialog counts down with at least `seconds` left, so an early attempt stands out. */
async function waitForCountdown(page: Page, seconds: number): Promise<void> {
  await waitUntil(async () => {
    const match = /trying again in (\d+)\ssecond/.exec((await readDialog(page)).text);
    return match !== null && Number(match[1]) >= seconds;
  }, 30_000, `a countdown of ${seconds} s or more`);
}

describe.skipIf(skip)('Blazor handler, Blazor Web App: offline and visibility', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp);

  it('offline: the offline text and no attempt while offline; online: an attempt at once, resumed', async () => {
    const { context, page } = await setup.openCounter();
    await increment(page);
    const since = Date.now();
    setup.proxy.refuse(120_000);
    setup.proxy.cut();
    await waitForCountdown(page, 1);
    await context.setOffline(true);
    await waitUntil(async () => (await readDialog(page)).text === OFFLINE, 10_000, 'the offline text');
    const offlineFrom = mark(setup.proxy);
    const offlineAt = Date.now();
    expect((await readWatch(page)).states.at(-1)?.state).toBe('offline');
    // Longer than any wait of the schedule's first steps (ceiling 5 s): a counting handler would
    // have attempted by now. Absence cannot be awaited, so the time is held.
    await delay(6_000);
    expect(setup.proxy.attempts.slice(offlineFrom)).toEqual([]);
    // An attempt already in flight when the network went may finish; none may start after.
    expect((await reconnectsSince(page, offlineAt + 100))).toEqual([]);
    setup.proxy.refuse(0);
    const onlineAt = Date.now();
    await context.setOffline(false);
    await waitUntil(async () => (await reconnectsSince(page, onlineAt)).length > 0, 5_000, 'an attempt after online');
    const first = (await reconnectsSince(page, onlineAt))[0] ?? 0;
    const hideAt = await waitForHide(page, since);
    console.info(`online -> attempt ${first - onlineAt} ms, -> hide ${hideAt - onlineAt} ms`);
    expect(first - onlineAt).toBeLessThan(1_000);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
  });

  it('hidden -> visible during a countdown: an attempt at once', async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    const since = Date.now();
    setup.proxy.refuse(120_000);
    setup.proxy.cut();
    // Headless Chromium keeps every page visible (measured: neither another tab brought to front
    // nor a minimized window changes visibilityState), so the page is told it was hidden and shown
    // again: visibilityState overridden, and the real event dispatched on the document.
    await waitForCountdown(page, 2);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const before = (await reconnectsSince(page, since)).length;
    setup.proxy.refuse(0);
    const visibleAt = Date.now();
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitUntil(async () => (await reconnectsSince(page, since)).length > before, 5_000, 'an attempt after visible');
    const attemptAt = (await reconnectsSince(page, since))[before] ?? 0;
    const hideAt = await waitForHide(page, since);
    console.info(`visible -> attempt ${attemptAt - visibleAt} ms, -> hide ${hideAt - visibleAt} ms`);
    // The countdown had 2 s or more left: an attempt within 1 s is the signal's.
    expect(attemptAt - visibleAt).toBeLessThan(1_000);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
  });
});
