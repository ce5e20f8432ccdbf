// The deploy a farm lives with, on a farm with no Redis at all: a rolling restart (node 1, then
// node 2, each SIGTERM) with 8 tabs spread over both nodes. With the drain (CircuitDrain.cs and
// circuit-reconnect's handler) every tab ends interactive on a live node with its
// [PersistentState] counter, without a reload, showing "Updating…" and never the failed, rejected
// or paused state: the state travels through the client. The same restart with Redis, beside
// Blazor's own handler, is in farm-redis.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/support/chromium';
import { skipWithoutFarm } from './support/farm-tools';
import { startFarmScript } from './support/farm-script';
import type { FarmScript } from './support/farm-script';
import { clickCounter, openSpreadTabs } from './support/farm-tabs';
import { describeOutcome, measureStop } from './support/stop-outcome';

const skip = skipWithoutFarm();

describe.skipIf(skip)('Rolling restart with the drain, without Redis (drain only)', () => {
  let farm: FarmScript;
  let browser: Browser;
  beforeAll(async () => {
    farm = await startFarmScript(['--nodes', '2', '--no-redis']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await farm.stop();
  });

  it('keeps every tab\'s persisted counter, with no reload, "Updating…" and no failed, rejected or paused state', async () => {
    const tabs = await openSpreadTabs(browser, farm.url, 2, 4);
    for (const tab of tabs) await clickCounter(tab, tab.index + 1);
    const outcome = await measureStop(tabs, () => farm.roll());
    console.info(describeOutcome('Rolling restart (SIGTERM node 1 then node 2), drain, without Redis (drain only)', outcome));
    for (const tab of outcome.tabs) {
      expect(tab, `tab ${tab.index}`).toMatchObject({ persistedAfter: tab.persistedBefore, reloads: 0 });
      expect(tab.states.filter((state) => ['failed', 'rejected', 'resume-failed', 'paused'].includes(state)), `tab ${tab.index}`).toEqual([]);
      expect(tab.texts, `tab ${tab.index}`).toContain('updating: Updating\u2026');
    }
  });
});
