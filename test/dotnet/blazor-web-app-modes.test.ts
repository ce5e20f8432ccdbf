// The Blazor Web App in the modes the library is used in: ReconnectUi=library (the default),
// ReconnectUi=template (the template's ReconnectModal in the page), and under a strict
// Content-Security-Policy. Until dist/circuit-reconnect.blazor.min.js is built, the page must
// still work, with Blazor's own handler as the fallback.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, REPOSITORY_ROOT, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import { waitUntil } from '../support/wait';
import { increment, waitForCircuit } from './support/counter-page';
import { cspViolations, reconnectStates, recordPageEvents } from './support/page-watch';

const HANDLER_SCRIPT = 'circuit-reconnect.blazor.min.js';
const STRICT_CSP = "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'";
const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);

/** An app in one mode behind a proxy, and a browser, for one describe block. */
function useApp(args: string[]) {
  const state = {} as { browser: Browser; app: DotnetApp; proxy: TcpProxy };
  beforeAll(async () => {
    state.browser = await launchChromium();
    state.app = await startDotnetApp({ project: DOTNET_PROJECTS.blazorWebApp, args });
    state.proxy = await startTcpProxy(state.app.port);
  });
  afterAll(async () => {
    await state.browser.close();
    await state.proxy.close();
    await state.app.stop();
  });
  return state;
}

/** Drops the connection for long enough that any handler shows its UI, then lets it reconnect. */
async function outage(proxy: TcpProxy, ms: number): Promise<void> {
  const before = proxy.attempts.length;
  proxy.refuse(ms);
  proxy.cut();
  await waitUntil(() => proxy.attempts.slice(before).some((a) => a.outcome === 'forwarded'), ms + 40_000, 'a reconnect');
}

describe.skipIf(skip)('Blazor Web App, ReconnectUi=library (the default)', () => {
  const state = useApp([]);

  it('asks for the handler script (200 once built, 404 before) and works either way', async () => {
    const built = existsSync(join(REPOSITORY_ROOT, 'dist', HANDLER_SCRIPT));
    const page = await state.browser.newPage();
    const script = page.waitForResponse((response) => response.url().endsWith(`/${HANDLER_SCRIPT}`));
    await page.goto(`${state.proxy.url}/counter`);
    expect((await script).status()).toBe(built ? 200 : 404);
    expect(await page.evaluate(() => 'CircuitReconnect' in window)).toBe(built);
    expect(await page.$('#components-reconnect-modal')).toBeNull();
    await waitForCircuit(page);
    await increment(page);
    await outage(state.proxy, 1_500);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
    await page.close();
  });
});

describe.skipIf(skip)('Blazor Web App, ReconnectUi=template under a strict CSP', () => {
  const state = useApp(['--ReconnectUi=template', '--StrictCsp=true']);

  it('sends the policy, leaves out the inline import map, and loads without a violation', async () => {
    const page = await state.browser.newPage();
    await recordPageEvents(page);
    const response = await page.goto(`${state.proxy.url}/counter`);
    expect(response?.headers()['content-security-policy']).toContain(STRICT_CSP);
    expect(await page.$('script[type="importmap"]')).toBeNull();
    expect(await page.$('dialog#components-reconnect-modal')).not.toBeNull();
    await waitForCircuit(page);
    await increment(page);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('an outage opens the template\'s dialog and closes it on reconnect, with no violation', async () => {
    const page = await state.browser.newPage();
    await recordPageEvents(page);
    await page.goto(`${state.proxy.url}/counter`);
    await waitForCircuit(page);
    await increment(page);
    await outage(state.proxy, 2_000);
    await waitUntil(async () => (await reconnectStates(page)).at(-1) === 'hide', 30_000, 'the "hide" state');
    expect(await reconnectStates(page)).toContain('show');
    expect(await page.$eval('#components-reconnect-modal', (dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});

describe.skipIf(skip)('Blazor Web App, ReconnectUi=blazor under a strict CSP (the baseline)', () => {
  const state = useApp(['--ReconnectUi=blazor', '--StrictCsp=true']);

  it('loads clean, but Blazor\'s own dialog is refused by style-src at the first outage', async () => {
    const page = await state.browser.newPage();
    await recordPageEvents(page);
    await page.goto(`${state.proxy.url}/counter`);
    await waitForCircuit(page);
    expect(await cspViolations(page)).toEqual([]);
    await outage(state.proxy, 500);
    // Blazor 10's default dialog sets inline styles, which style-src 'self' refuses: the reason
    // a strict-CSP site needs the library's dialog or the page's own modal.
    await waitUntil(async () => (await cspViolations(page)).length > 0, 10_000, 'a CSP violation');
    expect((await cspViolations(page))[0]).toMatch(/^style-src/);
    expect(await increment(page)).toEqual({ persisted: 1, plain: 1 });
    await page.close();
  });
});
