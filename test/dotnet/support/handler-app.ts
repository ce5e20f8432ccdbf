// One real app behind a TCP proxy, a Chromium, and a fresh watched /counter page per test: the
// setting every circuit-reconnect handler test starts from.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../browser/support/chromium';
import { startDotnetApp } from '../../support/dotnet-app';
import type { DotnetApp } from '../../support/dotnet-app';
import type { DotnetProject } from '../../support/dotnet-apps';
import { startTcpProxy } from '../../support/tcp-proxy';
import type { TcpProxy } from '../../support/tcp-proxy';
import { waitUntil } from '../../support/wait';
import { waitForCircuit } from './counter-page';
import { readWatch, watchHandlerPage } from './handler-watch';

export interface HandlerApp {
  readonly browser: Browser;
  readonly app: DotnetApp;
  readonly proxy: TcpProxy;
  /**
   * A new context (own sessionStorage) with a watched, interactive /counter page.
   * @param prepare - runs before the page loads (more init scripts).
   */
  openCounter(prepare?: (page: Page) => Promise<void>): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Starts the app and the proxy once for a describe block, and closes every context a test opened
 * after it (and re-opens the proxy, so one failed test never leaves the next behind a refusal).
 */
export function useHandlerApp(project: DotnetProject, args: string[] = [], env: Record<string, string> = {}): HandlerApp {
  const contexts: BrowserContext[] = [];
  const state = {} as { browser: Browser; app: DotnetApp; proxy: TcpProxy };
  beforeAll(async () => {
    state.browser = await launchChromium();
    state.app = await startDotnetApp({ project, args, env });
    state.proxy = await startTcpProxy(state.app.port);
  });
  afterEach(async () => {
    state.proxy.refuse(0);
    state.proxy.blackHole(false);
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await state.browser.close();
    await state.proxy.close();
    await state.app.stop();
  });
  return {
    get browser() { return state.browser; },
    get app() { return state.app; },
    get proxy() { return state.proxy; },
    async openCounter(prepare) {
      const context = await state.browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await watchHandlerPage(page);
      await prepare?.(page);
      await page.goto(`${state.proxy.url}/counter`);
      await waitForCircuit(page);
      return { context, page };
    },
  };
}

/** Index of the first proxy attempt from now on, to read the attempts of one outage. */
export function mark(proxy: TcpProxy): number {
  return proxy.attempts.length;
}

/**
 * Waits for the page's handler to report the outage over (`hide`, the state event of resumed)
 * after `since` (a `Date.now()`), and returns when it did.
 */
export async function waitForHide(page: Page, since: number, timeoutMs = 30_000): Promise<number> {
  let at = 0;
  await waitUntil(
    async () => {
      const hide = (await readWatch(page)).states.find((entry) => entry.state === 'hide' && entry.at >= since);
      at = hide?.at ?? 0;
      return hide !== undefined;
    },
    timeoutMs,
    'the "hide" state',
    async () => `states: ${JSON.stringify((await readWatch(page)).states.filter((s) => s.at >= since))}`,
  );
  return at;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
