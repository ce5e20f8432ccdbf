// A page with the built script tag (autostart off) and SignalR's browser bundles, served through
// Playwright's router beside a real app, that starts a circuit on one of the sample's hubs and
// records what its handle hears: the setting of the connection-handle tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BlazorApi, Circuit } from '../../../src/index';
import { REPOSITORY_ROOT } from '../../support/dotnet-apps';

export const SCRIPT = join(REPOSITORY_ROOT, 'dist', 'circuit-reconnect.min.js');
const SIGNALR = join(REPOSITORY_ROOT, 'node_modules/@microsoft/signalr/dist/browser/signalr.min.js');
const MSGPACK = join(REPOSITORY_ROOT, 'node_modules/@microsoft/signalr-protocol-msgpack/dist/browser/signalr-protocol-msgpack.min.js');

const HARNESS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>handle</title></head><body>
<script src="/circuit-reconnect.min.js" autostart="false"></script>
<script src="/test/signalr.min.js"></script>
<script src="/test/signalr-protocol-msgpack.min.js"></script>
</body></html>`;

export interface Recorded {
  /** Every `Message` the page's handler heard, its arguments joined with ': '. */
  messages: string[];
  states: string[];
  /** The `name` of the hub protocol each connection was built with. */
  protocols: string[];
}

export interface HarnessWindow {
  Blazor: BlazorApi;
  signalR: { protocols: { msgpack: { MessagePackHubProtocol: new () => { name: string } } } };
  circuit: Circuit;
  recorded: Recorded;
}

export interface Flow {
  hub: '/_blazor' | '/chat';
  msgpack: boolean;
  /** `withStatefulReconnect()` on every connection. */
  stateful?: boolean;
}

/** Opens the harness at `origin` and starts the circuit of `flow`; `Message` is handled once for the page's life. */
export async function openHarness(browser: Browser, origin: string, flow: Flow): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/handle-harness.html', (route) => route.fulfill({ contentType: 'text/html', body: HARNESS }));
  await page.route('**/test/signalr.min.js', (route) => route.fulfill({ contentType: 'text/javascript', body: readFileSync(SIGNALR, 'utf8') }));
  await page.route('**/test/signalr-protocol-msgpack.min.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: readFileSync(MSGPACK, 'utf8') }),
  );
  await page.goto(`${origin}/handle-harness.html`);
  await page.evaluate(async ({ hub, msgpack, stateful }) => {
    const w = window as unknown as HarnessWindow;
    const recorded: Recorded = { messages: [], states: [], protocols: [] };
    w.recorded = recorded;
    w.circuit = await w.Blazor.start({
      circuitHandshake: hub === '/_blazor',
      configureSignalR: (builder) => {
        builder.withUrl(hub);
        if (stateful) builder.withStatefulReconnect();
        if (!msgpack) {
          recorded.protocols.push('json');
          return;
        }
        const protocol = new w.signalR.protocols.msgpack.MessagePackHubProtocol();
        recorded.protocols.push(protocol.name);
        builder.withHubProtocol(protocol as never);
      },
    });
    w.circuit.on('Message', (...args: unknown[]) => recorded.messages.push(args.map(String).join(': ')));
    w.circuit.onStateChange((state) => recorded.states.push(state));
  }, flow);
  return page;
}

export const recorded = (page: Page): Promise<Recorded> => page.evaluate(() => (window as unknown as HarnessWindow).recorded);

export const echo = (page: Page, text: string): Promise<string> =>
  page.evaluate((value) => (window as unknown as HarnessWindow).circuit.invoke<string>('Echo', value), text);
