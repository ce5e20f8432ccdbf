// Chromium (CDP) and Firefox (WebDriver BiDi, built into Firefox: Debian has no geckodriver)
// through puppeteer-core, which never downloads a browser. Playwright's own Firefox needs its
// patched build, and its experimental BiDi channel asks Firefox 153 ESR for a command it lacks
// (`emulation.setMediaFeaturesOverride`) when it opens a context.
import puppeteer from 'puppeteer-core';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import type { Engine, EngineName, EnginePage } from './engine';
import { EXECUTABLES } from './engine';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'];

/** Firefox preferences: no first-run pages, no background traffic to closed networks. */
const FIREFOX_PREFS = {
  'browser.shell.checkDefaultBrowser': false,
  'app.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  // A download starts without asking where to save it.
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
};

/** Firefox's content colour scheme: 0 dark, 1 light. */
const FIREFOX_SCHEME = { dark: 0, light: 1 } as const;

function wrap(page: Page): EnginePage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async press(key) {
      if (key !== 'Shift+Tab') {
        await page.keyboard.press(key);
        return;
      }
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    },
    async click(selector) {
      await page.click(selector);
    },
  };
}

/**
 * Launches Chromium or Firefox; `executable` replaces the Debian one (e.g. a wrapper that runs it
 * in a network namespace: Chromium talks over its pipes, which cross namespaces).
 */
export async function launchPuppeteer(name: Exclude<EngineName, 'webkit'>, executable?: string): Promise<Engine> {
  const executablePath = executable ?? EXECUTABLES[name];
  if (executablePath === undefined) throw new Error(`no ${name} executable: the suite should have been skipped`);
  let scheme: 'light' | 'dark' = 'light';
  const launch = (): Promise<Browser> =>
    puppeteer.launch({
      browser: name === 'firefox' ? 'firefox' : 'chrome',
      executablePath,
      headless: true,
      pipe: name === 'chromium',
      args: name === 'chromium' ? CHROMIUM_ARGS : [],
      ...(name === 'firefox'
        ? { extraPrefsFirefox: { ...FIREFOX_PREFS, 'layout.css.prefers-color-scheme.content-override': FIREFOX_SCHEME[scheme] } }
        : {}),
    });
  let browser = await launch();
  const version = await browser.version();
  let context: BrowserContext | undefined;
  let current: Page | undefined;
  return {
    name,
    version,
    // CDP's network emulation, and BiDi's `emulation.setNetworkConditions` in Firefox.
    setOffline: async (offline) => {
      if (!current) throw new Error('no page open');
      await current.setOfflineMode(offline);
    },
    async colorScheme(next) {
      if (next === scheme) return;
      scheme = next;
      if (name !== 'firefox') return;
      context = undefined;
      current = undefined;
      await browser.close();
      browser = await launch();
    },
    async newPage() {
      await context?.close();
      context = await browser.createBrowserContext();
      const page = await context.newPage();
      current = page;
      if (name === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // A new Firefox tab starts without focus: Enter on a focused button clicks nothing until
      // the tab is in front.
      await page.bringToFront();
      return wrap(page);
    },
    async close() {
      await browser.close();
    },
  };
}
