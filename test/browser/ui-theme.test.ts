// A themed default dialog, as the README shows it: a page stylesheet (same-origin, under a strict
// CSP on one page) sets the custom properties on the dialog's host and styles its parts. The theme reaches
// into the shadow root, axe-core finds no contrast problem, and the screenshot is the README's.
// Also: the countdown's "1 second" never breaks across lines, at 320 px and at the default width.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium';
import { REPO_ROOT, STRICT_CSP } from './support/site';
import { shownIn, waitForDialog } from './support/dialog-view';
import { axeViolations } from './fixtures-ui/axe';
import { SLOW_STATES, uiPage } from './fixtures-ui/pages';
import { shadowStyle, waitForAnimations } from './fixtures-ui/probe';
import { useUiSuite } from './fixtures-ui/ui-suite';

/** The README's theme, from its sample page, served here as a same-origin stylesheet. */
const THEME = /<style>([\s\S]*?)<\/style>/.exec(readFileSync(join(REPO_ROOT, 'test/package/fixtures/pages/theme.html'), 'utf8'))?.[1] ?? '';
const SCREENSHOT = join(REPO_ROOT, 'test-results', 'screenshots', 'dialog-themed.png');
/** 1 s between attempts: every wait's countdown shows "1 second". */
const ONE_SECOND = '{ maxRetries: 10, retryIntervalMilliseconds: 1000 }';

/** Whether the dialog's text shows "1 second" with both words on one line. */
const oneSecondOnOneLine = (page: Page) =>
  page.evaluate(() => {
    const heading = document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector('h2');
    const text = heading?.firstChild;
    const at = text?.textContent?.indexOf('1\u00a0second') ?? -1;
    if (!text || at < 0) return undefined;
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + '1\u00a0second'.length);
    const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    return tops.size === 1;
  });

describe.skipIf(chromiumPath === undefined)('themed default dialog (built IIFE, strict CSP)', () => {
  const csp = { 'Content-Security-Policy': STRICT_CSP };
  const suite = useUiSuite({
    pages: {
      '/theme.css': { body: THEME, contentType: 'text/css; charset=utf-8' },
      ...uiPage({
        startScript: '/themed.js',
        startOptions: `{ reconnectionOptions: ${SLOW_STATES} }`,
        // No CSP here: axe-core is injected as an inline script (the CSP path: the other page).
        extraHead: '<link rel="stylesheet" href="/theme.css">',
      }),
      // The theme under a strict CSP: a same-origin stylesheet is all it takes.
      ...uiPage({
        startScript: '/countdown.js',
        startOptions: `{ reconnectionOptions: ${ONE_SECOND} }`,
        extraHead: '<link rel="stylesheet" href="/theme.css">',
        headers: csp,
      }),
    },
  });

  it('takes the custom properties and the parts, passes axe (contrast included) and is screenshot', async () => {
    const { page, problems } = await suite.open('/themed.html', { context: { viewport: { width: 560, height: 400 } } });
    suite.hub.down(60_000);
    await waitForDialog(page, shownIn('retrying'), 'the countdown');
    await waitForAnimations(page);
    expect(await axeViolations(page)).toEqual([]);

    await waitForDialog(page, (view) => shownIn('failed')(view) && view.buttons.length === 2, 'failed, Retry and Reload');
    await waitForAnimations(page);
    expect(await shadowStyle(page, 'dialog', ['background-color', 'color', 'border-radius', 'font-family', 'padding-left', 'border-top-color'])).toEqual({
      'background-color': 'rgb(251, 247, 239)',
      color: 'rgb(43, 33, 24)',
      'border-radius': '0px',
      'font-family': 'Georgia, serif',
      'padding-left': '32px',
      'border-top-color': 'rgb(109, 40, 217)',
    });
    expect(await shadowStyle(page, 'button.retry', ['background-color', 'color', 'text-transform'])).toEqual({
      'background-color': 'rgb(109, 40, 217)',
      color: 'rgb(255, 255, 255)',
      'text-transform': 'uppercase',
    });
    // Reload beside Retry is outlined in the dialog's text colour.
    expect(await shadowStyle(page, 'button.reload', ['background-color', 'color'])).toEqual({
      'background-color': 'rgba(0, 0, 0, 0)',
      color: 'rgb(43, 33, 24)',
    });
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(join(REPO_ROOT, 'test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
    copyFileSync(SCREENSHOT, join(REPO_ROOT, 'docs', 'images', 'dialog-themed.png'));
    expect(problems).toEqual({ errors: [], cspViolations: [] });
  });

  it.each([320, 1280])('never breaks "1 second" across lines at %i px', async (width) => {
    const { page, problems } = await suite.open('/countdown.html', { context: { viewport: { width, height: 600 } } });
    suite.hub.down(60_000);
    await waitForDialog(page, (view) => view.visible && view.text.includes('1\u00a0second'), 'a countdown at 1 second');
    await waitForAnimations(page);
    expect(await oneSecondOnOneLine(page)).toBe(true);
    expect(await shadowStyle(page, 'dialog', ['font-family'])).toEqual({ 'font-family': 'Georgia, serif' });
    expect(problems).toEqual({ errors: [], cspViolations: [] });
  });
});
