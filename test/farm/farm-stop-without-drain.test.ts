// What Blazor 10 does on the farm when a node stops, with HybridCache over Redis and without the
// drain: a graceful stop (SIGTERM) and a crash (SIGKILL) of the node holding tabs' circuits. This
// suite pins the measured facts the README's "Running on a farm" reports. It measures Blazor, not
// this library, so it runs on demand only (`npm run test:farm-blazor-alone`, which sets FARM_BLAZOR_ALONE=1):
// the CI keeps its minute. What CI still runs of it: Blazor's own handler beside ours in
// farm-redis.test.ts's rolling restart (SIGTERM without a drain: one reload per tab, state lost),
// and its SIGKILL test (nothing of a live circuit is saved).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/support/chromium';
import { skipWithoutFarm } from './support/farm-tools';
import { startFarmScript } from './support/farm-script';
import type { FarmScript } from './support/farm-script';
import type { FarmTab } from './support/farm-tabs';
import { clickCounter, openSpreadTabs } from './support/farm-tabs';
import { redisKeyCount } from './support/redis-keys';
import { describeOutcome, measureStop } from './support/stop-outcome';

// Collected only with FARM_BLAZOR_ALONE=1 (vitest.config.ts), so never skipped by `npm test`.
const skip = skipWithoutFarm();

describe.skipIf(skip)('Blazor 10 on the farm, Redis, no drain: a node stopped', () => {
  let farm: FarmScript;
  let browser: Browser;
  let tabs: FarmTab[];
  let redisPort: number;

  beforeAll(async () => {
    farm = await startFarmScript(['--nodes', '2', '--no-drain']);
    if (farm.redisPort === undefined) throw new Error(`the farm printed no Redis port:\n${farm.output()}`);
    redisPort = farm.redisPort;
    browser = await launchChromium();
    tabs = await openSpreadTabs(browser, farm.url, 2, 2);
    for (const tab of tabs) await clickCounter(tab, tab.index + 1);
  });
  afterAll(async () => {
    await browser.close();
    await farm.stop();
  });

  it('SIGTERM: Blazor saves no circuit state; the stopped node\'s tabs lose it and reload once, the others are untouched', async () => {
    const keysBefore = await redisKeyCount(redisPort);
    const outcome = await measureStop(tabs, () => farm.restart(1, 'TERM'));
    const keysAfter = await redisKeyCount(redisPort);
    console.info(`${describeOutcome('SIGTERM node 1, no drain', outcome)}\n  Redis keys ${keysBefore} -> ${keysAfter}`);

    // A graceful stop closes every connection at once (SignalR, on ApplicationStopping), keeps the
    // circuits in memory as disconnected, and exits without evicting them: nothing is persisted.
    expect(keysAfter).toBe(keysBefore);
    for (const tab of outcome.tabs) {
      if (tab.nodeBefore === '1') {
        expect(tab, 'a tab of the stopped node').toMatchObject({ persistedAfter: 0, plainAfter: 0, reloads: 1 });
        expect(tab.states).toContain('rejected');
      } else {
        expect(tab, 'a tab of the other node').toMatchObject({ nodeAfter: tab.nodeBefore, persistedAfter: tab.persistedBefore, reloads: 0 });
      }
    }
  });

  it('SIGKILL: nothing of the live circuits is saved; each of the killed node\'s tabs reloads exactly once', async () => {
    const keysBefore = await redisKeyCount(redisPort);
    // After the first stop every circuit lives on node 2, so this kill touches every tab. A
    // reload lands on node 1, or on node 2's new process when it is back by then.
    const outcome = await measureStop(tabs, () => farm.restart(2, 'KILL'));
    const keysAfter = await redisKeyCount(redisPort);
    console.info(`${describeOutcome('SIGKILL node 2', outcome)}\n  Redis keys ${keysBefore} -> ${keysAfter}`);
    expect(keysAfter).toBe(keysBefore);
    for (const tab of outcome.tabs.filter((t) => t.nodeBefore === '2')) {
      expect(tab).toMatchObject({ persistedAfter: 0, reloads: 1 });
    }
  });
});
