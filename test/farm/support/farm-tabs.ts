// Tabs on the farm's /counter page, each in its own browser context (its own cookies, so the
// balancer spreads them over the nodes as it would spread people), all in one browser. Each tab
// records, in its sessionStorage (which survives a reload, per tab): its loads, every reconnection
// state event (with the default dialog's text at that moment) and when each document's counter
// became interactive. A tab opened with `blazorOwnHandler` never gets circuit-reconnect's handler
// script (its request is aborted, so start.js starts Blazor with its own reconnection UI); for it,
// Blazor's default dialog becoming visible or hidden is recorded as `show` and `hide`.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { increment, waitForCircuit } from '../../dotnet/support/counter-page';

/** What a tab recorded about itself. */
interface Recorded {
  loads: number[];
  states: { state: string; at: number; text?: string }[];
  interactive: number[];
}

/** How a tab is opened. */
export interface TabOptions {
  /** Blazor's own default reconnection handler and dialog instead of circuit-reconnect's. */
  readonly blazorOwnHandler?: boolean;
}

export interface FarmTab {
  readonly index: number;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly blazorOwnHandler: boolean;
}

/** A tab as the test sees it at one moment. */
export interface TabView {
  /** The node whose circuit renders the page (`#farm-node`), or '' while none does. */
  readonly node: string;
  readonly persisted: number;
  readonly plain: number;
  /** Each document load's `Date.now()`: more than one means the tab reloaded. */
  readonly loads: number[];
  readonly states: { state: string; at: number; text?: string }[];
  /** When each document's counter became interactive (`#increment` enabled by its circuit). */
  readonly interactive: number[];
}

const KEY = 'test:farm';

export async function openTab(browser: Browser, url: string, index: number, options: TabOptions = {}): Promise<FarmTab> {
  const context = await browser.newContext();
  const blazorOwnHandler = options.blazorOwnHandler === true;
  if (blazorOwnHandler) await context.route('**/circuit-reconnect.blazor.min.js', (route) => route.abort());
  const page = await context.newPage();
  await page.addInitScript((key) => {
    const read = (): Recorded =>
      JSON.parse(sessionStorage.getItem(key) ?? '{"loads":[],"states":[],"interactive":[]}') as Recorded;
    const write = (update: (recorded: Recorded) => void) => {
      const recorded = read();
      update(recorded);
      sessionStorage.setItem(key, JSON.stringify(recorded));
    };
    write((recorded) => recorded.loads.push(Date.now()));
    document.addEventListener(
      'components-reconnect-state-changed',
      (event) => {
        const state = String((event as CustomEvent<{ state?: unknown }>).detail.state);
        // The default dialog's state text (its shadow root is open), as the user reads it.
        const target = event.target as Element;
        const text = target.shadowRoot?.getElementById('text')?.textContent ?? undefined;
        write((recorded) => recorded.states.push({ state, at: Date.now(), ...(text === undefined ? {} : { text }) }));
      },
      { capture: true },
    );
    // Blazor's own dialog dispatches no state event: its overlay's `components-reconnect-visible`
    // class (in the open shadow root of #components-reconnect-modal) says when it is on screen.
    let blazorDialogVisible = false;
    const watchBlazorDialog = () => {
      const overlay = document.getElementById('components-reconnect-modal')?.shadowRoot?.querySelector('.components-reconnect-overlay');
      const visible = overlay?.classList.contains('components-reconnect-visible') === true;
      if (visible !== blazorDialogVisible) {
        blazorDialogVisible = visible;
        write((recorded) => recorded.states.push({ state: visible ? 'show' : 'hide', at: Date.now(), text: 'blazor' }));
      }
    };
    // The circuit enables #increment when it renders; a resumed circuit renders it again.
    let enabled = false;
    const check = () => {
      const now = document.querySelector('#increment:not([disabled])') !== null && document.querySelector('#farm-node') !== null;
      if (now && !enabled) write((recorded) => recorded.interactive.push(Date.now()));
      enabled = now;
    };
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver(check).observe(document.body, { attributes: true, childList: true, subtree: true });
      check();
      // A shadow root's changes reach no observer of the page: polled, only where Blazor's dialog exists.
      setInterval(() => {
        if (document.getElementById('components-reconnect-modal')?.shadowRoot) watchBlazorDialog();
      }, 50);
    });
  }, KEY);
  await page.goto(`${url}/counter`);
  await waitForCircuit(page, 60_000);
  return { index, context, page, blazorOwnHandler };
}

export async function readTab(tab: FarmTab): Promise<TabView> {
  return tab.page.evaluate((key) => {
    const recorded = JSON.parse(sessionStorage.getItem(key) ?? '{"loads":[],"states":[],"interactive":[]}') as Recorded;
    return {
      node: document.querySelector('#farm-node')?.textContent ?? '',
      persisted: Number(document.querySelector('#persisted-count')?.textContent),
      plain: Number(document.querySelector('#plain-count')?.textContent),
      ...recorded,
    };
  }, KEY);
}

/** Clicks the counter `times` times (each click waits for both counts to move). */
export async function clickCounter(tab: FarmTab, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await increment(tab.page);
}

/**
 * Opens tabs until each of the farm's first `nodes` nodes holds at least `perNode` circuits
 * (the balancer's round robin spreads them; a tab beyond that is closed again).
 */
export async function openSpreadTabs(
  browser: Browser,
  url: string,
  nodes: number,
  perNode: number,
  options: TabOptions & { readonly firstIndex?: number } = {},
): Promise<FarmTab[]> {
  const tabs: FarmTab[] = [];
  const count = new Map<string, number>();
  for (let tries = 0; tabs.length < nodes * perNode; tries++) {
    if (tries > nodes * perNode * 3) throw new Error(`the balancer did not spread ${nodes * perNode} tabs: ${JSON.stringify([...count])}`);
    const tab = await openTab(browser, url, (options.firstIndex ?? 0) + tabs.length, options);
    const { node } = await readTab(tab);
    if ((count.get(node) ?? 0) >= perNode) {
      await tab.context.close();
      continue;
    }
    count.set(node, (count.get(node) ?? 0) + 1);
    tabs.push(tab);
  }
  return tabs;
}

/** The p50 and the maximum of `values` (0 for none). */
export function p50AndMax(values: readonly number[]): { p50: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}
