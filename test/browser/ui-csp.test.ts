// The default dialog under strict Content Security Policies, in real Chromium: no violation and no
// console error in any state, and the dialog really styled (a blocked stylesheet would leave the
// browser's bare <dialog>). Also a browser without constructable stylesheets: the dialog still
// opens with the browser's own styles, inserts no <style>, and causes no violation.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium';
import { hidden, shownIn, waitForDialog } from './support/dialog-view';
import { cspViolationsInPage, htmlSinkResult, waitUntil } from './support/page-helpers';
import { STRICT_CSP, TRUSTED_TYPES_CSP } from './support/site';
import { SLOW_STATES, uiPage } from './fixtures-ui/pages';
import { exhaustReloadGuard, shadowStyle } from './fixtures-ui/probe';
import { useUiSuite } from './fixtures-ui/ui-suite';

const NONCE = 'r4nd0mN0nce';
// Each waiting state lasts about 2 s, so a poll sees the one it checks: with 300 ms between
// attempts the rejoining state lasted about 100 ms, and a slow machine read the failed one first.
const START_OPTIONS = `{ reconnectionOptions: ${SLOW_STATES} }`;
const NONCE_CSP = `default-src 'self'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'; connect-src 'self'`;

/** Values from styles/reconnect.css that the browser's bare `<dialog>` does not have. */
const STYLED_DIALOG = { 'border-radius': '12px', 'background-color': 'rgb(255, 255, 255)', 'text-align': 'center' };
const STYLED_BUTTON = { 'background-color': 'rgb(9, 105, 218)', color: 'rgb(255, 255, 255)' };

/** How the dialog's stylesheet got into the shadow root: constructed, or `<style>` elements. */
async function styleInstallation(page: Page): Promise<{ adopted: number; styles: (string | null)[] }> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-reconnect-dialog]')?.shadowRoot;
    if (!root) throw new Error('no dialog');
    const adopted = 'adoptedStyleSheets' in root ? root.adoptedStyleSheets.length : 0;
    return { adopted, styles: Array.from(root.querySelectorAll('style')).map((style) => style.nonce || null) };
  });
}

describe.skipIf(chromiumPath === undefined)('default dialog under a strict CSP (built IIFE)', () => {
  const suite = useUiSuite({
    pages: {
      ...uiPage({ startScript: '/strict.js', startOptions: START_OPTIONS, headers: { 'Content-Security-Policy': STRICT_CSP } }),
      ...uiPage({ startScript: '/trusted-types.js', startOptions: START_OPTIONS, headers: { 'Content-Security-Policy': TRUSTED_TYPES_CSP } }),
      ...uiPage({ startScript: '/nonce.js', startOptions: START_OPTIONS, nonce: NONCE, headers: { 'Content-Security-Policy': NONCE_CSP } }),
    },
  });

  /** An engine without constructable stylesheets (Safari < 16.4, Firefox < 101); an init script. */
  async function withoutConstructableSheets(page: Page): Promise<void> {
    await page.addInitScript(() => {
      Reflect.deleteProperty(ShadowRoot.prototype, 'adoptedStyleSheets');
      Reflect.deleteProperty(Document.prototype, 'adoptedStyleSheets');
      Reflect.deleteProperty(CSSStyleSheet.prototype, 'replaceSync');
      Reflect.deleteProperty(CSSStyleSheet.prototype, 'replace');
    });
  }

  for (const [name, path] of [
    ['STRICT_CSP', '/strict.html'],
    ['TRUSTED_TYPES_CSP', '/trusted-types.html'],
  ] as const) {
    it(`${name}: every state shows a styled dialog without a violation or a console error`, async () => {
      const { page, problems, context } = await suite.open(path);

      suite.hub.down(60_000);
      await waitForDialog(page, (view) => view.visible, 'the dialog during the outage');
      expect(await shadowStyle(page, 'dialog', Object.keys(STYLED_DIALOG))).toEqual(STYLED_DIALOG);
      expect(await shadowStyle(page, '.spinner', ['border-top-color', 'border-radius'])).toEqual({
        'border-top-color': 'rgb(9, 105, 218)',
        'border-radius': '50%',
      });

      await waitForDialog(page, shownIn('failed'), 'the failed state');
      expect(await shadowStyle(page, 'button.retry', Object.keys(STYLED_BUTTON))).toEqual(STYLED_BUTTON);
      expect(await styleInstallation(page)).toEqual({ adopted: 1, styles: [] });

      suite.hub.reset();
      await page.keyboard.press('Enter');
      await waitForDialog(page, hidden, 'the dialog to hide after Retry');

      await context.setOffline(true);
      suite.hub.drop();
      await waitForDialog(page, shownIn('offline'), 'the offline state');
      await context.setOffline(false);
      await waitForDialog(page, hidden, 'the dialog to hide when the network is back');

      await exhaustReloadGuard(page);
      suite.hub.restart();
      const rejected = await waitForDialog(page, shownIn('rejected'), 'the rejected state');
      expect(rejected.buttons).toEqual(['Reload']);
      expect(await shadowStyle(page, 'dialog', Object.keys(STYLED_DIALOG))).toEqual(STYLED_DIALOG);

      expect(await cspViolationsInPage(page)).toEqual([]);
      expect(problems).toEqual({ errors: [], cspViolations: [] });

      // Controls: the policy is enforced on this page, and a violation would have been seen.
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'main { color: red; }';
        document.head.append(style);
      });
      await waitUntil(async () => (await cspViolationsInPage(page)).length === 1, 5_000, 'the control violation');
      if (path === '/trusted-types.html') {
        expect(await htmlSinkResult(page)).toBe('TypeError');
      }
    });
  }

  it("style-src 'nonce-…' without constructable stylesheets: the dialog opens in the browser's own styles, no <style>, no violation", async () => {
    const { page, problems } = await suite.open('/nonce.html', { beforeGoto: withoutConstructableSheets });
    suite.hub.down(60_000);
    const shown = await waitForDialog(page, (view) => view.visible, 'the dialog during the outage');
    expect(shown.modal).toBe(true);
    expect(shown.text).toMatch(/^(Rejoining the server\u2026|Rejoin failed\u2026 trying again in \d+\sseconds?)$/);
    const failed = await waitForDialog(page, shownIn('failed'), 'the failed state');
    expect(failed.text).toBe('Failed to rejoin. Please retry or reload the page.');
    expect(failed.buttons).toEqual(['Retry', 'Reload']);
    expect(failed.focus).toBe('Retry');

    expect(await styleInstallation(page)).toEqual({ adopted: 0, styles: [] });
    // Plainer: the browser's <dialog>, none of reconnect.css.
    expect(await shadowStyle(page, 'dialog', ['border-radius', 'text-align'])).toEqual({ 'border-radius': '0px', 'text-align': 'start' });
    expect(await cspViolationsInPage(page)).toEqual([]);
    expect(problems).toEqual({ errors: [], cspViolations: [] });

    // Retry still works from the keyboard.
    suite.hub.reset();
    await page.keyboard.press('Enter');
    await waitForDialog(page, hidden, 'the dialog to hide after Retry');

    // Control: the policy is enforced on this page, and a violation would have been seen.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'main { color: red; }';
      document.head.append(style);
    });
    await waitUntil(async () => (await cspViolationsInPage(page)).length === 1, 5_000, 'the control violation');
  });
});
