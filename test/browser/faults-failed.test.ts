// The fault suite: an outage longer than the retries. A page with `maxRetries: 2` and 500 ms
// between attempts reaches the failed state; the dialog's Retry button, or `Blazor.reconnect()`
// from page script, brings it back once the server is up.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './support/chromium';
import {
  closeAndReset,
  completionsOf,
  dialogView,
  isResumed,
  mark,
  openWithCircuit,
  recording,
  since,
  waitForLog,
  waitForState,
} from './support/demo-fixture';
import type { OpenedPage } from './support/demo-fixture';
import { startSite, STRICT_CSP } from './support/site';
import type { Site } from './support/site';

const csp = { 'Content-Security-Policy': STRICT_CSP };
const FAILED_TEXT = 'Failed to rejoin. Please retry or reload the page.';

describe.skipIf(chromiumPath === undefined)('faults: retries exhausted → failed → Retry / Blazor.reconnect()', () => {
  let browser: Browser;
  let site: Site;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    site = await startSite({
      pages: {
        '/two-retries.html': {
          body:
            '<!doctype html><html lang="en"><title>two retries</title><p>Two retries, 500 ms apart.</p>' +
            '<script src="/circuit-reconnect.js" autostart="false"></script><script src="/two-retries.js"></script>',
          headers: csp,
        },
        '/two-retries.js': {
          body: 'Blazor.start({ reconnectionOptions: { maxRetries: 2, retryIntervalMilliseconds: 500 } });',
          contentType: 'text/javascript',
        },
      },
    });
  });

  afterEach(async () => {
    await closeAndReset(opened, site.hub);
    opened = undefined;
  });

  afterAll(async () => {
    await browser.close();
    await site.close();
  });

  /** Opens the page, takes the server down for good and waits for the failed state. */
  async function failedPage(): Promise<{ page: Page; before: number; circuitId: string }> {
    let circuitId: string;
    ({ opened, circuitId } = await openWithCircuit(browser, site, '/two-retries.html'));
    const { page } = opened;
    const before = mark(site.hub);
    site.hub.down(120_000);
    await waitForState(page, 'failed', 1, 10_000);
    return { page, before, circuitId };
  }

  async function retryHasFocus(page: Page): Promise<boolean> {
    return page.evaluate(
      () => document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.activeElement?.className === 'retry',
    );
  }

  it('two attempts 500 ms apart, then failed: the dialog says so at once and offers a focused Retry; no further attempts', async () => {
    const { page, before } = await failedPage();
    const attempts = since(site.hub, before, 'negotiate');
    expect(attempts.map((entry) => entry.status)).toEqual([503, 503]);
    const [first, second] = attempts;
    const dropAt = since(site.hub, before, 'fault')[0]?.at ?? 0;
    expect((first?.at ?? 0) - dropAt).toBeGreaterThanOrEqual(450);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(450);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeLessThan(1_500);

    const view = await dialogView(page);
    expect(view).toMatchObject({ open: true, title: FAILED_TEXT, classes: ['components-reconnect-failed'], retryVisible: true, reloadVisible: false });
    expect(await retryHasFocus(page)).toBe(true);
    // Nothing is scheduled after `failed`: the policy said stop.
    await page.waitForTimeout(1_500);
    expect(since(site.hub, before, 'negotiate')).toHaveLength(2);
  });

  it('Retry while the server is still down: one attempt, failed again; Retry once it is back: resumed and hidden', async () => {
    const { page, before } = await failedPage();
    const retry = page.locator('[data-reconnect-dialog] >> button.retry');

    await retry.click();
    await waitForState(page, 'failed', 2, 10_000);
    expect(since(site.hub, before, 'negotiate').map((entry) => entry.status)).toEqual([503, 503, 503]);
    expect(await dialogView(page)).toMatchObject({ open: true, title: FAILED_TEXT, retryVisible: true });
    expect(await retryHasFocus(page)).toBe(true);

    site.hub.reset();
    await retry.click();
    await waitForLog(site.hub, isResumed, 10_000, 'ConnectCircuit → true', before);
    await waitForState(page, 'hide', 1, 5_000);
    expect(completionsOf(site.hub, 'ConnectCircuit', before).map((entry) => entry.result)).toEqual([true]);
    const view = await dialogView(page);
    expect(view).toMatchObject({ open: false, classes: ['components-reconnect-hide'], retryVisible: false });
    const seen = await recording(page);
    expect(seen.dialog.map((d) => d.open)).toEqual([true, false]);
    expect(seen.dialogHostsCreated).toBe(1);
    expect(opened?.reloadTimes.length).toBe(0);
    expect(opened?.problems).toEqual({ errors: [], cspViolations: [] });
  });

  it('Blazor.reconnect() from page script after the server is back: true, resumed and hidden', async () => {
    const { page, before, circuitId } = await failedPage();
    site.hub.reset();

    const result = await page.evaluate(() => (window as unknown as { Blazor: { reconnect(): Promise<boolean> } }).Blazor.reconnect());

    expect(result).toBe(true);
    await waitForState(page, 'hide', 1, 5_000);
    expect(completionsOf(site.hub, 'ConnectCircuit', before).map((entry) => entry.result)).toEqual([true]);
    expect(await dialogView(page)).toMatchObject({ open: false, classes: ['components-reconnect-hide'] });
    expect(site.hub.circuits.state(circuitId)).toBe('connected');

    // The next outage starts from a fresh schedule: two more attempts, not zero.
    const again = mark(site.hub);
    site.hub.down(120_000);
    await waitForState(page, 'failed', 2, 10_000);
    expect(since(site.hub, again, 'negotiate').map((entry) => entry.status)).toEqual([503, 503]);
    expect(opened?.reloadTimes.length).toBe(0);
    expect(opened?.problems).toEqual({ errors: [], cspViolations: [] });
  });
});
