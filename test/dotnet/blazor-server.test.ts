// The Blazor Server app (Razor Pages host page, blazor.server.js, MapBlazorHub): the hosting
// model whose Blazor.start() takes its options flat, { reconnectionHandler }.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, REPOSITORY_ROOT, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import { waitUntil } from '../support/wait';
import { increment, readCounts, waitForCircuit } from './support/counter-page';

const HANDLER_SCRIPT = 'circuit-reconnect.blazor.min.js';
const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorServer]);

describe.skipIf(skip)('Blazor Server app (blazor.server.js)', () => {
  let browser: Browser;
  let app: DotnetApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startDotnetApp({ project: DOTNET_PROJECTS.blazorServer });
    console.info(`BlazorServerApp started in ${app.startMs} ms`);
    proxy = await startTcpProxy(app.port);
  });

  afterAll(async () => {
    await browser.close();
    await proxy.close();
    await app.stop();
  });

  it('serves the host page with blazor.server.js; the counter works, and survives a cut', async () => {
    const built = existsSync(join(REPOSITORY_ROOT, 'dist', HANDLER_SCRIPT));
    const page = await browser.newPage();
    const script = page.waitForResponse((response) => response.url().endsWith(`/${HANDLER_SCRIPT}`));
    const blazorScript = page.waitForResponse((response) => response.url().endsWith('/_framework/blazor.server.js'));
    await page.goto(`${proxy.url}/counter`);
    expect((await blazorScript).status()).toBe(200);
    expect((await script).status()).toBe(built ? 200 : 404);
    expect(await page.evaluate(() => 'CircuitReconnect' in window)).toBe(built);
    await waitForCircuit(page);
    expect(await readCounts(page)).toEqual({ persisted: 0, plain: 0 });
    await increment(page);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });

    const before = proxy.attempts.length;
    proxy.refuse(1_500);
    proxy.cut();
    await waitUntil(() => proxy.attempts.slice(before).some((a) => a.outcome === 'forwarded'), 40_000, 'a reconnect');
    expect(await increment(page)).toEqual({ persisted: 3, plain: 3 });
    await page.close();
  });

  it('ReconnectUi=blazor leaves the handler script out', async () => {
    const baseline = await startDotnetApp({ project: DOTNET_PROJECTS.blazorServer, args: ['--ReconnectUi=blazor'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${baseline.url}/counter`);
      expect(await page.$(`script[src="${HANDLER_SCRIPT}"]`)).toBeNull();
      await waitForCircuit(page);
      expect(await increment(page)).toEqual({ persisted: 1, plain: 1 });
      await page.close();
    } finally {
      await baseline.stop();
    }
  });
});
