// The core fault scenarios, run with the same assertions against the Node demo hub and the
// ASP.NET Core sample's circuit hub: the same built script tag and page on both, the network
// broken by a TCP proxy, and "restart" a real kill of the server process and a new start on the
// same port (the new process holds none of the old circuits).
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readDialog, shownIn, waitForDialog, hidden } from '../browser/support/dialog-view';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { setVisibility } from '../browser/support/page-helpers';
import { startDemoProcess } from '../support/demo-process';
import { startDotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, skipLoudly, skipWithoutDotnetApps } from '../support/dotnet-apps';
import type { ServerProcess } from '../support/server-process';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import { delay, waitUntil } from '../support/wait';
import { openFaultPage } from './support/fault-harness';
import type { FaultPage } from './support/fault-harness';
import { SCRIPT } from './support/handle-harness';

const notBuilt = chromiumPath === undefined || skipLoudly(existsSync(SCRIPT) ? undefined : 'dist/circuit-reconnect.min.js is not built (run `npm run build`)');

const SERVERS: { name: string; skip: boolean; start: () => Promise<ServerProcess> }[] = [
  { name: 'the Node demo hub', skip: notBuilt, start: startDemoProcess },
  {
    name: 'ASP.NET Core',
    skip: notBuilt || skipWithoutDotnetApps([DOTNET_PROJECTS.aspnetcore]),
    start: () => startDotnetApp({ project: DOTNET_PROJECTS.aspnetcore }),
  },
];

for (const target of SERVERS) {
  describe.skipIf(target.skip)(`core faults on ${target.name}, in Chromium`, () => {
    let browser: Browser;
    let server: ServerProcess;
    let proxy: TcpProxy;
    let opened: FaultPage | undefined;

    beforeAll(async () => {
      browser = await launchChromium();
      server = await target.start();
      proxy = await startTcpProxy(server.port);
    });
    afterEach(async () => {
      proxy.refuse(0);
      await opened?.context.close();
      opened = undefined;
    });
    afterAll(async () => {
      await browser.close();
      await proxy.close();
      await server.stop();
    });

    const open = async (query = '') => (opened = await openFaultPage(browser, proxy.url, query));
    const connectedAgain = (faults: FaultPage, what: string, timeoutMs = 20_000) =>
      waitUntil(async () => (await faults.record()).states.at(-1) === 'connected', timeoutMs, what, async () => JSON.stringify(await faults.record()));

    it('drop: the same circuit again, unseen (no dialog, no reload)', async () => {
      const faults = await open();
      proxy.cut();
      await connectedAgain(faults, 'the reconnect');
      expect(await faults.record()).toMatchObject({ states: ['reconnecting', 'connected'], opens: 0 });
      expect(faults.loads()).toBe(1);
    });

    it('down 10 s: the dialog counts down, then closes on the same circuit', async () => {
      const faults = await open();
      proxy.refuse(10_000);
      const cutAt = Date.now();
      proxy.cut();
      const view = await waitForDialog(faults.page, shownIn('retrying'), 'the countdown', 5_000);
      expect(view.text).toMatch(/^Rejoin failed… trying again in \d+\sseconds?$/);
      await connectedAgain(faults, 'the reconnect after 10 s');
      const downMs = Date.now() - cutAt;
      await waitForDialog(faults.page, hidden, 'the dialog to close');
      expect(await faults.record()).toMatchObject({ states: ['reconnecting', 'connected'], opens: 1 });
      expect(faults.loads()).toBe(1);
      expect(downMs).toBeGreaterThanOrEqual(10_000);
      console.info(`[${target.name}] down 10 s: connected ${downMs} ms after the cut`);
    });

    it('restart (kill, start): the circuit is gone, so the page reloads once and starts a new one', async () => {
      const faults = await open();
      await server.kill();
      await waitUntil(async () => (await faults.record()).states.includes('reconnecting'), 10_000, 'the page to see the crash');
      await server.restart();
      await waitUntil(() => faults.loads() === 2, 30_000, 'the reload');
      await faults.page.waitForFunction(() => (window as unknown as { faults: { connected: boolean } }).faults.connected, undefined, { timeout: 20_000 });
      await delay(2_000);
      expect(faults.loads()).toBe(2);
    });

    it('down past the retries: failed with a focused Retry; Enter after the server is back reconnects', async () => {
      const faults = await open('?retries=3&interval=500');
      proxy.refuse(60_000);
      proxy.cut();
      const failed = await waitForDialog(faults.page, shownIn('failed'), 'the failed state', 10_000);
      expect(failed).toMatchObject({ buttons: ['Retry', 'Reload'], focus: 'Retry', modal: true });
      expect((await faults.record()).states).toEqual(['reconnecting', 'failed']);
      proxy.refuse(0);
      await faults.page.keyboard.press('Enter');
      await connectedAgain(faults, 'Retry to reconnect');
      await waitForDialog(faults.page, hidden, 'the dialog to close');
      expect(faults.loads()).toBe(1);
    });

    it('offline: nothing attempted while the browser is offline; online: an attempt at once, connected', async () => {
      const faults = await open();
      await faults.context.setOffline(true);
      proxy.cut();
      await waitForDialog(faults.page, shownIn('offline'), 'the offline state', 5_000);
      const attempts = proxy.attempts.length;
      await delay(2_000);
      expect(proxy.attempts.length).toBe(attempts);
      const onlineAt = Date.now();
      await faults.context.setOffline(false);
      await connectedAgain(faults, 'the reconnect once online', 5_000);
      console.info(`[${target.name}] online → connected in ${Date.now() - onlineAt} ms`);
      expect(faults.loads()).toBe(1);
    });

    it('visible: a hidden tab coming back attempts at once, long before its scheduled attempt', async () => {
      const faults = await open('?interval=30000');
      proxy.refuse(2_000);
      proxy.cut();
      await waitForDialog(faults.page, shownIn('retrying'), 'the 30 s wait', 5_000);
      await setVisibility(faults.page, 'hidden');
      await delay(2_500);
      const visibleAt = await setVisibility(faults.page, 'visible');
      await connectedAgain(faults, 'the attempt on visible', 5_000);
      console.info(`[${target.name}] visible → connected in ${Date.now() - visibleAt} ms`);
      expect(faults.loads()).toBe(1);
    });

    it('flap (a drop every second for 6 s): at most one dialog, the same circuit at the end', async () => {
      const faults = await open();
      for (let i = 0; i < 6; i += 1) {
        proxy.refuse(300);
        proxy.cut();
        await delay(1_000);
      }
      await connectedAgain(faults, 'the last reconnect');
      const { opens, states } = await faults.record();
      expect(opens).toBeLessThanOrEqual(1);
      expect(states.at(-1)).toBe('connected');
      expect(states).not.toContain('rejected');
      expect((await readDialog(faults.page)).visible).toBe(false);
      expect(faults.loads()).toBe(1);
    });
  });
}
