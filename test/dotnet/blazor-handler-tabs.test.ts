// circuit-reconnect's Blazor handler in the .NET 10 Blazor Web App, two tabs of one origin (one
// browser context): they share the outage. One tab calls Blazor.reconnect() on the policy, the
// other shows the same countdown and calls it once, when the first gets through; each keeps its
// own circuit and its own counts.
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { increment, readCounts, waitForCircuit } from './support/counter-page';
import { useHandlerApp, waitForHide } from './support/handler-app';
import { readWatch, watchHandlerPage } from './support/handler-watch';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);

describe.skipIf(skip)('Blazor handler, Blazor Web App: two tabs share one outage', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp);

  it('one tab attempts, the other follows; both resume their own circuits within 1 s of each other', async () => {
    const { context, page: first } = await setup.openCounter();
    const second = await context.newPage();
    await watchHandlerPage(second);
    await second.goto(`${setup.proxy.url}/counter`);
    await waitForCircuit(second);
    await increment(first);
    await increment(second);
    await increment(second);
    const since = Date.now();
    setup.proxy.refuse(6_000);
    setup.proxy.cut();
    const hides = await Promise.all([waitForHide(first, since, 40_000), waitForHide(second, since, 40_000)]);
    const reconnects = await Promise.all(
      [first, second].map(async (page) => (await readWatch(page)).calls.filter((call) => call.name === 'reconnect' && call.at >= since).length),
    );
    console.info(`two tabs, 6 s outage: Blazor.reconnect() calls ${JSON.stringify(reconnects)}; hidden ${Math.abs(hides[0] - hides[1])} ms apart`);
    // The follower's one call is its own resume, after the leader's got through.
    expect(Math.min(...reconnects)).toBe(1);
    expect(Math.max(...reconnects)).toBeGreaterThanOrEqual(3);
    expect(Math.abs(hides[0] - hides[1])).toBeLessThan(1000);
    expect(await readCounts(first)).toEqual({ persisted: 1, plain: 1 });
    expect(await readCounts(second)).toEqual({ persisted: 2, plain: 2 });
  });
});
