// What each README sample page must do in Chromium, page by page: the fixture pages (Microsoft's
// snippets unchanged, and ours) and the demo pages the README points at. readme-pages.test.ts
// runs them against the packed package and a real hub.
import { expect } from 'vitest';
import { waitForDialog } from '../../browser/support/dialog-view';
import type { DialogView } from '../../browser/support/dialog-view';
import { cspViolationsInPage, waitUntil } from '../../browser/support/page-helpers';
import type { DEMO_PAGES, FIXTURE_PAGES } from './exercised';
import { counter, expectClean, firstLookAtShow, waitForCircuit, watchFirstShow } from './sample-run';
import type { Run } from './sample-run';

/** Waits until the default dialog exists and `check` holds (15 s: the packed build on a busy machine). */
const dialog = (run: Run, check: (view: DialogView) => boolean, what: string): Promise<DialogView> =>
  waitForDialog(run.page, (view) => view.exists && check(view), what, 15_000);

/**
 * The dialog retries through an outage; fails after 3 attempts 2 s apart (4 refusals: the grace
 * period's extra attempt does not count against maxRetries); Retry brings it back.
 */
async function threeAttemptsThenRetry(run: Run): Promise<void> {
  await waitForCircuit(run);
  run.hub.down(60_000);
  const failed = await dialog(run, (view) => view.open && view.offered.includes('Retry'), 'the failed state with a Retry button');
  expect(failed.text).toBe('Failed to rejoin. Please retry or reload the page.');
  expect(counter(run.hub, 'negotiationsRefused')).toBe(4);
  run.hub.reset();
  await run.page.locator('[data-reconnect-dialog] button.retry').click();
  await dialog(run, (view) => !view.open, 'the dialog to close after Retry');
  expect(counter(run.hub, 'circuitsConnected')).toBe(1);
  await expectClean(run);
}

/**
 * A 2.5 s outage is ridden out by waits of 0, 1 and 2 s: three refusals (the two of the schedule,
 * and the grace period's extra attempt at 500 ms, which moves no wait), then the same circuit.
 */
async function ridesOutShortOutage(run: Run): Promise<void> {
  await waitForCircuit(run);
  run.hub.down(2500);
  await waitUntil(() => counter(run.hub, 'circuitsConnected') === 1, 15_000, 'the circuit to be resumed');
  expect(counter(run.hub, 'negotiationsRefused')).toBe(3);
  expect(counter(run.hub, 'circuitsStarted')).toBe(1);
  await expectClean(run);
}

export const SCENARIOS: Record<(typeof FIXTURE_PAGES)[number], (run: Run) => Promise<void>> = {
  'test/package/fixtures/pages/script-tag.html': async (run) => {
    await waitForCircuit(run);
    run.hub.down(3000);
    const shown = await dialog(run, (view) => view.open, 'the default dialog to appear');
    expect(shown.text).toMatch(/^Rejoin/);
    expect(shown.name).toBe('Connection to the server lost');
    await dialog(run, (view) => !view.open, 'the dialog to close when the hub is back');
    expect(counter(run.hub, 'circuitsConnected')).toBe(1);
    expect(counter(run.hub, 'circuitsStarted')).toBe(1);
    await expectClean(run);
  },
  'test/package/fixtures/pages/server-shape.html': threeAttemptsThenRetry,
  'test/package/fixtures/pages/web-app-shape.html': threeAttemptsThenRetry,
  'test/package/fixtures/pages/retry-function.html': ridesOutShortOutage,
  'test/package/fixtures/pages/retry-sequence.html': ridesOutShortOutage,
  'test/package/fixtures/pages/jittered-retry.html': async (run) => {
    await waitForCircuit(run);
    run.hub.down(2500);
    // Waits are random (at most 1, 2, 4… s), so only the outcome is certain: the same circuit back.
    // Worst case: five attempts inside the outage, then a wait of up to 28 s.
    await waitUntil(() => counter(run.hub, 'circuitsConnected') === 1, 35_000, 'the circuit to be resumed');
    expect(counter(run.hub, 'negotiationsRefused')).toBeGreaterThanOrEqual(1);
    expect(counter(run.hub, 'circuitsStarted')).toBe(1);
    await expectClean(run);
  },
  'test/package/fixtures/pages/signalr-url.html': async (run) => {
    await waitForCircuit(run);
    const starts = run.hub.log.entries('invocation').filter((entry) => entry.method === 'StartCircuit');
    expect(starts.map((entry) => entry.path)).toEqual(['/signalr']);
    await expectClean(run);
  },
  'test/package/fixtures/pages/legacy-build.html': async (run) => {
    await waitForCircuit(run);
    run.hub.drop();
    await waitUntil(() => counter(run.hub, 'circuitsConnected') === 1, 10_000, 'a reconnect through the overridden build()');
    await expectClean(run);
  },
  'test/package/fixtures/pages/reconnection-handler.html': async (run) => {
    await waitForCircuit(run);
    run.hub.drop();
    await waitUntil(() => run.console.some((line) => line.startsWith('error: Error')), 10_000, 'onConnectionDown to log the error');
    // The page's handler owns reconnecting: no built-in dialog, no attempt until it asks.
    expect(await run.page.locator('[data-reconnect-dialog]').count()).toBe(0);
    expect(counter(run.hub, 'circuitsConnected')).toBe(0);
    expect(await run.page.evaluate(() => (window as unknown as { Blazor: { reconnect(): Promise<boolean> } }).Blazor.reconnect())).toBe(true);
    await waitUntil(() => run.console.includes('log: Up, up, and away!'), 5000, 'onConnectionUp');
    expect(await cspViolationsInPage(run.page)).toEqual([]);
  },
  'test/package/fixtures/pages/messages.html': async (run) => {
    await waitForCircuit(run);
    run.hub.down(60_000);
    const shown = await dialog(run, (view) => view.open, 'the dialog to appear after 1 s');
    expect(shown.name).toBe('Verbindung zum Server unterbrochen');
    expect(shown.language).toBe('de');
    // By the time it appears, the ten immediate attempts may be over and the countdown running.
    expect(shown.text).toMatch(/^(Verbindung wird wiederhergestellt…|Neuer Versuch in [1-5] Sekunden?)$/);
    await dialog(run, (view) => /^Neuer Versuch in [1-5] Sekunden?$/.test(view.text), 'the translated countdown');
    await expectClean(run);
  },
  'test/package/fixtures/pages/user-modal.html': async (run) => {
    const modal = run.page.locator('#components-reconnect-modal');
    await waitForCircuit(run);
    expect(await modal.getAttribute('class')).toBe('components-reconnect-hide');
    expect(await modal.evaluate((element) => getComputedStyle(element).display)).toBe('none');
    await watchFirstShow(run.page);
    run.hub.down(3000);
    // On screen at once, the docs' `transition: visibility … 1000ms` notwithstanding (see user-modal-delay.html).
    expect(await firstLookAtShow(run.page)).toEqual(['block', 'visible']);
    expect(await run.page.locator('#components-reconnect-max-retries').textContent()).toBe('92');
    await waitUntil(() => run.console.some((line) => /^log: Attempt \d+ in \d+ s$/.test(line)), 10_000, 'the state listener');
    await waitUntil(async () => (await modal.getAttribute('class')) === 'components-reconnect-hide', 15_000, '-hide after the outage');
    expect(Number(await run.page.locator('#components-reconnect-current-attempt').textContent())).toBeGreaterThan(1);
    // The server forgets the circuit: the page's own listener reloads on `rejected`.
    run.hub.restart();
    await waitForCircuit(run, 2);
    await run.page.goto('about:blank');
    await waitUntil(() => counter(run.hub, 'beacons') >= 1, 5000, 'the disconnect beacon on pagehide');
    expect(run.problems).toEqual({ errors: [], cspViolations: [] });
  },
  'test/package/fixtures/pages/save-input.html': async (run) => {
    await waitForCircuit(run);
    await run.page.fill('#comment', 'Half a comment');
    // The server forgets the circuit: the page's own listener saves the input and reloads.
    run.hub.restart();
    await waitForCircuit(run, 2);
    await run.page.waitForFunction(() => (document.getElementById('comment') as HTMLTextAreaElement).value === 'Half a comment', undefined, { timeout: 5_000 });
    expect(await run.page.evaluate(() => document.activeElement?.id)).toBe('comment');
    await expectClean(run);
  },
  'test/package/fixtures/pages/theme.html': async (run) => {
    await waitForCircuit(run);
    run.hub.down(3000);
    await dialog(run, (view) => view.open, 'the themed dialog');
    const style = await run.page.evaluate(() => {
      const shown = document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector('dialog');
      return shown ? [getComputedStyle(shown).backgroundColor, getComputedStyle(shown).fontFamily] : [];
    });
    expect(style).toEqual(['rgb(251, 247, 239)', 'Georgia, serif']);
    await dialog(run, (view) => !view.open, 'the dialog to close after the outage');
    await expectClean(run);
  },
  'test/package/fixtures/pages/user-modal-delay.html': async (run) => {
    const modal = run.page.locator('#components-reconnect-modal');
    const visibility = (): Promise<string> => modal.evaluate((element) => getComputedStyle(element).visibility);
    await waitForCircuit(run);
    await watchFirstShow(run.page);
    run.hub.down(3000);
    // Laid out (display: block) but not visible yet when the class arrives.
    expect(await firstLookAtShow(run.page)).toEqual(['block', 'hidden']);
    await waitUntil(async () => (await visibility()) === 'visible', 2000, 'visible after 500 ms');
    await waitUntil(async () => (await modal.getAttribute('class')) === 'components-reconnect-hide', 15_000, '-hide after the outage');
    await expectClean(run);
  },
  'test/package/fixtures/pages/state-events.html': async (run) => {
    await waitForCircuit(run);
    run.hub.down(3000);
    await waitUntil(() => run.console.includes('log: reconnect state: hide'), 15_000, 'the hide event');
    const states = run.console.filter((line) => line.startsWith('log: reconnect state: ')).map((line) => line.slice('log: reconnect state: '.length));
    expect(states[0]).toBe('show');
    expect(states).toContain('retrying');
    expect(states.at(-1)).toBe('hide');
    await expectClean(run);
  },
  'test/package/fixtures/pages/es-module.html': async (run) => {
    await waitForCircuit(run);
    run.hub.drop();
    await waitUntil(() => counter(run.hub, 'circuitsConnected') === 1, 10_000, 'a reconnect');
    await expectClean(run);
  },
};

export const DEMO_SCENARIOS: Record<keyof typeof DEMO_PAGES, (run: Run) => Promise<void>> = {
  'demo/pages/boot-js.html': async (run) => {
    await waitForCircuit(run);
    run.hub.drop();
    await waitUntil(async () => (await run.page.locator('#reconnect-modal').textContent()) === 'Attempting to reconnect: 1 of 3', 5000, 'boot.js to show its modal');
    await waitUntil(() => counter(run.hub, 'circuitsConnected') === 1, 15_000, 'boot.js to reconnect after 5 s');
    await expectClean(run);
  },
  'demo/pages/es-module.html': async (run) => {
    await waitUntil(async () => (await run.page.locator('#module-status').textContent()) === 'Connected to /hub (no circuit).', 10_000, 'the stateless start');
    expect(counter(run.hub, 'circuitsStarted')).toBe(0);
    await expectClean(run);
  },
  'demo/pages/user-modal.html': async (run) => {
    const modal = run.page.locator('#components-reconnect-modal');
    await waitForCircuit(run);
    run.hub.down(3000);
    await waitUntil(async () => (await modal.getAttribute('class'))?.includes('components-reconnect-show') === true, 5000, '-show');
    expect(await run.page.locator('#components-reconnect-modal .when-show').isVisible()).toBe(true);
    await waitUntil(async () => (await modal.getAttribute('class')) === 'components-reconnect-hide', 15_000, '-hide after the outage');
    expect(await modal.isVisible()).toBe(false);
    await expectClean(run);
  },
};
