// The fault suite: an outage longer than the retries. A page with `maxRetries: 2` and 500 ms
// between attempts reaches the failed state; the dialog's Retry button, or `Blazor.reconnect()`
// from page script, brings it back once the server is up.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium';
import { useFaultSuite } from './support/fault-suite';
import type { OpenedPage } from './support/demo-fixture';
import { recording, waitForState } from './support/fault-recorder';
import { completionsOf, isResumed, mark, since, waitForLog } from './support/hub-log';
import { readDialog } from './support/dialog-view';
import { startSite, STRICT_CSP } from './support/site';

const csp = { 'Content-Security-Policy': STRICT_CSP };
const FAILED_TEXT = 'Failed to rejoin. Please retry or reload the page.';

describe.skipIf(chromiumPath === undefined)('faults: retries exhausted → failed → Retry / Blazor.reconnect()', () => {
  const suite = useFaultSuite(() =>
    startSite({
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
    }),
  );

  /** Opens the page, takes the server down for good and waits for the failed state. */
  async function failedPage(): Promise<{ opened: OpenedPage; page: Page; before: number; circuitId: string }> {
    const { opened, circuitId } = await suite.open('/two-retries.html');
    const { page } = opened;
    const before = mark(suite.hub);
    suite.hub.down(120_000);
    await waitForState(page, 'failed', 1, 10_000);
    return { opened, page, before, circuitId };
  }

  async function retryHasFocus(page: Page): Promise<boolean> {
    return page.evaluate(
      () => document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.activeElement?.className === 'retry',
    );
  }

  it('two attempts 500 ms apart, then failed: the dialog says so at once and offers a focused Retry; no further attempts', async () => {
    const { page, before } = await failedPage();
    const attempts = since(suite.hub, before, 'negotiate');
    expect(attempts.map((entry) => entry.status)).toEqual([503, 503]);
    const [first, second] = attempts;
    const dropAt = since(suite.hub, before, 'fault')[0]?.at ?? 0;
    expect((first?.at ?? 0) - dropAt).toBeGreaterThanOrEqual(450);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(450);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeLessThan(1_500);

    const view = await readDialog(page);
    expect(view).toMatchObject({ open: true, text: FAILED_TEXT, classes: ['components-reconnect-failed'], offered: ['Retry', 'Reload'] });
    expect(await retryHasFocus(page)).toBe(true);
    // Nothing is scheduled after `failed`: the policy said stop.
    await page.waitForTimeout(1_500);
    expect(since(suite.hub, before, 'negotiate')).toHaveLength(2);
  });

  it('Retry while the server is still down: one attempt, failed again; Retry once it is back: resumed and hidden', async () => {
    const { opened, page, before } = await failedPage();
    const retry = page.locator('[data-reconnect-dialog] >> button.retry');

    await retry.click();
    await waitForState(page, 'failed', 2, 10_000);
    expect(since(suite.hub, before, 'negotiate').map((entry) => entry.status)).toEqual([503, 503, 503]);
    const again = await readDialog(page);
    expect(again).toMatchObject({ open: true, text: FAILED_TEXT });
    expect(again.offered).toContain('Retry');
    expect(await retryHasFocus(page)).toBe(true);

    suite.hub.reset();
    await retry.click();
    await waitForLog(suite.hub, isResumed, 10_000, 'ConnectCircuit → true', before);
    await waitForState(page, 'hide', 1, 5_000);
    expect(completionsOf(suite.hub, 'ConnectCircuit', before).map((entry) => entry.result)).toEqual([true]);
    const view = await readDialog(page);
    expect(view).toMatchObject({ open: false, classes: ['components-reconnect-hide'] });
    expect(view.offered).not.toContain('Retry');
    const seen = await recording(page);
    expect(seen.dialog.map((d) => d.open)).toEqual([true, false]);
    expect(seen.dialogHostsCreated).toBe(1);
    expect(opened.reloadTimes.length).toBe(0);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
  });

  it('Blazor.reconnect() from page script after the server is back: true, resumed and hidden', async () => {
    const { opened, page, before, circuitId } = await failedPage();
    suite.hub.reset();

    const result = await page.evaluate(() => (window as unknown as { Blazor: { reconnect(): Promise<boolean> } }).Blazor.reconnect());

    expect(result).toBe(true);
    await waitForState(page, 'hide', 1, 5_000);
    expect(completionsOf(suite.hub, 'ConnectCircuit', before).map((entry) => entry.result)).toEqual([true]);
    expect(await readDialog(page)).toMatchObject({ open: false, classes: ['components-reconnect-hide'] });
    expect(suite.hub.circuits.state(circuitId)).toBe('connected');

    // The next outage starts from a fresh schedule: two more attempts, not zero.
    const again = mark(suite.hub);
    suite.hub.down(120_000);
    await waitForState(page, 'failed', 2, 10_000);
    expect(since(suite.hub, again, 'negotiate').map((entry) => entry.status)).toEqual([503, 503]);
    expect(opened.reloadTimes.length).toBe(0);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
  });
});
