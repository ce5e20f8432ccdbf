// Screenshots of the default dialog in each state, light and dark, from the built IIFE in real
// Chromium during real outages: test-results/screenshots/dialog-<state>-<scheme>.png. Two of them
// are copied to docs/images/ for the README. Both colour schemes run side by side in two
// contexts against the same hub, so each outage is staged once.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './support/chromium';
import { watchProblems } from './support/page-helpers';
import type { PageProblems } from './support/page-helpers';
import { REPO_ROOT, startSite } from './support/site';
import type { Site } from './support/site';
import { SLOW_STATES, uiPage } from './fixtures-ui/pages';
import {
  exhaustReloadGuard,
  installRecorder,
  waitForAnimations,
  waitForStart,
} from './fixtures-ui/probe';
import { hidden, shownIn, waitForDialog } from './support/dialog-view';
import type { DialogView } from './support/dialog-view';

const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
const DOCS_IMAGES_DIR = join(REPO_ROOT, 'docs', 'images');
const FOR_THE_README = ['dialog-retrying-light.png', 'dialog-failed-dark.png'];
const SCHEMES = ['light', 'dark'] as const;

interface Tab {
  scheme: (typeof SCHEMES)[number];
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

describe.skipIf(chromiumPath === undefined)('default dialog screenshots (built IIFE)', () => {
  let browser: Browser;
  let site: Site;
  let tabs: Tab[] = [];
  const saved: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    browser = await launchChromium();
    site = await startSite({ pages: uiPage({ startScript: '/shots.js', startOptions: `{ reconnectionOptions: ${SLOW_STATES} }` }) });
    tabs = await Promise.all(
      SCHEMES.map(async (scheme) => {
        const context = await browser.newContext({ viewport: { width: 560, height: 400 }, colorScheme: scheme });
        const page = await context.newPage();
        const problems = watchProblems(page);
        await installRecorder(page);
        await page.goto(`${site.url}/shots.html`);
        await waitForStart(page);
        return { scheme, context, page, problems };
      }),
    );
  });

  afterAll(async () => {
    await browser.close();
    await site.close();
  });

  /** Waits for `check` in both tabs, lets animations settle, and saves each tab's viewport. */
  async function shoot(state: string, check: (view: DialogView) => boolean): Promise<void> {
    await Promise.all(
      tabs.map(async ({ scheme, page }) => {
        await waitForDialog(page, check, `${state} (${scheme})`);
        await waitForAnimations(page);
        const name = `dialog-${state}-${scheme}.png`;
        // `animations: 'disabled'` stops the spinner at its first frame: the same picture every run.
        await page.screenshot({ path: join(SCREENSHOT_DIR, name), animations: 'disabled' });
        saved.push(name);
      }),
    );
  }

  async function forEachTab(action: (tab: Tab) => Promise<void>): Promise<void> {
    await Promise.all(tabs.map(action));
  }

  it('rejoining, retrying and failed during one outage', async () => {
    site.hub.down(60_000);
    await shoot('rejoining', shownIn('show'));
    // Wait for the first whole second of the countdown, so the picture reads the same every run.
    await shoot('retrying', (view) => shownIn('retrying')(view) && view.text.endsWith('in 2\u00a0seconds'));
    await shoot('failed', (view) => shownIn('failed')(view) && view.buttons.length === 2);

    site.hub.reset();
    await forEachTab(async ({ page }) => {
      await page.keyboard.press('Enter'); // Retry has focus
      await waitForDialog(page, hidden, 'the dialog to hide after Retry');
    });
  });

  it('offline', async () => {
    await forEachTab(({ context }) => context.setOffline(true));
    site.hub.drop();
    await shoot('offline', shownIn('offline'));
    await forEachTab(async ({ context, page }) => {
      await context.setOffline(false);
      await waitForDialog(page, hidden, 'the dialog to hide when the network is back');
    });
  });

  it('rejected, with the Reload button (reload guard at its limit)', async () => {
    await forEachTab(({ page }) => exhaustReloadGuard(page));
    site.hub.restart();
    await shoot('rejected', (view) => shownIn('rejected')(view) && view.buttons.includes('Reload'));
  });

  it('saved every state in both schemes, copied two for the README, with no page error', () => {
    const expected = ['rejoining', 'retrying', 'failed', 'offline', 'rejected'].flatMap((state) =>
      SCHEMES.map((scheme) => `dialog-${state}-${scheme}.png`),
    );
    expect([...saved].sort()).toEqual([...expected].sort());
    mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
    for (const name of FOR_THE_README) copyFileSync(join(SCREENSHOT_DIR, name), join(DOCS_IMAGES_DIR, name));
    for (const tab of tabs) expect(tab.problems.errors, tab.scheme).toEqual([]);
  });
});
