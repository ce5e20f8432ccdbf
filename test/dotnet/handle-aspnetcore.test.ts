// The Circuit handle that `Blazor.start()` resolves to, in Chromium with the built script tag,
// against the ASP.NET Core sample: the circuit hub (/_blazor: Echo, POST /push → Message) and
// the plain chat hub (/chat, circuitHandshake: false), each over JSON and MessagePack. Handlers
// registered once hear the app before and after a reconnect; what the server sends during the
// outage goes to a dead connection and is lost (SignalR keeps no buffer across connections);
// invoke while down is refused at once; state changes arrive in order, once each.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { HubConnection } from '@microsoft/signalr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BlazorApi, Circuit } from '../../src/index';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, REPOSITORY_ROOT, skipLoudly, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import { waitUntil } from '../support/wait';

const SCRIPT = join(REPOSITORY_ROOT, 'dist', 'circuit-reconnect.min.js');
const SIGNALR = join(REPOSITORY_ROOT, 'node_modules/@microsoft/signalr/dist/browser/signalr.min.js');
const MSGPACK = join(REPOSITORY_ROOT, 'node_modules/@microsoft/signalr-protocol-msgpack/dist/browser/signalr-protocol-msgpack.min.js');
const skip =
  chromiumPath === undefined ||
  skipWithoutDotnetApps([DOTNET_PROJECTS.aspnetcore]) ||
  skipLoudly(existsSync(SCRIPT) ? undefined : 'dist/circuit-reconnect.min.js is not built (run `npm run build`)');

/** The page under test: the script tag (autostart off), and for MessagePack its browser bundle. */
const HARNESS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>handle</title></head><body>
<script src="/circuit-reconnect.min.js" autostart="false"></script>
<script src="/test/signalr.min.js"></script>
<script src="/test/signalr-protocol-msgpack.min.js"></script>
</body></html>`;

interface Recorded {
  messages: string[];
  states: string[];
  /** The `name` of the hub protocol each connection was built with. */
  protocols: string[];
}
interface HarnessWindow {
  Blazor: BlazorApi;
  signalR: { protocols: { msgpack: { MessagePackHubProtocol: new () => { name: string } } } };
  circuit: Circuit;
  recorded: Recorded;
}
interface Flow {
  hub: '/_blazor' | '/chat';
  msgpack: boolean;
}

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

  async function openHarness(flow: Flow): Promise<Page> {
    const page = await browser.newPage();
    await page.route('**/handle-harness.html', (route) => route.fulfill({ contentType: 'text/html', body: HARNESS }));
    await page.route('**/test/signalr.min.js', (route) => route.fulfill({ contentType: 'text/javascript', body: readFileSync(SIGNALR, 'utf8') }));
    await page.route('**/test/signalr-protocol-msgpack.min.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: readFileSync(MSGPACK, 'utf8') }),
    );
    await page.goto(`${proxy.url}/handle-harness.html`);
    await page.evaluate(async ({ hub, msgpack }) => {
      const w = window as unknown as HarnessWindow;
      const recorded: Recorded = { messages: [], states: [], protocols: [] };
      w.recorded = recorded;
      w.circuit = await w.Blazor.start({
        circuitHandshake: hub === '/_blazor',
        configureSignalR: (builder) => {
          builder.withUrl(hub);
          if (!msgpack) {
            recorded.protocols.push('json');
            return;
          }
          const protocol = new w.signalR.protocols.msgpack.MessagePackHubProtocol();
          recorded.protocols.push(protocol.name);
          builder.withHubProtocol(protocol as never);
        },
      });
      // Registered once, for the page's whole life.
      w.circuit.on('Message', (...args: unknown[]) => recorded.messages.push(args.map(String).join(': ')));
      w.circuit.onStateChange((state) => recorded.states.push(state));
    }, flow);
    return page;
  }

  const recorded = (page: Page) => page.evaluate(() => (window as unknown as HarnessWindow).recorded);
  const echo = (page: Page, text: string) => page.evaluate((value) => (window as unknown as HarnessWindow).circuit.invoke<string>('Echo', value), text);

  const FLOWS: Flow[] = [
    { hub: '/_blazor', msgpack: false },
    { hub: '/_blazor', msgpack: true },
    { hub: '/chat', msgpack: false },
    { hub: '/chat', msgpack: true },
  ];

  for (const flow of FLOWS) {
    it(`${flow.hub} over ${flow.msgpack ? 'MessagePack' : 'JSON'}: messages before and after a reconnect, invoke refused while down, states once each`, async () => {
      const page = await openHarness(flow);
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
