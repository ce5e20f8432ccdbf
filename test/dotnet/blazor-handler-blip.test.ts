// circuit-reconnect's Blazor handler in the Blazor Web App: a drop shorter than the grace period
// (500 ms) must never paint the dialog. The process attempts 1 ms before the grace period ends
// (or lets the policy's attempt due within the next 125 ms be that one) and the dialog waits for
// an attempt running or due then; this checks that promise in real Chromium,
// with a page-side observer of every change of the dialog's `open`.
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { increment } from './support/counter-page';
import { useHandlerApp, waitForHide } from './support/handler-app';
import { readDialog, readWatch } from './support/handler-watch';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);
const BLIPS = 10;

describe.skipIf(skip)('Blazor handler, Blazor Web App: blips shorter than the grace period', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp);

  it(`refused for 300 ms, ${BLIPS} times: resumed each time with nothing painted, same circuit`, async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    const report: string[] = [];
    for (let blip = 0; blip < BLIPS; blip++) {
      const since = Date.now();
      setup.proxy.refuse(300);
      setup.proxy.cut();
      const hideAt = await waitForHide(page, since);
      const watch = await readWatch(page);
      const opened = watch.dialogOpen.filter((change) => change.at >= since).map((c) => `${c.open}@${c.at - since}`);
      const attempts = watch.calls.filter((call) => call.at >= since).map((c) => `${c.name}@${c.at - since}`);
      report.push(`blip ${blip}: hide@${hideAt - since} open ${JSON.stringify(opened)} calls ${JSON.stringify(attempts)}`);
    }
    console.info(report.join('\n'));
    const watch = await readWatch(page);
    // Every blip: show, the attempts' countdown events, hide; the dialog never opened.
    expect(watch.dialogOpen, report.join('\n')).toEqual([]);
    expect((await readDialog(page)).open).toBe(false);
    expect(watch.states.filter((s) => s.state === 'hide')).toHaveLength(BLIPS);
    expect(watch.blazorUi).toEqual([]);
    expect(watch.blazorHandlerCalls).toEqual([]);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
  });
});
