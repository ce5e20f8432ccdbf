// The default dialog in one engine: the grace period, the outage with its countdown, failed and
// Retry by keyboard, rejection with its reload and storm guard; every test under the strict CSP
// with no violation and no unexpected console error.
import { expect, it } from 'vitest';
import type { EnginePage } from '../support/engine';
import { dialogIn, pollPage, readEngineDialog } from '../support/engine-site';
import type { EngineSuite } from '../support/engine-suite';
import { readEngineRecord, unexpectedErrors } from '../support/recorder';

const GRACE_MS = 500;

/** No CSP violation, no console error that no outage explains. */
export async function expectCleanPage(page: EnginePage): Promise<void> {
  const record = await readEngineRecord(page);
  expect(record.cspViolations).toEqual([]);
  expect(unexpectedErrors(record)).toEqual([]);
}

export function dialogSuite(suite: EngineSuite): void {
  it('grace period: a dropped socket (server up) is resumed and the dialog never painted', async () => {
    const page = await suite.open('/dialog.html');
    const resumedBefore = suite.site.hub.log.counters.circuitsConnected;
    suite.site.hub.drop();
    const record = await pollPage(() => readEngineRecord(page), (r) => r.events.some((e) => e.state === 'hide'), 'the hide event');
    const shown = record.events.find((e) => e.state === 'show');
    const hidden = record.events.find((e) => e.state === 'hide');
    // The grace period's own attempt, 1 ms before it ends, resumes it; the dialog waits for that
    // attempt rather than paint. How long it took is reported, not asserted: what the user sees
    // (the visibility timeline below) is.
    expect(shown && hidden && hidden.at > shown.at).toBe(true);
    console.log(`cross-engine: ${suite.engine.name}: a dropped socket resumed in ${String(Math.round((hidden?.at ?? 0) - (shown?.at ?? 0)))} ms, unseen`);
    // Let a stray timer have every chance to open it, then read the whole timeline.
    const until = (shown?.at ?? 0) + GRACE_MS + 500;
    await pollPage(() => page.evaluate(() => performance.now()), (now) => now > until, 'the grace period to pass');
    expect((await readEngineRecord(page)).visibility).toEqual([]);
    expect(suite.site.hub.log.counters.circuitsConnected).toBe(resumedBefore + 1);
    await expectCleanPage(page);
  });

  it('an outage: the dialog with its countdown, then failed; Retry by keyboard; focus inside, then restored', async () => {
    const page = await suite.open('/dialog.html');
    await page.evaluate(() => {
      document.getElementById('before')?.focus();
    });
    suite.site.hub.down(60_000);
    const shown = await dialogIn(page, (view) => view.visible, 'the dialog during the outage');
    expect(shown.modal).toBe(true);
    await dialogIn(page, (view) => /trying again in \d+\sseconds?/.test(view.text), 'the countdown');
    const failed = await dialogIn(page, (view) => view.visible && view.classes.includes('components-reconnect-failed'), 'the failed state');
    expect(failed.offered).toEqual(['Retry', 'Reload']);
    expect(failed.focus).toBe('Retry');
    // Tab never reaches the inert page behind the modal dialog. From Retry it reaches Reload;
    // from the last control Chromium and Firefox move focus out of the page (the browser's own
    // controls) and the next Tab brings it back (Firefox onto Reload); WebKit keeps it inside.
    const seen: (string | null)[] = [];
    for (let press = 0; press < 6; press += 1) {
      await page.press('Tab');
      seen.push((await readEngineDialog(page)).focus);
      // Back on a button of the dialog (from outside the page, or by cycling inside it): a page
      // focused again, so Enter reaches it (Firefox sends keys to its own chrome otherwise).
      const last = seen.at(-1);
      if (last === 'Retry' || (last === 'Reload' && seen.includes(''))) break;
    }
    expect(seen.filter((focus) => focus === 'before' || focus === 'other')).toEqual([]);
    expect(seen).toContain('Reload');
    console.log(`cross-engine: ${suite.engine.name}: Tab from Retry went to ${JSON.stringify(seen)}`);
    // Back to Retry with Shift+Tab where Tab stayed inside.
    for (let press = 0; press < 4 && (await readEngineDialog(page)).focus !== 'Retry'; press += 1) await page.press('Shift+Tab');
    expect((await readEngineDialog(page)).focus).toBe('Retry');
    suite.site.hub.reset();
    await page.press('Enter');
    const after = await dialogIn(page, (view) => !view.visible, 'the dialog to hide after Retry');
    expect(after.focus).toBe('before');
    const record = await readEngineRecord(page);
    expect(record.events.map((e) => e.state)).toEqual(expect.arrayContaining(['show', 'retrying', 'failed', 'hide']));
    await expectCleanPage(page);
  });

  // Classic WebDriver cannot take WebKit's network away: this one runs in Chromium and Firefox.
  if (suite.name !== 'webkit') {
    it('offline (not in WebKit: classic WebDriver cannot emulate it): the offline state, and back when the network returns', async () => {
      const setOffline = suite.engine.setOffline;
      if (!setOffline) throw new Error(`${suite.name} was expected to emulate offline`);
      const page = await suite.open('/dialog.html');
      await setOffline(true);
      suite.site.hub.drop();
      await dialogIn(page, (view) => view.visible && view.classes.includes('components-reconnect-offline'), 'the offline state');
      await setOffline(false);
      await dialogIn(page, (view) => !view.visible, 'the dialog to hide when the network is back');
      const states = (await readEngineRecord(page)).events.map((e) => e.state);
      expect(states).toEqual(expect.arrayContaining(['offline', 'hide']));
      await expectCleanPage(page);
    });
  }

  it('rejected: reloads the page, and after three reloads in a minute offers Reload instead (storm guard)', async () => {
    const page = await suite.open('/dialog.html');
    await page.evaluate(() => {
      sessionStorage.clear();
    });
    let reloads = 0;
    for (;;) {
      await page.evaluate(() => {
        (window as { __before?: boolean }).__before = true;
      });
      suite.site.hub.restart();
      const outcome = await pollPage(
        () =>
          page.evaluate(() => {
            const w = window as { __before?: boolean; __uiStarted?: boolean };
            if (w.__before !== true) return w.__uiStarted === true ? 'reloaded' : 'loading';
            const root = document.querySelector('[data-reconnect-dialog]')?.shadowRoot;
            const reload = Array.from(root?.querySelectorAll('button') ?? []).find((b) => !b.hidden && b.textContent === 'Reload');
            return root?.querySelector('dialog.components-reconnect-rejected') && reload ? 'guarded' : 'waiting';
          }),
        (state) => state === 'reloaded' || state === 'guarded',
        'a reload or the Reload button',
      );
      if (outcome === 'guarded') break;
      reloads += 1;
      expect(reloads).toBeLessThanOrEqual(3);
    }
    expect(reloads).toBe(3);
    expect((await dialogIn(page, (view) => view.visible, 'the rejected dialog')).focus).toBe('Reload');
    await expectCleanPage(page);
  });
}
