// The fault suite: a server shedding load. The demo hub answers every negotiation 429 with
// Retry-After: 2 (reject-negotiation with retryAfter); three tabs of the built script tag lose
// their connections at once. Each waits at least the advised 2 s after every refusal, and the
// jitter on top keeps the three from coming back in the same instant; once the hub admits
// again, every tab resumes its own circuit.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server-core.mjs';
import { chromiumPath } from './support/chromium';
import { closeAndReset, openWithCircuit } from './support/demo-fixture';
import type { OpenedPage } from './support/demo-fixture';
import { useFaultSuite } from './support/fault-suite';
import { waitForState } from './support/fault-recorder';
import { isResumed, mark, since, waitForLog } from './support/hub-log';

const RETRY_AFTER_S = 2;

/** The page's negotiations after `sinceMs` (its own clock): when each was sent and when its answer ended, with the status. */
function negotiations(page: Page, sinceMs: number) {
  return page.evaluate((from) => performance.getEntriesByType('resource')
    .filter((entry): entry is PerformanceResourceTiming => entry.name.includes('/negotiate') && entry.startTime >= from)
    .map((entry) => ({ start: entry.startTime, end: entry.responseEnd, status: entry.responseStatus })), sinceMs);
}

describe.skipIf(chromiumPath === undefined)('faults: a busy server (429 + Retry-After)', () => {
  const suite = useFaultSuite(() => startDemoServer({ port: 0 }));

  it('every tab waits at least Retry-After after each refusal, the tabs apart by their jitter, then resumes', async () => {
    const tabs: OpenedPage[] = [];
    try {
      for (let index = 0; index < 3; index++) tabs.push((await openWithCircuit(suite.browser, suite.server, '/default-dialog.html')).opened);
      const origins = await Promise.all(tabs.map((tab) => tab.page.evaluate(() => performance.now())));
      const before = mark(suite.hub);
      suite.hub.rejectNegotiation(429, '*', RETRY_AFTER_S);
      suite.hub.drop();
      // Every tab is refused at least twice (its first attempt, then the grace period's or the next one).
      await waitForLog(suite.hub, () => since(suite.hub, before, 'negotiate').filter((entry) => entry.status === 429).length >= 6, 15_000, 'two refusals per tab', before);
      await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_S * 1000));
      const afterBusy = mark(suite.hub);
      suite.hub.rejectNegotiation(null);
      await Promise.all(tabs.map((tab) => waitForState(tab.page, 'hide', 1, 15_000)));
      await waitForLog(suite.hub, () => since(suite.hub, afterBusy).filter(isResumed).length >= 3, 10_000, 'three resumed circuits', afterBusy);

      const waits: number[] = [];
      for (const [index, tab] of tabs.entries()) {
        const sent = await negotiations(tab.page, origins[index] ?? 0);
        expect(sent.filter((request) => request.status === 429).length).toBeGreaterThanOrEqual(2);
        for (let next = 1; next < sent.length; next++) {
          const refused = sent[next - 1];
          const retried = sent[next];
          if (refused?.status !== 429 || retried === undefined) continue;
          // The wait starts when the refusal is read, and a timer never fires early.
          const wait = retried.start - refused.end;
          expect(wait).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000);
          waits.push(wait);
        }
        expect(sent.at(-1)?.status).toBe(200);
      }
      // Jitter in [0, 1 s) on top of the advice: the tabs do not return in one instant.
      expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(20);
      expect(tabs.flatMap((tab) => tab.problems.errors)).toEqual([]);
    } finally {
      await Promise.all(tabs.map((tab) => tab.close()));
      await closeAndReset(undefined, suite.hub);
    }
  });
});
