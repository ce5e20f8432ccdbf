// An expired sign-in against the ASP.NET Core sample's /secure hub (cookie authentication; POST
// /expire rejects older cookies and closes their connections), in Chromium with the built
// script tag: the page enters `unauthorized` and sends no further negotiation; with
// `onUnauthorized` it signs in again and reconnects; without it, Sign in reloads the page once,
// and the reloaded page waits for the user instead of reloading again.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BlazorApi, Circuit } from '../../src/index';
import { hidden, readDialog, shownIn, waitForDialog } from '../browser/support/dialog-view';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, REPOSITORY_ROOT, skipLoudly, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { delay, waitUntil } from '../support/wait';

const SCRIPT = join(REPOSITORY_ROOT, 'dist', 'circuit-reconnect.min.js');
const skip =
  chromiumPath === undefined ||
  skipWithoutDotnetApps([DOTNET_PROJECTS.aspnetcore]) ||
  skipLoudly(existsSync(SCRIPT) ? undefined : 'dist/circuit-reconnect.min.js is not built (run `npm run build`)');

/**
 * The page: signs in once (first load only), then starts on /secure; `?refresh` gives it an
 * `onUnauthorized` that signs in again, as a silent token or cookie refresh would.
 */
const HARNESS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>auth</title></head><body>
<script src="/circuit-reconnect.min.js" autostart="false"></script>
<script src="/test/auth-page.js"></script>
</body></html>`;
const PAGE_SCRIPT = `
const signIn = () => fetch('/signin?name=ada', { method: 'POST' });
window.recorded = { states: [], signIns: 0 };
// The README's sample (a renewed cookie; a token for accessTokenFactory works the same way):
const reconnectionOptions = {
  // Called once by itself when the hub answers 401 or 403, then by the dialog's Sign in.
  onUnauthorized: async () => {
    await fetch('/signin?name=ada', { method: 'POST' });
  },
};
const counted = {
  onUnauthorized: async () => {
    window.recorded.signIns += 1;
    // A popup a browser blocks outside a click, say: the first, automatic call fails.
    if (location.search.includes('fail-once') && window.recorded.signIns === 1) throw new Error('popup blocked');
    await reconnectionOptions.onUnauthorized();
  },
};
window.ready = (sessionStorage.getItem('signed-in') ? Promise.resolve() : signIn().then(() => sessionStorage.setItem('signed-in', '1')))
  .then(() => Blazor.start({
    circuitHandshake: false,
    configureSignalR: (builder) => builder.withUrl('/secure'),
    reconnectionOptions: location.search.includes('refresh') ? counted : {},
  }))
  .then((circuit) => {
    window.circuit = circuit;
    circuit.onStateChange((state) => window.recorded.states.push(state));
  });
`;

interface AuthWindow {
  Blazor: BlazorApi;
  circuit: Circuit | undefined;
  ready: Promise<void>;
  recorded: { states: string[]; signIns: number };
}

describe.skipIf(skip)('an expired sign-in on a real ASP.NET Core hub, in Chromium', () => {
  let browser: Browser;
  let app: DotnetApp;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startDotnetApp({ project: DOTNET_PROJECTS.aspnetcore });
  });

  afterAll(async () => {
    await browser.close();
    await app.stop();
  });

  /** Opens the page signed in and connected; counts its negotiations and navigations. */
  async function openSignedIn(query: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/auth.html*', (route) => route.fulfill({ contentType: 'text/html', body: HARNESS }));
    await page.route('**/test/auth-page.js', (route) => route.fulfill({ contentType: 'text/javascript', body: PAGE_SCRIPT }));
    const counts = { negotiations: 0, navigations: 0, webSockets: 0 };
    page.on('request', (request) => {
      if (request.url().includes('/secure/negotiate')) counts.negotiations += 1;
    });
    page.on('websocket', () => (counts.webSockets += 1));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) counts.navigations += 1;
    });
    await page.goto(`${app.url}/auth.html${query}`);
    await page.evaluate(() => (window as unknown as AuthWindow).ready);
    expect(await whoAmI(page)).toBe('ada');
    // Over WebSockets, as in production (not a fallback transport).
    expect(counts).toMatchObject({ negotiations: 1, webSockets: 1 });
    return { page, counts, close: () => context.close() };
  }

  const whoAmI = (page: Page) => page.evaluate(() => (window as unknown as AuthWindow).circuit?.invoke<string>('WhoAmI'));
  const recorded = (page: Page) => page.evaluate(() => (window as unknown as AuthWindow).recorded);
  const expire = async () => {
    expect((await fetch(`${app.url}/expire`, { method: 'POST' })).status).toBe(200);
  };

  it('onUnauthorized signs in again: one call, connected again, nothing shown beyond the outage', async () => {
    const { page, counts, close } = await openSignedIn('?refresh');
    await expire();
    await waitUntil(async () => (await recorded(page)).states.at(-1) === 'connected', 20_000, 'the page to sign in and reconnect');
    const { states, signIns } = await recorded(page);
    expect(states).toEqual(['reconnecting', 'unauthorized', 'reconnecting', 'connected']);
    expect(signIns).toBe(1);
    expect(await whoAmI(page)).toBe('ada');
    expect((await readDialog(page)).classes).not.toContain('components-reconnect-unauthorized');
    // The first, the refused one, the signed-in one.
    expect(counts).toMatchObject({ navigations: 1, negotiations: 3, webSockets: 2 });
    await close();
  });

  it('without onUnauthorized: unauthorized, no further negotiation; Sign in reloads once, and the reloaded page waits', async () => {
    const { page, counts, close } = await openSignedIn('');
    await expire();
    const view = await waitForDialog(page, shownIn('unauthorized'), 'the unauthorized dialog', 20_000);
    expect(view).toMatchObject({ text: 'Your sign-in has expired.', buttons: ['Sign in'], focus: 'Sign in' });
    expect((await recorded(page)).states).toEqual(['reconnecting', 'unauthorized']);
    const refusedAt = counts.negotiations;
    // Held, not asserted on time: the default policy would have made several attempts by now.
    await delay(5_000);
    expect(counts.negotiations).toBe(refusedAt);
    expect(counts.navigations).toBe(1);

    // Sign in reloads (to the app's sign-in, in a real app). This page's cookie is still expired:
    // the first start is refused, and the page waits on its Sign in again, with no reload loop.
    await page.keyboard.press('Enter');
    await waitUntil(() => counts.navigations === 2, 10_000, 'the reload');
    await waitForDialog(page, shownIn('unauthorized'), 'the unauthorized dialog after the reload', 20_000);
    await delay(3_000);
    expect(counts.navigations).toBe(2);
    expect((await readDialog(page)).visible).toBe(true);
    await close();
  });

  it('an onUnauthorized that fails is offered again by Sign in, which reconnects', async () => {
    const { page, close } = await openSignedIn('?refresh&fail-once');
    await expire();
    await waitForDialog(page, shownIn('unauthorized'), 'the unauthorized dialog after the failed refresh', 20_000);
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await recorded(page)).states.at(-1) === 'connected', 20_000, 'Sign in to reconnect');
    expect(await recorded(page)).toEqual({ states: ['reconnecting', 'unauthorized', 'reconnecting', 'connected'], signIns: 2 });
    await waitForDialog(page, hidden, 'the dialog to close');
    expect(await whoAmI(page)).toBe('ada');
    await close();
  });
});
