// circuit-reconnect's Blazor handler (dist/circuit-reconnect.blazor.min.js) in the .NET 10 Blazor
// Web App, ReconnectUi=library: drops with the server up. An outage longer than the grace period
// shows our dialog (never Blazor's) on our jittered schedule with a live countdown, and resumes
// the same circuit. (Blips shorter than the grace period: blazor-handler-blip.test.ts.)
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { delay, waitUntil } from '../support/wait';
import { increment, readCounts } from './support/counter-page';
import { mark, median, useHandlerApp, waitForHide } from './support/handler-app';
import { readDialog, readWatch } from './support/handler-watch';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);

describe.skipIf(skip)('Blazor handler, Blazor Web App: drops with the server up', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp);

  it('refused for 3 s: our dialog (not Blazor\'s), closed when traffic flows again; both counts kept', async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    await increment(page);
    const since = Date.now();
    setup.proxy.refuse(3_000);
    setup.proxy.cut();
    await waitUntil(async () => (await readDialog(page)).open, 5_000, 'our dialog to open');
    const shown = await readDialog(page);
    expect(shown.text).toMatch(/^(Rejoining the server\u2026|Rejoin failed\u2026 trying again in \d+\sseconds?)$/);
    const hideAt = await waitForHide(page, since, 40_000);
    expect((await readDialog(page)).open).toBe(false);
    const watch = await readWatch(page);
    // Opened once, after the grace period, closed once.
    expect(watch.dialogOpen.map((change) => change.open)).toEqual([true, false]);
    expect((watch.dialogOpen[0]?.at ?? 0) - since).toBeGreaterThanOrEqual(490);
    expect(watch.blazorUi).toEqual([]);
    expect(watch.blazorHandlerCalls).toEqual([]);
    expect(await page.$('#components-reconnect-modal')).toBeNull();
    expect(await readCounts(page)).toEqual({ persisted: 2, plain: 2 });
    expect(await increment(page)).toEqual({ persisted: 3, plain: 3 });
    console.info(`3 s outage: proxy open -> hide ${hideAt - since - 3_000} ms`);
  });

  it('cut for 10 s: attempts on the jittered schedule, a live countdown, resumed', async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    const from = mark(setup.proxy);
    const since = Date.now();
    setup.proxy.refuse(10_000);
    setup.proxy.cut();
    // The countdown as a person reads it, sampled every 200 ms while the proxy refuses.
    const texts: string[] = [];
    while (Date.now() < since + 9_500) {
      const { text } = await readDialog(page);
      if (texts.at(-1) !== text) texts.push(text);
      await delay(200);
    }
    await waitForHide(page, since, 40_000);
    const watch = await readWatch(page);
    const reconnects = watch.calls.filter((c) => c.name === 'reconnect' && c.at >= since).map((c) => c.at - since);
    const refused = setup.proxy.attempts.slice(from).filter((a) => a.outcome === 'refused').map((a) => a.at - since);
    console.info(`10 s outage: Blazor.reconnect() at ${JSON.stringify(reconnects)} ms; proxy refused at ${JSON.stringify(refused)} ms`);
    console.info(`countdown texts: ${JSON.stringify(texts)}`);

    // The default policy: at once, then waits with equal jitter under ceilings of 1 s, 2 s, 4 s,
    // 5 s (each in [c/2, c)); plus, when the policy's second attempt is due more than 50 ms after
    // the grace period ends (499 ms), one extra attempt then, which moves no wait. Bounds are
    // generous (+400 ms) for a loaded two-core machine; the floor is exact: jitter never waits less.
    expect(reconnects[0]).toBeLessThan(400);
    const start = reconnects[0] ?? 0;
    // With the extra attempt, the third call is the policy's second (before 1.4 s); without it, the
    // policy's third (at least 1.5 s).
    const hasGraceAttempt = (reconnects[2] ?? Infinity) - start < 1_400;
    if (hasGraceAttempt) {
      expect((reconnects[1] ?? 0) - start).toBeGreaterThanOrEqual(440);
      expect((reconnects[1] ?? 0) - start).toBeLessThan(900);
      expect((reconnects[2] ?? 0) - (reconnects[1] ?? 0)).toBeGreaterThanOrEqual(45);
    }
    const policy = hasGraceAttempt ? [start, ...reconnects.slice(2)] : reconnects;
    const gaps = policy.slice(1).map((at, i) => at - (policy[i] ?? 0));
    const ceilings = [1_000, 2_000, 4_000, 5_000, 5_000];
    gaps.slice(0, -1).forEach((gap, i) => {
      const ceiling = ceilings[i] ?? 5_000;
      expect(gap).toBeGreaterThanOrEqual(ceiling / 2 - 5);
      expect(gap).toBeLessThan(ceiling + 400);
    });
    // Not Blazor's lockstep: never two of the policy's attempts within 400 ms of each other.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(400);
    // Each attempt reached the proxy as one connection while it refused.
    expect(refused.length).toBeGreaterThanOrEqual(reconnects.filter((at) => at < 9_900).length);

    // A live countdown: several distinct "trying again in N seconds" texts, counting down.
    const countdown = texts.filter((t) => /trying again in \d+\ssecond/.test(t));
    expect(countdown.length).toBeGreaterThanOrEqual(3);
    expect(watch.blazorHandlerCalls).toEqual([]);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
  });

  it('median time from the proxy opening to resumed, over 5 outages of 1.5 s', async () => {
    const { page } = await setup.openCounter();
    const times: number[] = [];
    for (let outage = 0; outage < 5; outage++) {
      const since = Date.now();
      setup.proxy.refuse(1_500);
      setup.proxy.cut();
      times.push((await waitForHide(page, since, 40_000)) - since - 1_500);
    }
    console.info(`1.5 s outages: proxy open -> hide ${JSON.stringify(times)} ms, median ${median(times)} ms`);
    // Bounded by the schedule: after a 1.5 s outage the next attempt comes within 2 s (ceiling of
    // attempt 3) plus a margin for the machine.
    expect(median(times)).toBeLessThan(3_000);
    expect(await increment(page)).toEqual({ persisted: 1, plain: 1 });
  });
});
