// The fault suite: start options that must take effect on the first connection and on every
// reconnect. `autostart="false"` with the docs' boot.js (no hub traffic before its Blazor.start),
// the Web App shape's `/signalr` and server timeout, and the legacy `builder.build` override.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import { startDemoServer } from '../../demo/server-core.mjs';
import type { DemoServer } from '../../demo/server-core.mjs';
import { chromiumPath, launchChromium } from './support/chromium';
import { closeAndReset, openPage, openWithCircuit } from './support/demo-fixture';
import type { OpenedPage } from './support/demo-fixture';
import { completionsOf, isResumed, mark, since, waitForLog } from './support/hub-log';
import { hubConnectionsInHeap } from './support/devtools';
import type { HeapConnection } from './support/devtools';
import { waitUntil } from './support/page-helpers';
import { startSite, STRICT_CSP } from './support/site';
import type { Site } from './support/site';

const csp = { 'Content-Security-Policy': STRICT_CSP };

/** The seeds' snippet for Blazor before `withServerTimeout`, verbatim but for the timeout. */
const legacyBuildOverride = (timeoutMs: number): string => `Blazor.start({
  configureSignalR: function (builder) {
    let c = builder.build();
    c.serverTimeoutInMilliseconds = ${timeoutMs};
    builder.build = () => {
      return c;
    };
  },
});`;

const hostPage = (script: string): string =>
  `<!doctype html><html lang="en"><title>${script}</title>` +
  `<script src="/circuit-reconnect.js" autostart="false"></script><script src="/${script}"></script>`;

describe.skipIf(chromiumPath === undefined)('faults: start options survive reconnects', () => {
  let browser: Browser;
  let demo: DemoServer;
  let site: Site;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    demo = await startDemoServer({ port: 0 });
    site = await startSite({
      pages: {
        '/legacy-60s.html': { body: hostPage('legacy-60s.js'), headers: csp },
        '/legacy-60s.js': { body: legacyBuildOverride(60_000), contentType: 'text/javascript' },
        '/legacy-3s.html': { body: hostPage('legacy-3s.js'), headers: csp },
        '/legacy-3s.js': { body: legacyBuildOverride(3_000), contentType: 'text/javascript' },
      },
    });
  });

  afterEach(async () => {
    await closeAndReset(opened, demo.hub, site.hub);
    opened = undefined;
  });

  afterAll(async () => {
    await browser.close();
    await demo.close();
    await site.close();
  });

  /** The page's connected SignalR connections, read from its heap. */
  async function liveConnections(page: OpenedPage): Promise<HeapConnection[]> {
    const cdp = await page.context.newCDPSession(page.page);
    try {
      return (await hubConnectionsInHeap(cdp)).filter((connection) => connection.state === 'Connected');
    } finally {
      await cdp.detach();
    }
  }

  it('autostart="false" with boot.js: no hub request while boot.js is still loading; its Blazor.start() is the only start', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let releasedAt = Infinity;
    const hubRequests: { url: string; at: number }[] = [];
    opened = await openPage(browser, `${demo.url}/boot-js.html`, {
      waitUntil: 'commit',
      beforeGoto: async (page) => {
        page.on('request', (request: Request) => {
          if (/\/(_blazor|signalr)\b/.test(request.url())) hubRequests.push({ url: request.url(), at: Date.now() });
        });
        await page.route('**/boot.js', async (route) => {
          await held;
          releasedAt = Date.now();
          await route.continue();
        });
      },
    });
    const { page } = opened;
    // The library has run (window.Blazor exists) and the page is stuck on boot.js's script tag.
    await page.waitForFunction(() => 'Blazor' in window, undefined, { timeout: 10_000, polling: 50 });
    const heldSince = Date.now();
    await waitUntil(() => Date.now() - heldSince >= 750, 2_000, 'a 750 ms window with boot.js held');
    expect(demo.hub.log.entries('negotiate')).toEqual([]);
    expect(hubRequests).toEqual([]);

    release();
    await waitForLog(demo.hub, (entry) => entry.kind === 'completion' && entry.method === 'StartCircuit', 10_000, 'StartCircuit');
    await page.waitForLoadState('load');
    const negotiations = demo.hub.log.entries('negotiate');
    expect(negotiations).toHaveLength(1);
    expect(negotiations[0]?.at).toBeGreaterThanOrEqual(releasedAt);
    expect(hubRequests.every((request) => request.at >= releasedAt)).toBe(true);
    expect(completionsOf(demo.hub, 'StartCircuit')).toHaveLength(1);

    // boot.js owns the start: a second one from the page is refused synchronously.
    const second = await page.evaluate(() => {
      try {
        void (window as unknown as { Blazor: { start(): Promise<void> } }).Blazor.start();
        return 'no throw';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(second).toBe('Blazor has already started.');
    expect(demo.hub.log.entries('negotiate')).toHaveLength(1);
    // No autostart at DOMContentLoaded either: it would have logged "Start failed".
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
  });

  it('Web App shape: every hub request goes to /signalr, before and after a drop; the 60 s server timeout is on each connection', async () => {
    let circuitId: string;
    ({ opened, circuitId } = await openWithCircuit(browser, demo, '/web-app-shape.html'));
    const before = mark(demo.hub);
    demo.hub.drop();
    await waitForLog(demo.hub, isResumed, 10_000, 'ConnectCircuit → true', before);

    // This page's requests. The previous test's page says goodbye with a beacon on `pagehide`
    // as its context closes; the browser may deliver that POST after the hub was reset, so a
    // beacon for another circuit is that page's, not this one's (seen once under CI load).
    const withPath = demo.hub.log
      .entries()
      .filter((entry) => entry.path !== undefined && !(entry.kind === 'beacon' && entry.circuitId !== circuitId));
    const stray = JSON.stringify(withPath.filter((entry) => entry.path !== '/signalr'));
    expect(new Set(withPath.map((entry) => entry.path)), `requests elsewhere: ${stray}`).toEqual(new Set(['/signalr']));
    expect(since(demo.hub, before, 'invocation').map((entry) => [entry.method, entry.path, entry.args])).toEqual([
      ['ConnectCircuit', '/signalr', [circuitId]],
    ]);
    const connections = await liveConnections(opened);
    expect(connections).toEqual([
      { serverTimeoutInMilliseconds: 60_000, keepAliveIntervalInMilliseconds: 15_000, baseUrl: `${demo.url}/signalr`, state: 'Connected' },
    ]);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
  });

  it('legacy builder.build override (the seeds\' snippet): the connection it returns is used, on start and on reconnect', async () => {
    ({ opened } = await openWithCircuit(browser, site, '/legacy-60s.html'));
    expect((await liveConnections(opened)).map((c) => c.serverTimeoutInMilliseconds)).toEqual([60_000]);

    const before = mark(site.hub);
    site.hub.drop();
    await waitForLog(site.hub, isResumed, 10_000, 'ConnectCircuit → true', before);
    const connections = await liveConnections(opened);
    expect(connections.map((c) => [c.serverTimeoutInMilliseconds, c.baseUrl])).toEqual([[60_000, `${site.url}/_blazor`]]);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
  });

  it('legacy override with a 3 s server timeout and 15 s server pings: the client gives up after ~3 s of silence and resumes', async () => {
    ({ opened } = await openWithCircuit(browser, site, '/legacy-3s.html'));
    const first = site.hub.log.entries('completion').find((entry) => entry.method === 'StartCircuit');
    // The client closes its own connection (no fault here) once 3 s pass without a server message.
    const closed = await waitForLog(site.hub, (entry) => entry.kind === 'close' && entry.connectionId === first?.connectionId, 10_000, 'the client to time out');
    const silence = closed.at - (first?.at ?? 0);
    expect(closed.event).toBe('client');
    expect(silence).toBeGreaterThanOrEqual(2_900);
    expect(silence).toBeLessThan(4_500);
    const resumed = await waitForLog(site.hub, isResumed, 10_000, 'ConnectCircuit → true', closed.seq);
    expect(resumed.connectionId).not.toBe(first?.connectionId);
    expect(site.hub.log.entries('fault').filter((entry) => entry.event !== 'reset')).toEqual([]);
    expect(opened.consoleTexts.some((text) => text.includes('Server timeout elapsed'))).toBe(true);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(`[faults] 3 s server timeout: the client closed after ${silence} ms of silence`);
  });
});
