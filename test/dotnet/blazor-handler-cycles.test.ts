// circuit-reconnect's Blazor handler over many outages in one page: 50 drop/resume cycles leave
// no growth in DOM nodes, event listeners on window and document, or pending timers.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { waitUntil } from '../support/wait';
import { increment } from './support/counter-page';
import { median, useHandlerApp, waitForHide } from './support/handler-app';
import { readWatch } from './support/handler-watch';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);
const CYCLES = 50;

interface Footprint {
  readonly nodes: number;
  readonly shadowNodes: number;
  readonly windowListeners: number;
  readonly documentListeners: number;
  readonly pendingTimers: number;
}

/** What the page holds now: elements (also inside the dialog's shadow root), listeners, timers. */
async function footprint(page: Page): Promise<Footprint> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const listeners = async (expression: string): Promise<number> => {
      const { result } = (await cdp.send('Runtime.evaluate', { expression })) as { result: { objectId?: string } };
      const { listeners: found } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId ?? '' })) as {
        listeners: unknown[];
      };
      return found.length;
    };
    const counts = await page.evaluate(() => ({
      nodes: document.getElementsByTagName('*').length,
      shadowNodes: document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelectorAll('*').length ?? 0,
    }));
    return {
      ...counts,
      windowListeners: await listeners('window'),
      documentListeners: await listeners('document'),
      pendingTimers: (await readWatch(page)).pendingTimers,
    };
  } finally {
    await cdp.detach();
  }
}

describe.skipIf(skip)('Blazor handler, Blazor Web App: many outages in one page', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp);

  it(`${CYCLES} drop/resume cycles: no growth in nodes, listeners or timers`, async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    let afterFive: Footprint | undefined;
    const times: number[] = [];
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const since = Date.now();
      setup.proxy.cut();
      times.push((await waitForHide(page, since)) - since);
      // Settled: the circuit answers again before the next cut.
      await waitUntil(async () => (await page.$('#increment:not([disabled])')) !== null, 10_000, 'the counter');
      if (cycle === 5) afterFive = await footprint(page);
    }
    const afterFifty = await footprint(page);
    console.info(`cut -> hide over ${CYCLES} cycles: median ${median(times)} ms, max ${Math.max(...times)} ms`);
    console.info(`after 5: ${JSON.stringify(afterFive)}; after ${CYCLES}: ${JSON.stringify(afterFifty)}`);
    expect(afterFifty).toEqual(afterFive);
    expect((await readWatch(page)).states.filter((s) => s.state === 'hide')).toHaveLength(CYCLES);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
  });
});
