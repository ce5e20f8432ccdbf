// One page for the core fault scenarios on any server that speaks the circuit contract: the
// built script tag and a start script, both served through Playwright's router, so the Node demo
// hub and the ASP.NET Core sample see exactly the same client. The page records its handle's
// states and how often the default dialog opened; the test counts its loads.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCRIPT } from './handle-harness';

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>faults</title></head><body>
<input id="field" aria-label="field">
<script src="/circuit-reconnect.min.js" autostart="false"></script>
<script src="/test/fault-page.js"></script>
</body></html>`;

/**
 * `?retries=N` and `?interval=MS` shape the policy: the first attempt at once, then every
 * `interval` ms (Blazor's fixed-interval semantics, without the 3 s cap on the first wait).
 */
const PAGE_SCRIPT = `
const query = new URLSearchParams(location.search);
const interval = Number(query.get('interval') ?? 1000);
window.faults = { states: [], opens: 0, connected: false };
let wasOpen = false;
setInterval(() => {
  const open = document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector('dialog')?.open === true;
  if (open && !wasOpen) window.faults.opens += 1;
  wasOpen = open;
}, 20);
Blazor.start({
  reconnectionOptions: {
    maxRetries: Number(query.get('retries') ?? 40),
    retryIntervalMilliseconds: (previous) => (previous === 0 ? 0 : interval),
  },
}).then((circuit) => {
  window.faults.connected = true;
  circuit.onStateChange((state) => window.faults.states.push(state));
});
`;

export interface FaultRecord {
  states: string[];
  /** How many times the default dialog went from closed to open. */
  opens: number;
  /** `start()` resolved on this load. */
  connected: boolean;
}

export interface FaultPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Loads of the page so far: 1 until it reloads. */
  loads(): number;
  record(): Promise<FaultRecord>;
}

/** Opens the fault page at `origin` in a new context and waits until its circuit is started. */
export async function openFaultPage(browser: Browser, origin: string, query = ''): Promise<FaultPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/faults.html*', (route) => route.fulfill({ contentType: 'text/html', body: HTML }));
  await page.route('**/circuit-reconnect.min.js', (route) => route.fulfill({ contentType: 'text/javascript', body: readFileSync(SCRIPT, 'utf8') }));
  await page.route('**/test/fault-page.js', (route) => route.fulfill({ contentType: 'text/javascript', body: PAGE_SCRIPT }));
  let loads = 0;
  page.on('load', () => (loads += 1));
  await page.goto(`${origin}/faults.html${query}`);
  const faultPage: FaultPage = {
    context,
    page,
    loads: () => loads,
    record: () => page.evaluate(() => (window as unknown as { faults: FaultRecord }).faults),
  };
  await page.waitForFunction(() => (window as unknown as { faults?: FaultRecord }).faults?.connected === true, undefined, { timeout: 20_000 });
  return faultPage;
}
