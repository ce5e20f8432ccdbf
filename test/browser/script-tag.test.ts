// The built script tag in real Chromium: autostart, autostart="false", and a second start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from './support/chromium';
import { watchProblems, waitUntil } from './support/page-helpers';
import { startSite, STRICT_CSP } from './support/site';
import type { Site } from './support/site';

const csp = { 'Content-Security-Policy': STRICT_CSP };

describe.skipIf(chromiumPath === undefined)('script tag (built IIFE)', () => {
  let browser: Browser;
  let site: Site;

  beforeAll(async () => {
    browser = await launchChromium();
    site = await startSite({
      pages: {
        '/auto.html': { body: '<!doctype html><title>auto</title><script src="/circuit-reconnect.js"></script>', headers: csp },
        '/manual.html': {
          body: '<!doctype html><title>manual</title><script src="/circuit-reconnect.js" autostart="false"></script>',
          headers: csp,
        },
      },
    });
  });

  afterAll(async () => {
    await browser.close();
    await site.close();
  });

  it('autostarts: StartCircuit reaches the hub with no page script', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}/auto.html`);
    await waitUntil(() => site.hub.circuits.size === 1, 10_000, 'a circuit');
    const start = site.hub.log.entries('invocation').find((entry) => entry.method === 'StartCircuit');
    expect(start?.args?.slice(0, 2)).toEqual([`${site.url}/auto.html`, `${site.url}/auto.html`]);
    expect(problems).toEqual({ errors: [], cspViolations: [] });
    await page.close();
    site.hub.reset({ log: true });
  });

  it('autostart="false": no hub traffic until Blazor.start(); a second start throws synchronously', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/manual.html`);
    await page.waitForLoadState('load');
    expect(site.hub.log.counters.negotiations).toBe(0);
    const result = await page.evaluate(async () => {
      const blazor = (window as unknown as { Blazor: { start(): Promise<void> } }).Blazor;
      await blazor.start();
      try {
        void blazor.start();
        return 'no throw';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(result).toBe('Blazor has already started.');
    expect(site.hub.log.counters.negotiations).toBe(1);
    await page.close();
  });
});
