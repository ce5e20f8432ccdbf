// The fault suite: 200 drop/resume cycles on one page. Whatever one outage creates (DOM, event
// listeners, timers, objects) must be released by the next resume: the page after the last cycle
// looks like the page after the first few. Three pages: the default dialog inside its grace period
// (never shown), the default dialog shown at once (`dialogDelayMilliseconds: 0`: showModal, focus,
// keydown listener every cycle), and the user's own modal (a display object per outage).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server-core.mjs';
import type { DemoServer } from '../../demo/server-core.mjs';
import { chromiumPath, launchChromium } from './support/chromium';
import { openWithCircuit } from './support/demo-fixture';
import { liveTimers, recording } from './support/fault-recorder';
import type { Recording } from './support/fault-recorder';
import { completionsOf, mark, startedCircuits } from './support/hub-log';
import { domSize, listenerCount, liveObjectCount } from './support/devtools';
import { startSite, STRICT_CSP } from './support/site';
import type { Site } from './support/site';

const CYCLES = 200;
const WARM_UP = 5;

interface Footprint {
  dom: number;
  windowListeners: number;
  documentListeners: number;
  /** On the dialog's host, `<dialog>` and buttons, or on the user's modal. */
  displayListeners: number;
  timers: number;
  jsObjects: number;
  /** Reported, not asserted: it also counts compiled code and DevTools' network buffers. */
  heapBytes: number;
  /** Times the default dialog opened since the last footprint. */
  openings: number;
}

const HOST = "document.querySelector('[data-reconnect-dialog]')";
const DISPLAY_PARTS = [
  HOST,
  `${HOST}.shadowRoot.querySelector('dialog')`,
  `${HOST}.shadowRoot.querySelector('button.retry')`,
  `${HOST}.shadowRoot.querySelector('button.reload')`,
  "document.getElementById('components-reconnect-modal')",
];

async function footprint(page: Page, cdp: CDPSession): Promise<Footprint> {
  // The recorder's own history would grow with every cycle: read it, then empty it.
  const openings = await page.evaluate(() => {
    const rec = (window as unknown as { __faults: Recording }).__faults;
    const opened = rec.dialog.filter((d) => d.open).length;
    rec.states.length = 0;
    rec.dialog.length = 0;
    rec.titles.length = 0;
    return opened;
  });
  // DevTools keeps every console message's arguments (the drop's Error objects) alive: drop them.
  await cdp.send('Runtime.discardConsoleEntries');
  const jsObjects = await liveObjectCount(cdp);
  const heap = await cdp.send('Runtime.getHeapUsage');
  let displayListeners = 0;
  for (const part of DISPLAY_PARTS) displayListeners += await listenerCount(cdp, part);
  return {
    dom: await domSize(page),
    windowListeners: await listenerCount(cdp, 'window'),
    documentListeners: await listenerCount(cdp, 'document'),
    displayListeners,
    timers: await liveTimers(page),
    jsObjects,
    heapBytes: heap.usedSize,
    openings,
  };
}

describe.skipIf(chromiumPath === undefined)('faults: 200 drop/resume cycles (soak)', () => {
  let browser: Browser;
  let demo: DemoServer;
  let site: Site;

  beforeAll(async () => {
    browser = await launchChromium();
    demo = await startDemoServer({ port: 0 });
    site = await startSite({
      pages: {
        '/no-grace.html': {
          body:
            '<!doctype html><html lang="en"><title>no grace</title><button id="work">Work</button>' +
            '<script src="/circuit-reconnect.js" autostart="false"></script><script src="/no-grace.js"></script>',
          headers: { 'Content-Security-Policy': STRICT_CSP },
        },
        '/no-grace.js': {
          body: "document.getElementById('work').focus(); Blazor.start({ reconnectionOptions: { dialogDelayMilliseconds: 0 } });",
          contentType: 'text/javascript',
        },
      },
    });
  });

  afterAll(async () => {
    await browser.close();
    await demo.close();
    await site.close();
  });

  it.each([
    { name: 'default dialog, resumed within the grace period', server: 'demo', path: '/default-dialog.html', opens: false },
    { name: 'default dialog shown every outage', server: 'site', path: '/no-grace.html', opens: true },
    { name: 'user modal', server: 'demo', path: '/user-modal.html', opens: false },
  ] as const)(`${CYCLES} cycles, $name: no growth in DOM, listeners, live timers or live objects`, async ({ name, server, path, opens }) => {
    const { hub } = server === 'demo' ? demo : site;
    const { opened, circuitId } = await openWithCircuit(browser, server === 'demo' ? demo : site, path, { timers: true });
    const { page } = opened;
    const cdp = await opened.context.newCDPSession(page);
    const before = mark(hub);
    let hidesSinceReset = 0;

    /** Drops the connection and waits until the page has resumed and hidden its UI. */
    const cycle = async (): Promise<void> => {
      const resumesBefore = hub.log.counters.circuitsConnected;
      hub.drop();
      hidesSinceReset += 1;
      await page.waitForFunction(
        (n) => (window as unknown as { __faults: Recording }).__faults.states.filter((s) => s.state === 'hide').length >= n,
        hidesSinceReset,
        { timeout: 10_000, polling: 5 },
      );
      expect(hub.log.counters.circuitsConnected).toBe(resumesBefore + 1);
    };

    for (let i = 0; i < WARM_UP; i += 1) await cycle();
    const first = await footprint(page, cdp);
    hidesSinceReset = 0;
    const startedAt = Date.now();
    for (let i = WARM_UP; i < CYCLES; i += 1) await cycle();
    const elapsedMs = Date.now() - startedAt;
    const last = await footprint(page, cdp);

    console.info(
      `[faults] soak (${name}): ${CYCLES - WARM_UP} cycles in ${elapsedMs} ms (${Math.round(elapsedMs / (CYCLES - WARM_UP))} ms each); ` +
        `after ${WARM_UP}: ${JSON.stringify(first)}; after ${CYCLES}: ${JSON.stringify(last)}`,
    );
    expect(last.openings).toBe(opens ? CYCLES - WARM_UP : 0);
    expect(last.dom).toBe(first.dom);
    expect(last.windowListeners).toBe(first.windowListeners);
    expect(last.documentListeners).toBe(first.documentListeners);
    expect(last.displayListeners).toBe(first.displayListeners);
    // A timer or two may be in a different phase (a ping, a status poll); a leak would be ~195.
    expect(last.timers).toBeLessThanOrEqual(first.timers + 2);
    // Objects alive after GC: anything kept per outage would add 195 or more.
    expect(last.jsObjects).toBeLessThan(first.jsObjects + 60);

    const resumes = completionsOf(hub, 'ConnectCircuit', before);
    expect(resumes).toHaveLength(CYCLES);
    expect(resumes.every((entry) => entry.result === true)).toBe(true);
    expect(hub.circuits.state(circuitId)).toBe('connected');
    expect(startedCircuits(hub).at(-1)).toBe(circuitId);
    expect((await recording(page)).dialogHostsCreated).toBe(path === '/user-modal.html' ? 0 : 1);
    if (opens) {
      // Focus went back to the page's own button after each of the 200 dialogs.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('work');
    }
    expect(opened.reloadTimes.length).toBe(0);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    await cdp.detach();
    await opened.close();
  });
});
