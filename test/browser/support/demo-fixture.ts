// Opening pages for the browser fault suite (test/browser/faults-*.test.ts): each page in its own
// browser context (own sessionStorage, own offline switch) with the in-page recorder, and closing
// it so that nothing of one test reaches the next one's hub log.
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import type { Hub } from '../../../demo/hub/index.mjs';
import { installRecorder, installTimerCounter } from './fault-recorder';
import { mark, waitForLog } from './hub-log';
import { waitUntil, watchProblems } from './page-helpers';
import type { PageProblems } from './page-helpers';

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
  /** Count live timers (read them with `liveTimers`). */
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
