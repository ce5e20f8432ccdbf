// The setup the reconnection-UI suites share: Chromium and one test site for the describe block,
// and each test's page in its own browser context (own sessionStorage, own offline switch) with
// the UI recorder, closed after the test with the hub cleared.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Hub } from '../../../demo/hub/index.mjs';
import { launchChromium } from '../support/chromium';
import { recordCspViolations, watchProblems } from '../support/page-helpers';
import type { PageProblems } from '../support/page-helpers';
import { startSite } from '../support/site';
import type { Site, SiteOptions } from '../support/site';
import { installRecorder, waitForStart } from './probe';

export interface UiPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /** How many times the page has loaded (1 until something reloads it). */
  loads: () => number;
}

export interface UiOpenOptions {
  /** The browser context's options: viewport, colour scheme, reduced motion… */
  context?: BrowserContextOptions;
  /** Runs after the page exists, before navigation (init scripts, routes). */
  beforeGoto?: (page: Page) => Promise<void>;
}

export interface UiSuite {
  readonly browser: Browser;
  readonly site: Site;
  readonly hub: Hub;
  /** Opens `path` on the site and waits until the page's `Blazor.start()` resolved. */
  open(path: string, options?: UiOpenOptions): Promise<UiPage>;
}

/** Registers the suite's hooks (call it inside `describe`) and serves `siteOptions`' pages. */
export function useUiSuite(siteOptions: SiteOptions): UiSuite {
  let browser: Browser | undefined;
  let site: Site | undefined;
  let context: BrowserContext | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the UI suite's ${what} is not started: use it inside a test`);
    return value;
  };

  const suite: UiSuite = {
    get browser() {
      return started(browser, 'browser');
    },
    get site() {
      return started(site, 'site');
    },
    get hub() {
      return started(site, 'site').hub;
    },
    async open(path, options = {}) {
      context = await suite.browser.newContext(options.context ?? {});
      const page = await context.newPage();
      const problems = watchProblems(page);
      let loads = 0;
      page.on('load', () => {
        loads += 1;
      });
      await recordCspViolations(page);
      await installRecorder(page);
      await options.beforeGoto?.(page);
      await page.goto(`${suite.site.url}${path}`);
      await waitForStart(page);
      return { context, page, problems, loads: () => loads };
    },
  };

  beforeAll(async () => {
    browser = await launchChromium();
    site = await startSite(siteOptions);
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    site?.hub.reset({ log: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  return suite;
}
