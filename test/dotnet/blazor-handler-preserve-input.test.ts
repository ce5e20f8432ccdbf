// Keep what the user typed, in a real Blazor Web App: the server process dies with the circuit,
// circuit-reconnect's handler reloads the page, and the reloaded /contact page gets its text and
// focus back in the interactive form (which replaces the prerendered one), with the component's
// model updated through Blazor's own `@bind`.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { waitUntil } from '../support/wait';
import { useHandlerApp } from './support/handler-app';
import { watchHandlerPage } from './support/handler-watch';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);

/** The Send button is enabled once the circuit rendered the form. */
const waitForInteractive = (page: Page) =>
  page.waitForFunction(() => document.querySelector('#send:not([disabled])') !== null, undefined, { timeout: 20_000 });

/** Counts the page's loads in its own sessionStorage (it survives a reload, per tab). */
const countLoads = (page: Page) =>
  page.addInitScript(() => {
    sessionStorage.setItem('test:loads', String(Number(sessionStorage.getItem('test:loads') ?? '0') + 1));
  });

describe.skipIf(skip)('Blazor handler, Blazor Web App: input kept across the reload of a lost circuit', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp);

  it('the template-rendered form keeps its text and focus, and the component sees the values', async () => {
    const context = await setup.browser.newContext();
    try {
      const page = await context.newPage();
      await watchHandlerPage(page);
      await countLoads(page);
      await page.goto(`${setup.proxy.url}/contact`);
      await waitForInteractive(page);
      await page.fill('#name', 'Ada');
      await page.fill('#body', 'Half a message');
      await page.focus('#body');
      await page.locator('#body').press('End');
      // The name reached the circuit (its change event fired when the focus moved on); the
      // message, still focused, has not: `@bind` waits for its change event.
      await waitUntil(async () => (await page.textContent('#preview'))?.trim() === 'Ada:', 10_000, 'the preview');

      await setup.app.kill();
      await setup.app.restart();
      await waitUntil(async () => {
        try {
          return (await page.evaluate(() => sessionStorage.getItem('test:loads'))) === '2';
        } catch {
          return false; // navigating
        }
      }, 40_000, 'the reload');
      await waitForInteractive(page);
      // Both reached the new circuit: restoring fires input and change, as a user's edit does.
      await waitUntil(async () => (await page.textContent('#preview')) === 'Ada: Half a message', 10_000, 'the restored preview', async () => `preview: ${await page.textContent('#preview')}`);
      expect(await page.inputValue('#name')).toBe('Ada');
      expect(await page.inputValue('#body')).toBe('Half a message');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('body');
      const left = await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('circuit-reconnect:input:')));
      expect(left).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
