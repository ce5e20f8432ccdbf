// The fault suite: page signals during an outage. A tab coming back to the foreground and the
// network coming back each skip the wait and attempt at once; while the browser is offline
// nothing is attempted and no attempt is counted.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { startDemoServer } from '../../demo/server-core.mjs';
import { chromiumPath } from './support/chromium';
import { useFaultSuite } from './support/fault-suite';
import { recording, waitForState } from './support/fault-recorder';
import type { Recording } from './support/fault-recorder';
import { isResumed, mark, since, waitForLog } from './support/hub-log';
import { modalClasses, readDialog } from './support/dialog-view';
import { setVisibility, waitUntil } from './support/page-helpers';

const OFFLINE_TEXT = 'You are offline. Waiting for the network\u2026';

describe.skipIf(chromiumPath === undefined)('faults: page signals (visibility, network)', () => {
  const suite = useFaultSuite(() => startDemoServer({ port: 0 }));

  /** Negotiate requests the page made (whether or not they reached the server). */
  function countNegotiateRequests(page: Page): { count: number } {
    const counter = { count: 0 };
    page.on('request', (request: Request) => {
      if (request.url().includes('/negotiate')) counter.count += 1;
    });
    return counter;
  }

  /**
   * Brings the network back and checks the page attempts at once (within 500 ms), resumes and
   * hides its UI. Returns how long after going online the attempt reached the hub.
   */
  async function backOnline(page: Page, context: BrowserContext): Promise<number> {
    const beforeOnline = mark(suite.hub);
    const onlineAt = Date.now();
    await context.setOffline(false);
    const attempt = await waitForLog(suite.hub, (entry) => entry.kind === 'negotiate', 5_000, 'an attempt', beforeOnline);
    const latency = attempt.at - onlineAt;
    expect(latency).toBeLessThan(500);
    await waitForLog(suite.hub, isResumed, 5_000, 'ConnectCircuit → true', beforeOnline);
    await waitForState(page, 'hide', 1, 5_000);
    return latency;
  }

  /** Waits until the dialog's countdown shows one of `seconds` (so the next attempt is that far off). */
  async function waitForCountdown(page: Page, seconds: string): Promise<void> {
    await page.waitForFunction(
      (pattern) => new RegExp(`trying again in [${pattern}]\\sseconds`).test((window as unknown as { __faults: Recording }).__faults.titles.at(-1)?.text ?? ''),
      seconds,
      { timeout: 10_000 },
    );
  }

  it('hidden during an outage, then visible: an attempt within 100 ms, long before the scheduled one', async () => {
    const { opened } = await suite.open('/default-dialog.html');
    const { page } = opened;
    const before = mark(suite.hub);
    suite.hub.down(60_000);
    await setVisibility(page, 'hidden');
    // With "3" or "4 seconds" showing, the next scheduled attempt is at least 2 s away.
    await waitForCountdown(page, '34');
    const made = since(suite.hub, before, 'negotiate').length;

    suite.hub.reset();
    const beforeVisible = mark(suite.hub);
    const visibleAt = await setVisibility(page, 'visible');
    const attempt = await waitForLog(suite.hub, (entry) => entry.kind === 'negotiate', 5_000, 'an attempt', beforeVisible);
    const latency = attempt.at - visibleAt;
    expect(attempt.status).toBe(200);
    expect(latency).toBeGreaterThanOrEqual(0);
    expect(latency).toBeLessThan(100);

    await waitForLog(suite.hub, isResumed, 5_000, 'ConnectCircuit → true', beforeVisible);
    await waitForState(page, 'hide', 1, 5_000);
    expect(await readDialog(page)).toMatchObject({ open: false, classes: ['components-reconnect-hide'] });
    // The signal brought the next attempt forward; it did not skip or add one. Each connection
    // attempt is announced once (0 s left); the grace period's extra attempt carries the number of
    // the policy's attempt it precedes, so the policy's attempts are the distinct numbers.
    const updates = (await recording(page)).states.filter((s) => s.state === 'retrying' && s.secondsToNextAttempt === 0);
    expect(updates.length - 1).toBe(made);
    const policyAttempts = new Set(updates.slice(0, -1).map((s) => s.currentAttempt)).size;
    expect(updates.at(-1)?.currentAttempt).toBe(policyAttempts + 1);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(`[faults] visible → attempt ${policyAttempts + 1}: ${latency} ms`);
  });

  it('user modal: offline when the connection drops → components-reconnect-offline, nothing attempted; online → immediate attempt', async () => {
    const { opened } = await suite.open('/user-modal.html');
    const { page, context } = opened;
    const negotiate = countNegotiateRequests(page);
    await context.setOffline(true);
    const before = mark(suite.hub);

    suite.hub.drop();
    await waitForState(page, 'offline', 1, 5_000);
    expect(await modalClasses(page)).toEqual(['components-reconnect-show', 'components-reconnect-offline']);
    // Blazor's policy would have made 10 attempts at once: a second is plenty to see none.
    const offlineSince = Date.now();
    await waitUntil(() => Date.now() - offlineSince >= 1_000, 2_000, 'a second offline');
    expect(negotiate.count).toBe(0);
    expect(since(suite.hub, before, 'negotiate')).toEqual([]);
    expect((await recording(page)).states.map((s) => s.state)).toEqual(['show', 'offline']);

    const latency = await backOnline(page, context);
    expect(await modalClasses(page)).toEqual(['components-reconnect-hide']);
    const states = (await recording(page)).states;
    // Offline time counted no attempt: the one made on `online` is attempt 1.
    expect(states.find((s) => s.state === 'retrying')).toMatchObject({ currentAttempt: 1, secondsToNextAttempt: 0 });
    expect(negotiate.count).toBe(1);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(`[faults] user modal: online → attempt: ${latency} ms`);
  });

  it('default dialog: offline while waiting for the next attempt → offline text, the scheduled attempt never runs; online → it runs at once', async () => {
    const { opened } = await suite.open('/default-dialog.html');
    const { page, context } = opened;
    const negotiate = countNegotiateRequests(page);
    const before = mark(suite.hub);
    suite.hub.down(60_000);
    await waitForCountdown(page, '345');
    await context.setOffline(true);
    const made = since(suite.hub, before, 'negotiate');

    await page.waitForFunction(
      (text) => (window as unknown as { __faults: Recording }).__faults.titles.at(-1)?.text === text,
      OFFLINE_TEXT,
      { timeout: 5_000 },
    );
    await waitUntil(async () => (await readDialog(page)).open, 5_000, 'the dialog to be open');
    const offline = await readDialog(page);
    expect(offline).toMatchObject({ text: OFFLINE_TEXT, classes: ['components-reconnect-show', 'components-reconnect-offline'] });
    expect(offline.offered).not.toContain('Retry');
    // The next attempt was due less than 5 s after the last one; wait until well past that.
    const last = made.at(-1)?.at ?? 0;
    await waitUntil(() => Date.now() > last + 6_500, 10_000, 'the moment the next attempt was due');
    expect(negotiate.count).toBe(made.length);
    expect(since(suite.hub, before, 'negotiate')).toHaveLength(made.length);
    expect((await readDialog(page)).text).toBe(OFFLINE_TEXT);

    suite.hub.reset();
    const latency = await backOnline(page, context);
    expect(await readDialog(page)).toMatchObject({ open: false, classes: ['components-reconnect-hide'] });
    // Offline time counted no attempt: the one made on `online` is the next in line (the policy's
    // attempts are the distinct numbers: the grace period's extra attempt shares the next one's).
    const updates = (await recording(page)).states.filter((s) => s.state === 'retrying' && s.secondsToNextAttempt === 0);
    expect(updates.length - 1).toBe(made.length);
    const policyAttempts = new Set(updates.slice(0, -1).map((s) => s.currentAttempt)).size;
    expect(updates.at(-1)?.currentAttempt).toBe(policyAttempts + 1);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(`[faults] default dialog: online → attempt ${policyAttempts + 1}: ${latency} ms`);
  });
});
