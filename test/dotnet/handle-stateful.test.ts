// SignalR's stateful reconnect under the library, against the sample's /chat hub (mapped with
// AllowStatefulReconnects) in Chromium: a 200 ms blip that SignalR absorbs on the same
// connection is invisible (no state change, no dialog) and loses nothing in either direction; a
// cut longer than SignalR's one transport reconnect becomes a normal outage.
import { existsSync } from 'node:fs';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { HubConnection } from '@microsoft/signalr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readDialog } from '../browser/support/dialog-view';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, skipLoudly, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import { delay, waitUntil } from '../support/wait';
import { echo, openHarness, recorded, SCRIPT } from './support/handle-harness';
import type { HarnessWindow } from './support/handle-harness';

const skip =
  chromiumPath === undefined ||
  skipWithoutDotnetApps([DOTNET_PROJECTS.aspnetcore]) ||
  skipLoudly(existsSync(SCRIPT) ? undefined : 'dist/circuit-reconnect.min.js is not built (run `npm run build`)');

const COUNT = 100;
const expected = (who: string) => Array.from({ length: COUNT }, (_, i) => `${who}: ${i}`);

describe.skipIf(skip)('stateful reconnect on /chat, in Chromium', () => {
  let browser: Browser;
  let app: DotnetApp;
  let proxy: TcpProxy;
  let node: HubConnection;
  /** What the Node client heard on /chat: the page's messages must reach it once, in order. */
  const heard: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startDotnetApp({ project: DOTNET_PROJECTS.aspnetcore });
    proxy = await startTcpProxy(app.port);
    node = new HubConnectionBuilder().withUrl(`${app.url}/chat`).configureLogging(LogLevel.None).build();
    node.on('Message', (user: string, text: string) => heard.push(`${user}: ${text}`));
    await node.start();
  });

  afterAll(async () => {
    await node.stop();
    await browser.close();
    await proxy.close();
    await app.stop();
  });

  for (const msgpack of [false, true]) {
    it(`${msgpack ? 'MessagePack' : 'JSON'}: a 200 ms blip mid-stream: no state change, no dialog, 100 messages each way, once, in order`, async () => {
      heard.length = 0;
      const page = await openHarness(browser, proxy.url, { hub: '/chat', msgpack, stateful: true });
      let webSockets = 0;
      page.on('websocket', () => (webSockets += 1));
      // The page streams 100 messages to the hub while the hub streams 100 to the page.
      const pageStream = page.evaluate(async (count) => {
        const { circuit } = window as unknown as HarnessWindow;
        for (let i = 0; i < count; i += 1) {
          await circuit.send('Send', 'page', String(i));
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }, COUNT);
      const nodeStream = (async () => {
        for (let i = 0; i < COUNT; i += 1) {
          await node.send('Send', 'node', String(i));
          await delay(10);
        }
      })();
      // Mid-stream, the link drops; SignalR's one transport reconnect is held 200 ms, then let through.
      await delay(300);
      proxy.stall(200);
      proxy.cut();
      await Promise.all([pageStream, nodeStream]);
      await waitUntil(
        async () => (await recorded(page)).messages.filter((message) => message.startsWith('node')).length >= COUNT && heard.filter((m) => m.startsWith('page')).length >= COUNT,
        20_000,
        'both streams to arrive',
      );
      const { messages, states } = await recorded(page);
      expect(messages.filter((message) => message.startsWith('node'))).toEqual(expected('node'));
      expect(heard.filter((message) => message.startsWith('page'))).toEqual(expected('page'));
      expect(states).toEqual([]);
      expect((await readDialog(page)).exists).toBe(false);
      // The blip happened: the WebSocket seen here is the one SignalR reopened for the same connection.
      expect(webSockets).toBe(1);
      expect(proxy.attempts.filter((attempt) => attempt.outcome === 'stalled').length).toBeGreaterThanOrEqual(1);
      expect(await echo(page, 'still here')).toBe('still here');
      await page.close();
    });
  }

  it('a cut SignalR cannot absorb (its transport reconnect refused) is a normal outage, reconnected by the library', async () => {
    const page = await openHarness(browser, proxy.url, { hub: '/chat', msgpack: false, stateful: true });
    proxy.refuse(2_000);
    proxy.cut();
    await waitUntil(async () => (await recorded(page)).states.at(-1) === 'connected', 30_000, 'the outage to end');
    expect((await recorded(page)).states).toEqual(['reconnecting', 'connected']);
    expect(await echo(page, 'back')).toBe('back');
    await page.close();
  });
});
