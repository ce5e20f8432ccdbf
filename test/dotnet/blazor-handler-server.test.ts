// circuit-reconnect's Blazor handler in the Blazor Server app (blazor.server.js, the flat
// `Blazor.start({ reconnectionHandler })`): a drop with the server up resumes the same circuit
// through our dialog, and a killed and restarted server ends rejected with one reload.
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { waitUntil } from '../support/wait';
import { increment, readCounts, waitForCircuit } from './support/counter-page';
import { useHandlerApp, waitForHide } from './support/handler-app';
import { readDialog, readWatch } from './support/handler-watch';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorServer]);

describe.skipIf(skip)('Blazor handler, Blazor Server app (blazor.server.js)', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorServer);

  it('refused for 3 s: our dialog, resumed on the same circuit, both counts kept', async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    await increment(page);
    const since = Date.now();
    setup.proxy.refuse(3_000);
    setup.proxy.cut();
    await waitUntil(async () => (await readDialog(page)).open, 5_000, 'our dialog to open');
    const hideAt = await waitForHide(page, since, 40_000);
    const watch = await readWatch(page);
    console.info(`blazor.server.js, 3 s outage: proxy open -> hide ${hideAt - since - 3_000} ms`);
    expect(watch.dialogOpen.map((change) => change.open)).toEqual([true, false]);
    expect(watch.blazorHandlerCalls).toEqual([]);
    expect(watch.blazorUi).toEqual([]);
    expect(await readCounts(page)).toEqual({ persisted: 2, plain: 2 });
    expect(await increment(page)).toEqual({ persisted: 3, plain: 3 });
  });

  it('killed and restarted: rejected, one reload, a fresh circuit', async () => {
    const { page } = await setup.openCounter(async (p) => {
      await p.addInitScript(() => {
        sessionStorage.setItem('test:loads', String(Number(sessionStorage.getItem('test:loads') ?? '0') + 1));
      });
    });
    await increment(page);
    await setup.app.kill();
    await setup.app.restart();
    await waitUntil(
      async () => page.evaluate(() => sessionStorage.getItem('test:loads') === '2').catch(() => false),
      40_000,
      'one reload',
    );
    await waitForCircuit(page);
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('circuit-reconnect:reloads') ?? '[]') as unknown[])).toHaveLength(1);
    expect(await readCounts(page)).toEqual({ persisted: 0, plain: 0 });
    expect(await increment(page)).toEqual({ persisted: 1, plain: 1 });
  });
});
