// What Blazor 10 saves on its own: a circuit evicted from the disconnected registry is written to
// the HybridCache over Redis, and after its node is killed, a node that never held it resumes it
// (`resumeCircuit()`, through circuit-reconnect's handler) with its [PersistentState], no reload:
// the surviving node, or the killed node's new process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/support/chromium';
import { waitForCounts } from '../dotnet/support/counter-page';
import { waitUntil } from '../support/wait';
import { skipWithoutFarm } from './support/farm-tools';
import { startFarmScript } from './support/farm-script';
import type { FarmScript } from './support/farm-script';
import { clickCounter, openTab, readTab } from './support/farm-tabs';
import { redisKeyCount } from './support/redis-keys';
import { isBack } from './support/stop-outcome';

const skip = skipWithoutFarm();
const NEGOTIATE = '**/_blazor/negotiate**';

describe.skipIf(skip)('Blazor 10 on the farm: an evicted circuit outlives its node', () => {
  let farm: FarmScript;
  let browser: Browser;
  beforeAll(async () => {
    // A 2 s retention, so the eviction comes within the test.
    farm = await startFarmScript(['--nodes', '2', '--', '--CircuitOptions:DisconnectedCircuitRetentionPeriod=00:00:02']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await farm.stop();
  });

  it('is saved in Redis at eviction and resumed by a node that never held it after a SIGKILL, without a reload', async () => {
    const redisPort = farm.redisPort ?? Number.NaN;
    const tab = await openTab(browser, farm.url, 0);
    await clickCounter(tab, 3);
    const { node } = await readTab(tab);
    const keysBefore = await redisKeyCount(redisPort);

    // The tab closes its connection and cannot open another: the server evicts the circuit at 2 s.
    await tab.context.route(NEGOTIATE, (route) => route.abort());
    await tab.page.evaluate(() => {
      (window as unknown as { Blazor: { _internal: { forceCloseConnection: () => void } } }).Blazor._internal.forceCloseConnection();
    });
    await waitUntil(async () => (await redisKeyCount(redisPort)) > keysBefore, 20_000, 'the evicted circuit in Redis');

    const since = Date.now();
    await farm.restart(Number(node), 'KILL');
    await tab.context.unroute(NEGOTIATE);
    // Resumed by a node that never held it: the other one, or the killed node's new process
    // (its cookie still names it once it is back), either way from Redis.
    await waitUntil(
      async () => isBack(await readTab(tab), since),
      60_000,
      'the tab interactive again',
      async () => JSON.stringify(await readTab(tab)),
    );
    // The resumed circuit renders right after `hide`: a resume keeps only the persisted count.
    await waitForCounts(tab.page, { persisted: 3, plain: 0 }, 10_000);
    const view = await readTab(tab);
    console.info(`evicted on node ${node}, resumed on node ${view.node} (a new process): states ${view.states.map((s) => s.state).join(' ')}`);
    expect(view).toMatchObject({ persisted: 3, plain: 0 });
    expect(view.loads).toHaveLength(1);
    expect(view.states.map((s) => s.state)).not.toContain('rejected');
  });
});
