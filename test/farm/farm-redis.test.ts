// One farm with Redis (`demo/farm.mjs`: Redis, two Blazor Web App nodes with the drain, HAProxy),
// shared by every check that needs that farm, in the order a deploy meets them:
// - the script: both nodes serve through the balancer, each response naming its node, a tab
//   sticks to its node, the control refuses what it cannot do;
// - a rolling restart (SIGTERM node 1, then node 2) under 8 tabs with circuit-reconnect's handler,
//   and beside them 4 tabs with Blazor's own default handler (the comparison, not asserted): ours
//   keep their [PersistentState] counter with no reload, showing "Updating…", never failed or
//   rejected;
// - a node killed (SIGKILL): the tabs whose circuit Blazor had saved in Redis (evicted after the
//   2 s retention this farm runs with) resume on a node that never held it, without a reload; the
//   others reload exactly once each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/support/chromium';
import { waitForCounts } from '../dotnet/support/counter-page';
import { waitUntil } from '../support/wait';
import { skipWithoutFarm } from './support/farm-tools';
import { startFarmScript } from './support/farm-script';
import type { FarmScript, RestartReport } from './support/farm-script';
import type { FarmTab } from './support/farm-tabs';
import { clickCounter, openSpreadTabs, readTab } from './support/farm-tabs';
import { redisKeyCount, settledRedisKeyCount } from './support/redis-keys';
import { describeOutcome, measureStop, tabsOf } from './support/stop-outcome';

const skip = skipWithoutFarm();
const NEGOTIATE = '**/_blazor/negotiate**';

/** GET `path` with an optional cookie header: the node that answered and the sticky cookie it set. */
async function get(url: string, cookie?: string): Promise<{ status: number; node: string | null }> {
  const response = await fetch(url, cookie === undefined ? {} : { headers: { cookie } });
  await response.body?.cancel();
  return { status: response.status, node: response.headers.get('x-farm-node') };
}

describe.skipIf(skip)('A farm with Redis: the script, a rolling restart, a node killed', () => {
  let farm: FarmScript;
  let browser: Browser;
  let ours: FarmTab[] = [];
  beforeAll(async () => {
    // A 2 s retention, so that a dropped tab's circuit is evicted (and saved in Redis) within the test.
    farm = await startFarmScript(['--nodes', '2', '--', '--CircuitOptions:DisconnectedCircuitRetentionPeriod=00:00:02']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await farm.stop();
  });

  it('serves both nodes through the balancer, each response naming its node, sticky by its cookie', async () => {
    const nodes = new Set<string | null>();
    for (let i = 0; i < 6; i++) nodes.add((await get(`${farm.url}/counter`)).node);
    expect([...nodes].sort()).toEqual(['1', '2']);
    for (const node of ['1', '2']) {
      for (let i = 0; i < 4; i++) expect((await get(`${farm.url}/counter`, `FARM_NODE=n${node}`)).node).toBe(node);
    }
  });

  it('refuses a node it does not have and a signal it does not send', async () => {
    expect((await fetch(`${farm.url}/_farm/restart?node=9&signal=TERM`, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${farm.url}/_farm/restart?node=1&signal=HUP`, { method: 'POST' })).status).toBe(400);
  });

  it('rolling restart: every tab keeps its persisted counter with no reload, shows "Updating…", never failed or rejected; Blazor\'s own handler beside it', async () => {
    ours = await openSpreadTabs(browser, farm.url, 2, 4);
    const blazors = await openSpreadTabs(browser, farm.url, 2, 2, { blazorOwnHandler: true, firstIndex: ours.length });
    // A count of its own per tab of ours (a state that lands in the wrong tab shows); one click
    // for Blazor's own tabs, whose count only has to tell kept from lost.
    for (const tab of ours) await clickCounter(tab, tab.index + 1);
    for (const tab of blazors) await clickCounter(tab, 1);
    const outcome = await measureStop([...ours, ...blazors], () => farm.roll());
    console.info(describeOutcome('Rolling restart (SIGTERM node 1 then node 2), drain, with Redis: circuit-reconnect', tabsOf(outcome, 'ours')));
    console.info(describeOutcome("The same rolling restart, Blazor's own default handler (the drain cannot reach it)", tabsOf(outcome, 'blazor')));
    for (const tab of tabsOf(outcome, 'ours').tabs) {
      expect(tab, `tab ${tab.index}`).toMatchObject({ persistedAfter: tab.persistedBefore, reloads: 0 });
      expect(tab.states.filter((state) => ['failed', 'rejected', 'resume-failed', 'paused'].includes(state)), `tab ${tab.index}`).toEqual([]);
      // Every tab was moved (each node stopped once): its dialog said "Updating…", not a pause.
      expect(tab.texts, `tab ${tab.index}`).toContain('updating: Updating\u2026');
    }
    for (const tab of blazors) await tab.context.close();
  });

  it('SIGKILL: tabs whose circuit Blazor saved (evicted into Redis) resume without reload; the others reload exactly once', async () => {
    const redisPort = farm.redisPort ?? Number.NaN;
    // After the roll, the tabs' circuits live where the second restart sent them: kill that node.
    const views = await Promise.all(ours.map(readTab));
    const node = Number(views[0]?.node);
    const onNode = ours.filter((_, index) => views[index]?.node === String(node));
    expect(onNode.length).toBeGreaterThanOrEqual(4);
    // Half of them drop their connection and cannot open another: the node evicts their circuits
    // after 2 s, and Blazor writes each to its HybridCache over Redis.
    const evicted = onNode.slice(0, Math.floor(onNode.length / 2));
    // The circuits of the previous test's closed tabs are saved too, 2 s after it: counted first.
    const keysBefore = await settledRedisKeyCount(redisPort);
    for (const tab of evicted) {
      await tab.context.route(NEGOTIATE, (route) => route.abort());
      await tab.page.evaluate(() => {
        (window as unknown as { Blazor: { _internal: { forceCloseConnection: () => void } } }).Blazor._internal.forceCloseConnection();
      });
    }
    await waitUntil(async () => (await redisKeyCount(redisPort)) >= keysBefore + evicted.length, 30_000, 'the evicted circuits in Redis');

    let report: RestartReport | undefined;
    const outcome = await measureStop(ours, async () => {
      report = await farm.restart(node, 'KILL');
      for (const tab of evicted) await tab.context.unroute(NEGOTIATE);
    });
    console.info(`${describeOutcome(`SIGKILL node ${node}, Redis, ${evicted.length} of its ${onNode.length} tabs' circuits saved (evicted) before`, outcome)}\n  restart ${JSON.stringify(report)}`);
    expect(report).toMatchObject({ node, signal: 'KILL' });
    const status = (await (await fetch(`${farm.url}/_farm/nodes`)).json()) as { up: boolean }[];
    expect(status.map((entry) => entry.up)).toEqual([true, true]);

    for (const tab of outcome.tabs) {
      const farmTab = ours[tab.index];
      if (farmTab === undefined || tab.nodeBefore !== String(node)) {
        expect(tab, `tab ${tab.index}, on the other node`).toMatchObject({ reloads: 0, persistedAfter: tab.persistedBefore });
      } else if (evicted.includes(farmTab)) {
        // Saved at eviction, resumed from Redis by a node that never held it: only the persisted count survives.
        await waitForCounts(farmTab.page, { persisted: tab.persistedBefore, plain: 0 }, 10_000);
        expect(tab, `tab ${tab.index}, saved in Redis`).toMatchObject({ reloads: 0 });
        expect(tab.states, `tab ${tab.index}`).not.toContain('rejected');
      } else {
        // Live on the killed node, saved nowhere: the server no longer knows it, the library
        // reloads the tab once (the storm guard counts reloads per tab: no loop).
        expect(tab, `tab ${tab.index}, lost with the node`).toMatchObject({ reloads: 1, persistedAfter: 0 });
        expect(tab.states, `tab ${tab.index}`).toContain('rejected');
      }
    }
  });
});
