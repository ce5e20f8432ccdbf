// The minified script tag keeps error class names: a page's console names SignalR's errors
// (FailedToNegotiateWithServerError, HttpError) instead of a minifier's one-letter class.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from './support/chromium';
import { waitUntil } from './support/page-helpers';
import { startSite } from './support/site';
import type { Site } from './support/site';

describe.skipIf(chromiumPath === undefined)('minified script tag: readable error names in the console', () => {
  let browser: Browser;
  let site: Site;

  beforeAll(async () => {
    browser = await launchChromium();
    site = await startSite({
      pages: { '/min.html': '<!doctype html><title>min</title><script src="/circuit-reconnect.min.js"></script>' },
    });
  });

  afterAll(async () => {
    await browser.close();
    await site.close();
  });

  it("logs a failed first negotiation with SignalR's class name", async () => {
    site.hub.down(60_000);
    const page = await browser.newPage();
    // The class name of the error the library logs: what the console prints before its message.
    const logged: string[] = [];
    page.on('console', (message) => {
      const error = message.args()[1];
      if (!message.text().startsWith('[circuit-reconnect] Start failed; retrying.') || !error) return;
      void error.evaluate((value: unknown) => (value as object).constructor.name).then((name) => logged.push(name));
    });
    await page.goto(`${site.url}/min.html`);
    await waitUntil(() => logged.length > 0, 10_000, 'the start failure to be logged');
    expect(logged[0]).toBe('FailedToNegotiateWithServerError');
    await page.close();
    site.hub.reset({ log: true });
  });
});
