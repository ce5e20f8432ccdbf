// circuit-reconnect's Blazor handler in the Blazor Web App when the server no longer holds the
// circuit: evicted while the server stays up (resumeCircuit brings the persisted state back, no
// reload), or lost with the server process (rejected: one reload, and the storm guard after three).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { delay, waitUntil } from '../support/wait';
import { increment, readCounts, waitForCircuit, waitForCounts } from './support/counter-page';
import { useHandlerApp, waitForHide } from './support/handler-app';
import { readDialog, readWatch } from './support/handler-watch';

/** Short, so an outage can outlast it by a clear margin. */
const RETENTION_S = 2;
const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);

/** Counts the page's loads in its own sessionStorage (it survives a reload, per tab). */
async function countLoads(page: Page): Promise<void> {
  await page.addInitScript(() => {
    sessionStorage.setItem('test:loads', String(Number(sessionStorage.getItem('test:loads') ?? '0') + 1));
  });
}
const loads = (page: Page): Promise<number> => page.evaluate(() => Number(sessionStorage.getItem('test:loads')));
const reloadHistory = (page: Page): Promise<number> =>
  page.evaluate(() => (JSON.parse(sessionStorage.getItem('circuit-reconnect:reloads') ?? '[]') as unknown[]).length);

describe.skipIf(skip)('Blazor handler, Blazor Web App: the circuit is gone', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp, [], {
    CircuitOptions__DisconnectedCircuitRetentionPeriod: `00:00:0${RETENTION_S}`,
  });

  it('evicted while the server stays up: reconnect() false, resumeCircuit() brings the persisted count back, no reload', async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    await increment(page);
    await page.evaluate(() => {
      (window as unknown as { __marker: string }).__marker = 'same document';
    });
    const since = Date.now();
    // Refused for 2.5 x the retention: the server sees the reset at once and evicts at 2 s.
    const outageMs = RETENTION_S * 2_500;
    setup.proxy.refuse(outageMs);
    setup.proxy.cut();
    const hideAt = await waitForHide(page, since, 40_000);
    await waitForCounts(page, { persisted: 2, plain: 0 });
    const watch = await readWatch(page);
    const calls = watch.calls.filter((call) => call.at >= since).map((call) => `${call.name}@${call.at - since}`);
    const resumedCall = watch.calls.find((call) => call.name === 'resumeCircuit' && call.at >= since);
    console.info(
      `eviction: calls ${JSON.stringify(calls)}; proxy open -> hide ${hideAt - since - outageMs} ms; ` +
        `resumeCircuit() -> hide ${hideAt - (resumedCall?.at ?? 0)} ms`,
    );
    // The last reconnect() answered false (the only way to a resumeCircuit() call), then one resume.
    expect(calls.filter((call) => call.startsWith('resumeCircuit'))).toHaveLength(1);
    expect(calls.at(-1)).toMatch(/^resumeCircuit@/);
    expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe('same document');
    expect(watch.states.filter((s) => s.at >= since).map((s) => s.state)).not.toContain('rejected');
    expect((await readDialog(page)).open).toBe(false);
    expect(watch.blazorHandlerCalls).toEqual([]);
    expect(await increment(page)).toEqual({ persisted: 3, plain: 1 });
  });

  it('server killed and restarted: rejected, one reload each time; after 3 reloads in 60 s the Reload button instead', async () => {
    const { page } = await setup.openCounter(countLoads);
    const started = Date.now();
    for (let rejection = 1; rejection <= 4; rejection++) {
      await increment(page);
      const loadsBefore = await loads(page);
      await setup.app.kill();
      await setup.app.restart();
      if (rejection <= 3) {
        // Our handler: reconnect false, resume false (the state died with the process) -> reload.
        await waitUntil(async () => {
          try {
            return (await loads(page)) === loadsBefore + 1;
          } catch {
            return false; // navigating
          }
        }, 40_000, `reload ${rejection}`);
        await waitForCircuit(page);
        expect(await readCounts(page)).toEqual({ persisted: 0, plain: 0 });
        expect(await reloadHistory(page)).toBe(rejection);
      } else {
        await waitUntil(async () => (await readDialog(page)).buttons.includes('reload'), 40_000, 'the Reload button');
      }
    }
    const elapsed = Date.now() - started;
    console.info(`4 rejections in ${elapsed} ms`);
    expect(elapsed).toBeLessThan(60_000);
    const dialog = await readDialog(page);
    expect(dialog).toEqual({ exists: true, open: true, text: 'The session has ended. Reload the page to continue.', buttons: ['reload'] });
    // No reload: its absence cannot be awaited, so the page is watched for 3 s (the reload of
    // the first three rejections came within 100 ms of the state).
    const loadsNow = await loads(page);
    await delay(3_000);
    expect(await loads(page)).toBe(loadsNow);
    expect((await readWatch(page)).states.map((s) => s.state)).toContain('rejected');
    // The button still reloads, by hand.
    const reloaded = page.waitForEvent('load');
    await page.locator('[data-reconnect-dialog] button.reload').click();
    await reloaded;
    await waitForCircuit(page);
    expect(await loads(page)).toBe(loadsNow + 1);
  });
});
