// Helpers for the browser fault suite (test/browser/faults-*.test.ts): pages opened in their own
// browser context with an in-page recorder of what the user sees (state events, the default
// dialog's visibility and heading), and readers of what the hub saw (its log).
import type { Browser, BrowserContext, CDPSession, ConsoleMessage, Page } from 'playwright-core';
import type { Hub, HubLogEntry, HubLogKind } from '../../../demo/hub/index.mjs';
import { waitUntil, watchProblems } from './page-helpers';
import type { PageProblems } from './page-helpers';

/** One `components-reconnect-state-changed` event, heard in the capture phase on `window`. */
export interface StateRecord {
  state: string;
  at: number;
  /** The modal's id, or `dialog` for the default dialog's host. */
  target: string;
  currentAttempt?: number;
  secondsToNextAttempt?: number;
}

/** What the in-page recorder saw since the page loaded. */
export interface Recording {
  states: StateRecord[];
  /** The most `[data-reconnect-dialog]` elements in the DOM at once. */
  dialogHostsMax: number;
  /** Distinct `[data-reconnect-dialog]` elements ever attached. */
  dialogHostsCreated: number;
  /** The default `<dialog>` opening (`open: true`) and closing, in order. */
  dialog: { open: boolean; at: number }[];
  /** The default dialog's heading, each time it changed. */
  titles: { text: string; at: number }[];
}

interface RecorderWindow {
  __faults: Recording;
  __liveTimers?: () => number;
}

/**
 * Runs in the page before any of its scripts (an init script: self-contained, no imports). The
 * state event does not bubble, but a capture listener on `window` still hears it.
 */
function installRecorder(): void {
  const rec: Recording = { states: [], dialogHostsMax: 0, dialogHostsCreated: 0, dialog: [], titles: [] };
  (window as unknown as RecorderWindow).__faults = rec;
  window.addEventListener(
    'components-reconnect-state-changed',
    (event) => {
      const detail = (event as CustomEvent<{ state: string; currentAttempt?: number; secondsToNextAttempt?: number }>).detail;
      const target = event.target as Element;
      rec.states.push({
        state: detail.state,
        at: Date.now(),
        target: target.id || (target.hasAttribute('data-reconnect-dialog') ? 'dialog' : target.tagName),
        ...(detail.currentAttempt === undefined ? {} : { currentAttempt: detail.currentAttempt }),
        ...(detail.secondsToNextAttempt === undefined ? {} : { secondsToNextAttempt: detail.secondsToNextAttempt }),
      });
    },
    true,
  );
  const seen = new WeakSet<Element>();
  const watchHost = (host: Element): void => {
    if (seen.has(host)) return;
    seen.add(host);
    rec.dialogHostsCreated += 1;
    const root = host.shadowRoot;
    if (!root) return;
    let open = false;
    const check = (): void => {
      const dialog = root.querySelector('dialog');
      if (dialog && dialog.open !== open) {
        open = dialog.open;
        rec.dialog.push({ open, at: Date.now() });
      }
      const text = root.querySelector('h2')?.textContent ?? '';
      if (text !== '' && rec.titles.at(-1)?.text !== text) rec.titles.push({ text, at: Date.now() });
    };
    new MutationObserver(check).observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['open'] });
    check();
  };
  new MutationObserver(() => {
    const hosts = document.querySelectorAll('[data-reconnect-dialog]');
    rec.dialogHostsMax = Math.max(rec.dialogHostsMax, hosts.length);
    hosts.forEach(watchHost);
  }).observe(document, { childList: true, subtree: true });
}

/** Counts live timers: timeouts not yet run or cleared, intervals not cleared (init script). */
function installTimerCounter(): void {
  const live = new Set<number>();
  const w = window;
  const setT = w.setTimeout.bind(w);
  const clearT = w.clearTimeout.bind(w);
  const setI = w.setInterval.bind(w);
  const clearI = w.clearInterval.bind(w);
  const call = (handler: TimerHandler, args: unknown[]): void => {
    if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
  };
  w.setTimeout = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    const id = setT(() => {
      live.delete(id);
      call(handler, args);
    }, timeout);
    live.add(id);
    return id;
  }) as typeof w.setTimeout;
  const forget = (clear: (id?: number) => void) => (id?: number) => {
    if (id !== undefined) live.delete(id);
    clear(id);
  };
  w.clearTimeout = forget(clearT) as typeof w.clearTimeout;
  w.setInterval = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    const id = setI(() => {
      call(handler, args);
    }, timeout);
    live.add(id);
    return id;
  }) as typeof w.setInterval;
  w.clearInterval = forget(clearI) as typeof w.clearInterval;
  (w as unknown as RecorderWindow).__liveTimers = () => live.size;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /** Every console message's text, any type. */
  consoleTexts: string[];
  /** When each main-frame navigation after the first load (a reload, leaving) happened. */
  reloadTimes: number[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Count live timers (see {@link liveTimers}). */
  timers?: boolean;
  /** Runs after the context and page exist, before navigation (routes, listeners). */
  beforeGoto?: (page: Page) => Promise<void>;
  /** When `openPage` returns. @default 'load' */
  waitUntil?: 'commit' | 'domcontentloaded' | 'load';
}

/** Opens `url` in a fresh context (own sessionStorage, own offline switch) with the recorder. */
export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(installRecorder);
  if (options.timers) await page.addInitScript(installTimerCounter);
  const problems = watchProblems(page);
  const consoleTexts: string[] = [];
  page.on('console', (message: ConsoleMessage) => consoleTexts.push(message.text()));
  let loaded = false;
  const reloadTimes: number[] = [];
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    if (loaded) reloadTimes.push(Date.now());
    loaded = true;
  });
  await options.beforeGoto?.(page);
  await page.goto(url, { waitUntil: options.waitUntil ?? 'load' });
  return {
    context,
    page,
    problems,
    consoleTexts,
    reloadTimes,
    close: () => context.close(),
  };
}

/**
 * Opens `url` and waits until this page's own circuit is up (a StartCircuit answered after the
 * page opened, and the hub holds it): a circuit left over from an earlier page does not count.
 */
export async function openWithCircuit(
  browser: Browser,
  server: { url: string; hub: Hub },
  path: string,
  options: OpenOptions = {},
): Promise<{ opened: OpenedPage; circuitId: string }> {
  const before = mark(server.hub);
  const opened = await openPage(browser, `${server.url}${path}`, options);
  const started = await waitForLog(
    server.hub,
    (entry) => entry.kind === 'completion' && entry.method === 'StartCircuit' && typeof entry.result === 'string' && server.hub.circuits.has(entry.result),
    10_000,
    `${path}: its circuit`,
    before,
  );
  return { opened, circuitId: started.result as string };
}

/**
 * Closes the page's context, waits until the hubs saw every connection close (a close arrives a
 * moment after the context is gone), then clears their faults and logs: nothing of one test
 * lands in the next one's log.
 */
export async function closeAndReset(opened: OpenedPage | undefined, ...hubs: Hub[]): Promise<void> {
  await opened?.close();
  await waitUntil(() => hubs.every((hub) => hub.connectionCount === 0), 5_000, 'the hub connections to close');
  for (const hub of hubs) hub.reset({ log: true });
}

export async function recording(page: Page): Promise<Recording> {
  return page.evaluate(() => (window as unknown as RecorderWindow).__faults);
}

export async function liveTimers(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as RecorderWindow).__liveTimers?.() ?? -1);
}

/** The default dialog as the user sees it. */
export interface DialogView {
  open: boolean;
  title: string;
  classes: string[];
  retryVisible: boolean;
  reloadVisible: boolean;
}

export async function dialogView(page: Page): Promise<DialogView> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-reconnect-dialog]')?.shadowRoot;
    const dialog = root?.querySelector('dialog');
    const visible = (selector: string): boolean => !(root?.querySelector<HTMLButtonElement>(selector)?.hidden ?? true);
    return {
      open: dialog?.open ?? false,
      title: root?.querySelector('h2')?.textContent ?? '',
      classes: dialog ? [...dialog.classList] : [],
      retryVisible: visible('button.retry'),
      reloadVisible: visible('button.reload'),
    };
  });
}

export async function modalClasses(page: Page, id = 'components-reconnect-modal'): Promise<string[]> {
  return page.evaluate((modalId) => [...(document.getElementById(modalId)?.classList ?? [])], id);
}

/** Waits in the page (no round trip per poll) until `state` has been recorded `count` times. */
export async function waitForState(page: Page, state: string, count: number, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    ([wanted, n]) => (window as unknown as RecorderWindow).__faults.states.filter((s) => s.state === wanted).length >= n,
    [state, count] as const,
    { timeout: timeoutMs },
  );
}

// ---- what the hub saw ----

/** The last log sequence number: pass it to `since` to read only what happens afterwards. */
export function mark(hub: Hub): number {
  return hub.log.entries().at(-1)?.seq ?? 0;
}

export function since(hub: Hub, seq: number, kind?: HubLogKind): HubLogEntry[] {
  return hub.log.entries(kind).filter((entry) => entry.seq > seq);
}

export function completionsOf(hub: Hub, method: string, afterSeq = 0): HubLogEntry[] {
  return since(hub, afterSeq, 'completion').filter((entry) => entry.method === method);
}

/** Circuit ids the hub handed out (StartCircuit results), oldest first. */
export function startedCircuits(hub: Hub): string[] {
  return completionsOf(hub, 'StartCircuit')
    .map((entry) => entry.result)
    .filter((id): id is string => typeof id === 'string');
}

export async function waitForLog(
  hub: Hub,
  predicate: (entry: HubLogEntry) => boolean,
  timeoutMs: number,
  what: string,
  afterSeq = 0,
): Promise<HubLogEntry> {
  let found: HubLogEntry | undefined;
  await waitUntil(
    () => {
      found = since(hub, afterSeq).find(predicate);
      return found !== undefined;
    },
    timeoutMs,
    what,
  );
  if (found === undefined) throw new Error(`unreachable: ${what}`);
  return found;
}

export const isResumed = (entry: HubLogEntry): boolean =>
  entry.kind === 'completion' && entry.method === 'ConnectCircuit' && entry.result === true;

/**
 * The most hub connections open at once, from the log's connect and close entries: two
 * reconnection processes racing would show up as a second connection before the first closed.
 */
export function maxConcurrentConnections(entries: readonly HubLogEntry[]): number {
  const open = new Set<string>();
  let max = 0;
  for (const entry of entries) {
    if (entry.connectionId === undefined) continue;
    if (entry.kind === 'connect') open.add(entry.connectionId);
    else if (entry.kind === 'close') open.delete(entry.connectionId);
    max = Math.max(max, open.size);
  }
  return max;
}

// ---- the page through the DevTools protocol ----

/** SignalR connections alive in the page's heap (public fields of `HubConnection`), found without hooks. */
export interface HeapConnection {
  serverTimeoutInMilliseconds: number;
  keepAliveIntervalInMilliseconds: number;
  baseUrl: string;
  state: string;
}

export async function hubConnectionsInHeap(cdp: CDPSession): Promise<HeapConnection[]> {
  const proto = await cdp.send('Runtime.evaluate', { expression: 'Object.prototype', objectGroup: 'heap' });
  if (proto.result.objectId === undefined) throw new Error('no Object.prototype handle');
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId, objectGroup: 'heap' });
  const found = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId ?? '',
    returnByValue: true,
    functionDeclaration: `function () {
      const out = [];
      for (const o of this) {
        try {
          if (Object.prototype.hasOwnProperty.call(o, 'serverTimeoutInMilliseconds') && 'baseUrl' in o) {
            out.push({ serverTimeoutInMilliseconds: o.serverTimeoutInMilliseconds,
              keepAliveIntervalInMilliseconds: o.keepAliveIntervalInMilliseconds, baseUrl: o.baseUrl, state: o.state });
          }
        } catch { /* exotic objects */ }
      }
      return out;
    }`,
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'heap' });
  return found.result.value as HeapConnection[];
}

/**
 * JavaScript objects alive in the page (everything whose prototype chain reaches
 * `Object.prototype`), after a garbage collection. Unlike the heap's used size it leaves out
 * compiled code and what DevTools itself keeps (network resource data, console arguments).
 */
export async function liveObjectCount(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const proto = await cdp.send('Runtime.evaluate', { expression: 'Object.prototype', objectGroup: 'count' });
  if (proto.result.objectId === undefined) throw new Error('no Object.prototype handle');
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId, objectGroup: 'count' });
  const length = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId ?? '',
    returnByValue: true,
    functionDeclaration: 'function () { return this.length; }',
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'count' });
  return length.result.value as number;
}

/** Event listeners on the object `expression` returns (window, document, an element); 0 if none or it throws. */
export async function listenerCount(cdp: CDPSession, expression: string): Promise<number> {
  const handle = await cdp.send('Runtime.evaluate', { expression });
  if (handle.exceptionDetails !== undefined || handle.result.objectId === undefined) {
    if (handle.result.objectId !== undefined) await cdp.send('Runtime.releaseObject', { objectId: handle.result.objectId });
    return 0;
  }
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: handle.result.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: handle.result.objectId });
  return listeners.length;
}

/** Elements in the document plus those inside open shadow roots. */
export async function domSize(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    const visit = (root: Document | ShadowRoot): void => {
      const all = root.querySelectorAll('*');
      count += all.length;
      all.forEach((element) => {
        if (element.shadowRoot) visit(element.shadowRoot);
      });
    };
    visit(document);
    return count;
  });
}

/** Fakes the tab going to the background or foreground (headless Chromium is always "visible"). */
export async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<number> {
  return page.evaluate((wanted) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => wanted });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => wanted === 'hidden' });
    const at = Date.now();
    document.dispatchEvent(new Event('visibilitychange'));
    return at;
  }, state);
}
