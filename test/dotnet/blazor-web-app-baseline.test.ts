// The .NET 10 Blazor Web App with Blazor's own reconnection handler (ReconnectUi=blazor): the
// baseline the library is compared with, and proof that the app, the proxy and the Blazor facts
// the library builds on hold against real Kestrel.
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import { delay, waitUntil } from '../support/wait';
import { callReconnect, callResumeCircuit, increment, readCounts, waitForCircuit, waitForCounts } from './support/counter-page';

/** Short, so a test can outlast it; the outage below is longer by a clear margin. */
const RETENTION_MS = 1_000;

/**
 * Waits for Blazor's handler to be refused once more, then opens the proxy. Its retries after
 * the first ten come every 5 s, so the test's own calls that follow have the server to themselves:
 * without this, the handler's attempt and the test's race (measured: the handler won once and
 * reloaded the page under the test's call).
 */
async function openRightAfterARefusal(proxy: TcpProxy): Promise<void> {
  const since = proxy.attempts.length;
  await waitUntil(() => proxy.attempts.slice(since).some((a) => a.outcome === 'refused'), 40_000, 'Blazor\'s next attempt');
  proxy.refuse(0);
}

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);

describe.skipIf(skip)('Blazor Web App, Blazor\'s own handler (ReconnectUi=blazor)', () => {
  let browser: Browser;
  let app: DotnetApp;
  let proxy: TcpProxy;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startDotnetApp({
      project: DOTNET_PROJECTS.blazorWebApp,
      args: ['--ReconnectUi=blazor'],
      env: { CircuitOptions__DisconnectedCircuitRetentionPeriod: `00:00:0${RETENTION_MS / 1000}` },
    });
    console.info(`BlazorWebApp started in ${app.startMs} ms`);
    proxy = await startTcpProxy(app.port);
  });

  afterAll(async () => {
    await browser.close();
    await proxy.close();
    await app.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(`${proxy.url}/counter`);
    await waitForCircuit(page);
  });

  afterEach(async () => {
    // A failed test must not leave the next one behind a refusing proxy.
    proxy.refuse(0);
    await context.close();
  });

  it('serves /counter with blazor.web.js and no handler script; the button adds 1 to both counts', async () => {
    const scripts = await page.$$eval('script[src]', (elements) => elements.map((element) => element.getAttribute('src')));
    expect(scripts.some((src) => /^_framework\/blazor\.web(\.\w+)?\.js$/.test(src ?? ''))).toBe(true);
    expect(scripts).not.toContain('circuit-reconnect.blazor.min.js');
    expect(await readCounts(page)).toEqual({ persisted: 0, plain: 0 });
    await increment(page);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
  });

  it('a cut with the server up: Blazor reconnects to the same circuit and both counts stay', async () => {
    await increment(page);
    await increment(page);
    const before = proxy.attempts.length;
    proxy.cut();
    await waitUntil(() => proxy.attempts.slice(before).some((a) => a.outcome === 'forwarded'), 10_000, 'a new connection');
    expect(await increment(page)).toEqual({ persisted: 3, plain: 3 });
  });

  it('an outage longer than the retention: reconnect() is false, resumeCircuit() true; only the persisted count is back', async () => {
    await increment(page);
    await increment(page);
    // Refused for longer than the retention: the server notices the drop at once and evicts the
    // circuit after RETENTION_MS. Blazor's handler tries 10 times at once (all refused), then
    // every 5 s.
    proxy.refuse(60_000);
    proxy.cut();
    await delay(RETENTION_MS + 500);
    await openRightAfterARefusal(proxy);
    expect(await callReconnect(page)).toBe(false);
    expect(await callResumeCircuit(page)).toBe(true);
    await waitForCounts(page, { persisted: 2, plain: 0 });
    expect(await increment(page)).toEqual({ persisted: 3, plain: 1 });
  });

  it('while the proxy refuses, reconnect() throws; once it forwards again, reconnect() is true', async () => {
    await increment(page);
    const before = proxy.attempts.length;
    proxy.refuse(60_000);
    proxy.cut();
    // Measured: called before the page has seen the drop, reconnect() answered a boolean instead
    // of throwing; once Blazor's own handler has been refused, the page knows it is down.
    await waitUntil(() => proxy.attempts.slice(before).some((a) => a.outcome === 'refused'), 10_000, 'a refused attempt');
    expect(await callReconnect(page)).toMatch(/^threw: /);
    proxy.refuse(0);
    // Blazor's own attempt may get there first; either way the same circuit answers.
    const result = await callReconnect(page);
    expect(result).toBe(true);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
  });

  it('kill and restart on the same port: Blazor\'s handler gets reconnect false, resume false, and reloads the page', async () => {
    await increment(page);
    const reloaded = page.waitForEvent('load', { timeout: 90_000 });
    await app.kill();
    await app.restart();
    console.info(`BlazorWebApp restarted in ${app.startMs} ms`);
    await reloaded;
    await waitForCircuit(page);
    expect(await readCounts(page)).toEqual({ persisted: 0, plain: 0 });
    expect(await increment(page)).toEqual({ persisted: 1, plain: 1 });
  });

  it('kill and restart, called by hand: reconnect() false, resumeCircuit() false', async () => {
    await increment(page);
    proxy.refuse(120_000);
    await app.kill();
    await app.restart();
    await openRightAfterARefusal(proxy);
    expect(await callReconnect(page)).toBe(false);
    expect(await callResumeCircuit(page)).toBe(false);
    // Measured: a reconnect() called by hand that answers false also ends Blazor's own retry loop
    // (its connection came up, so the handler's onConnectionUp ran): nothing reloads the page, and
    // it is left with no circuit until someone reloads it, as the template's ReconnectModal does.
    await page.reload();
    await waitForCircuit(page);
    expect(await increment(page)).toEqual({ persisted: 1, plain: 1 });
  });
});
