// The Circuit handle that `Blazor.start()` resolves to, in Chromium with the built script tag,
// against the ASP.NET Core sample: the circuit hub (/_blazor: Echo, POST /push → Message) and
// the plain chat hub (/chat, circuitHandshake: false), each over JSON and MessagePack. Handlers
// registered once hear the app before and after a reconnect; what the server sends during the
// outage goes to a dead connection and is lost (SignalR keeps no buffer across connections);
// invoke while down is refused at once; state changes arrive in order, once each.
import { existsSync } from 'node:fs';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { HubConnection } from '@microsoft/signalr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, skipLoudly, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import { waitUntil } from '../support/wait';
import { echo, openHarness, recorded, SCRIPT } from './support/handle-harness';
import type { Flow, HarnessWindow } from './support/handle-harness';

const skip =
  chromiumPath === undefined ||
  skipWithoutDotnetApps([DOTNET_PROJECTS.aspnetcore]) ||
  skipLoudly(existsSync(SCRIPT) ? undefined : 'dist/circuit-reconnect.min.js is not built (run `npm run build`)');

describe.skipIf(skip)('the Circuit handle against ASP.NET Core, in Chromium', () => {
  let browser: Browser;
  let app: DotnetApp;
  let proxy: TcpProxy;
  let sender: HubConnection;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startDotnetApp({ project: DOTNET_PROJECTS.aspnetcore });
    proxy = await startTcpProxy(app.port);
    sender = new HubConnectionBuilder().withUrl(`${app.url}/chat`).configureLogging(LogLevel.None).build();
    await sender.start();
  });

  afterAll(async () => {
    await sender.stop();
    await browser.close();
    await proxy.close();
    await app.stop();
  });

  /** The app talks to the page: POST /push on the circuit hub, another client's Send on /chat. */
  async function appSends(flow: Flow, text: string): Promise<void> {
    if (flow.hub === '/_blazor') {
      expect((await fetch(`${app.url}/push?text=${encodeURIComponent(text)}`, { method: 'POST' })).status).toBe(200);
    } else {
      await sender.invoke('Send', 'node', text);
    }
  }

  const FLOWS: Flow[] = [
    { hub: '/_blazor', msgpack: false },
    { hub: '/_blazor', msgpack: true },
    { hub: '/chat', msgpack: false },
    { hub: '/chat', msgpack: true },
  ];

  for (const flow of FLOWS) {
    it(`${flow.hub} over ${flow.msgpack ? 'MessagePack' : 'JSON'}: messages before and after a reconnect, invoke refused while down, states once each`, async () => {
      const page = await openHarness(browser, proxy.url, flow);
      const prefix = flow.hub === '/chat' ? 'node: ' : '';
      expect(await page.evaluate(() => (window as unknown as HarnessWindow).circuit.state)).toBe('connected');
      expect(await echo(page, 'first')).toBe('first');
      await appSends(flow, 'before');
      await waitUntil(async () => (await recorded(page)).messages.includes(`${prefix}before`), 10_000, 'the message sent before the cut');

      // The network drops and stays down for 3 s (the server keeps running).
      proxy.refuse(3_000);
      const cutAt = Date.now();
      proxy.cut();
      await waitUntil(async () => (await recorded(page)).states.includes('reconnecting'), 10_000, 'the page to see the drop');
      const seenMs = Date.now() - cutAt;
      // Sent while the page is down: the server delivers it to no live connection of the page.
      await appSends(flow, 'during');
      const refusal = await page.evaluate(async () => {
        const started = performance.now();
        try {
          await (window as unknown as HarnessWindow).circuit.invoke('Echo', 'while down');
          return { name: 'resolved', state: '', ms: performance.now() - started };
        } catch (error) {
          const { name, state } = error as { name: string; state: string };
          return { name, state, ms: performance.now() - started };
        }
      });
      expect(refusal).toMatchObject({ name: 'NotConnectedError', state: 'reconnecting' });
      expect(refusal.ms).toBeLessThan(50);

      await waitUntil(async () => (await recorded(page)).states.at(-1) === 'connected', 30_000, 'the reconnect');
      const reconnectMs = Date.now() - cutAt;
      expect(await echo(page, 'x')).toBe('x');
      await appSends(flow, 'after');
      await waitUntil(async () => (await recorded(page)).messages.includes(`${prefix}after`), 10_000, 'the message sent after the reconnect');
      const { messages, states, protocols } = await recorded(page);
      expect(messages).toEqual([`${prefix}before`, `${prefix}after`]);
      // The first connection and every reconnect's (configureSignalR runs for each).
      expect(new Set(protocols)).toEqual(new Set([flow.msgpack ? 'messagepack' : 'json']));
      expect(protocols.length).toBeGreaterThanOrEqual(2);
      expect(states).toEqual(['reconnecting', 'connected']);
      console.info(
        `handle ${flow.hub} ${flow.msgpack ? 'msgpack' : 'json'}: drop seen ${seenMs} ms after the cut, invoke refused in ${refusal.ms.toFixed(1)} ms, reconnected ${reconnectMs} ms after the cut (3 s refused)`,
      );
      await page.close();
    });
  }

  it('chat.html: sends with the handle, disables Send while down, hears the chat again after the reconnect', async () => {
    const page = await browser.newPage();
    await page.goto(`${proxy.url}/chat.html`);
    await page.locator('#state', { hasText: 'connected' }).waitFor();
    await page.fill('#user', 'ada');
    await page.fill('#text', 'hello');
    await page.click('#send');
    await page.locator('#messages li', { hasText: 'ada: hello' }).waitFor();
    proxy.refuse(2_000);
    proxy.cut();
    await page.locator('#state', { hasText: 'reconnecting' }).waitFor();
    expect(await page.isDisabled('#send')).toBe(true);
    await page.locator('#state', { hasText: /^connected$/ }).waitFor({ timeout: 30_000 });
    await sender.invoke('Send', 'node', 'welcome back');
    await page.locator('#messages li', { hasText: 'node: welcome back' }).waitFor();
    await page.close();
  });
});
