// The fault suite: page signals during an outage. A tab coming back to the foreground and the
// network coming back each skip the wait and attempt at once; while the browser is offline
// nothing is attempted and no attempt is counted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { startDemoServer } from '../../demo/server-core.mjs';
import type { DemoServer } from '../../demo/server-core.mjs';
import { chromiumPath, launchChromium } from './support/chromium';
import {
  closeAndReset,
  dialogView,
  isResumed,
  mark,
  modalClasses,
  openWithCircuit,
  recording,
  setVisibility,
  since,
  waitForLog,
  waitForState,
} from './support/demo-fixture';
import type { OpenedPage, Recording } from './support/demo-fixture';
import { waitUntil } from './support/page-helpers';
import { assertBuilt } from './support/site';

const OFFLINE_TEXT = 'You are offline. Waiting for the network\u2026';

describe.skipIf(chromiumPath === undefined)('faults: page signals (visibility, network)', () => {
  let browser: Browser;
  let demo: DemoServer;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    assertBuilt();
    browser = await launchChromium();
    demo = await startDemoServer({ port: 0 });
  });

  afterEach(async () => {
    await closeAndReset(opened, demo.hub);
    opened = undefined;
  });

  afterAll(async () => {
    await browser.close();
    await demo.close();
  });

  /** Negotiate requests the page made (whether or not they reached the server). */
  function countNegotiateRequests(page: Page): { count: number } {
    const counter = { count: 0 };
    page.on('request', (request: Request) => {
      if (request.url().includes('/negotiate')) counter.count += 1;
    });
    return counter;
  }

  /** Waits until the dialog's countdown shows one of `seconds` (so the next attempt is that far off). */
  async function waitForCountdown(page: Page, seconds: string): Promise<void> {
    await page.waitForFunction(
      (pattern) => new RegExp(`trying again in [${pattern}] seconds`).test((window as unknown as { __faults: Recording }).__faults.titles.at(-1)?.text ?? ''),
      seconds,
      { timeout: 10_000 },
    );
  }

  it('hidden during an outage, then visible: an attempt within 100 ms, long before the scheduled one', async () => {
    ({ opened } = await openWithCircuit(browser, demo, '/default-dialog.html'));
    const { page } = opened;
    const before = mark(demo.hub);
    demo.hub.down(60_000);
    await setVisibility(page, 'hidden');
    // With "3" or "4 seconds" showing, the next scheduled attempt is at least 2 s away.
    await waitForCountdown(page, '34');
    const made = since(demo.hub, before, 'negotiate').length;

    demo.hub.reset();
    const beforeVisible = mark(demo.hub);
    const visibleAt = await setVisibility(page, 'visible');
    const attempt = await waitForLog(demo.hub, (entry) => entry.kind === 'negotiate', 5_000, 'an attempt', beforeVisible);
    const latency = attempt.at - visibleAt;
    expect(attempt.status).toBe(200);
    expect(latency).toBeGreaterThanOrEqual(0);
    expect(latency).toBeLessThan(100);

    await waitForLog(demo.hub, isResumed, 5_000, 'ConnectCircuit → true', beforeVisible);
    await waitForState(page, 'hide', 1, 5_000);
    expect(await dialogView(page)).toMatchObject({ open: false, classes: ['components-reconnect-hide'] });
    // The signal brought the next attempt forward; it did not skip or add one.
    const updates = (await recording(page)).states.filter((s) => s.state === 'retrying' && s.secondsToNextAttempt === 0);
    expect(updates.at(-1)?.currentAttempt).toBe(made + 1);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(`[faults] visible → attempt ${made + 1}: ${latency} ms`);
  });

  it('user modal: offline when the connection drops → components-reconnect-offline, nothing attempted; online → immediate attempt', async () => {
    ({ opened } = await openWithCircuit(browser, demo, '/user-modal.html'));
    const { page, context } = opened;
    const negotiate = countNegotiateRequests(page);
    await context.setOffline(true);
    const before = mark(demo.hub);

    demo.hub.drop();
    await waitForState(page, 'offline', 1, 5_000);
    expect(await modalClasses(page)).toEqual(['components-reconnect-show', 'components-reconnect-offline']);
    // Blazor's policy would have made 10 attempts at once: a second is plenty to see none.
    const offlineSince = Date.now();
    await waitUntil(() => Date.now() - offlineSince >= 1_000, 2_000, 'a second offline');
    expect(negotiate.count).toBe(0);
    expect(since(demo.hub, before, 'negotiate')).toEqual([]);
    expect((await recording(page)).states.map((s) => s.state)).toEqual(['show', 'offline']);

    const beforeOnline = mark(demo.hub);
    const onlineAt = Date.now();
    await context.setOffline(false);
    const attempt = await waitForLog(demo.hub, (entry) => entry.kind === 'negotiate', 5_000, 'an attempt', beforeOnline);
    const latency = attempt.at - onlineAt;
    expect(latency).toBeLessThan(500);
    await waitForLog(demo.hub, isResumed, 5_000, 'ConnectCircuit → true', beforeOnline);
    await waitForState(page, 'hide', 1, 5_000);
    expect(await modalClasses(page)).toEqual(['components-reconnect-hide']);
    const states = (await recording(page)).states;
    // Offline time counted no attempt: the one made on `online` is attempt 1.
    expect(states.find((s) => s.state === 'retrying')).toMatchObject({ currentAttempt: 1, secondsToNextAttempt: 0 });
    expect(negotiate.count).toBe(1);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(`[faults] user modal: online → attempt: ${latency} ms`);
  });

  it('default dialog: offline while waiting for the next attempt → offline text, the scheduled attempt never runs; online → it runs at once', async () => {
    ({ opened } = await openWithCircuit(browser, demo, '/default-dialog.html'));
    const { page, context } = opened;
    const negotiate = countNegotiateRequests(page);
    const before = mark(demo.hub);
    demo.hub.down(60_000);
    await waitForCountdown(page, '345');
    await context.setOffline(true);
    const made = since(demo.hub, before, 'negotiate');

    await page.waitForFunction(
      (text) => (window as unknown as { __faults: Recording }).__faults.titles.at(-1)?.text === text,
      OFFLINE_TEXT,
      { timeout: 5_000 },
    );
    await waitUntil(async () => (await dialogView(page)).open, 5_000, 'the dialog to be open');
    expect(await dialogView(page)).toMatchObject({ title: OFFLINE_TEXT, classes: ['components-reconnect-show', 'components-reconnect-offline'], retryVisible: false });
    // The next attempt was due less than 5 s after the last one; wait until well past that.
    const last = made.at(-1)?.at ?? 0;
    await waitUntil(() => Date.now() > last + 6_500, 10_000, 'the moment the next attempt was due');
    expect(negotiate.count).toBe(made.length);
    expect(since(demo.hub, before, 'negotiate')).toHaveLength(made.length);
    expect((await dialogView(page)).title).toBe(OFFLINE_TEXT);

    demo.hub.reset();
    const beforeOnline = mark(demo.hub);
    const onlineAt = Date.now();
    await context.setOffline(false);
    const attempt = await waitForLog(demo.hub, (entry) => entry.kind === 'negotiate', 5_000, 'an attempt', beforeOnline);
    const latency = attempt.at - onlineAt;
    expect(latency).toBeLessThan(500);
    await waitForLog(demo.hub, isResumed, 5_000, 'ConnectCircuit → true', beforeOnline);
    await waitForState(page, 'hide', 1, 5_000);
    expect(await dialogView(page)).toMatchObject({ open: false, classes: ['components-reconnect-hide'] });
    // Offline time counted no attempt: the one made on `online` is the next in line.
    const updates = (await recording(page)).states.filter((s) => s.state === 'retrying' && s.secondsToNextAttempt === 0);
    expect(updates.at(-1)?.currentAttempt).toBe(made.length + 1);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(`[faults] default dialog: online → attempt ${made.length + 1}: ${latency} ms`);
  });
});
