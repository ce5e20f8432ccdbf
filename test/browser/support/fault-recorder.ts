// The fault suites' in-page recorder (test/browser/faults-*.test.ts): installed before any page
// script, it keeps what the user saw (state events, the default dialog's openings and headings)
// and, on request, counts live timers.
import type { Page } from 'playwright-core';

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
export function installRecorder(): void {
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
export function installTimerCounter(): void {
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

/** What the recorder saw since the page loaded. */
export async function recording(page: Page): Promise<Recording> {
  return page.evaluate(() => (window as unknown as RecorderWindow).__faults);
}

/** Timers alive in the page; -1 when the page was opened without `timers: true`. */
export async function liveTimers(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as RecorderWindow).__liveTimers?.() ?? -1);
}

/** Waits in the page (no round trip per poll) until `state` has been recorded `count` times. */
export async function waitForState(page: Page, state: string, count: number, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    ([wanted, n]) => (window as unknown as RecorderWindow).__faults.states.filter((s) => s.state === wanted).length >= n,
    [state, count] as const,
    { timeout: timeoutMs },
  );
}
