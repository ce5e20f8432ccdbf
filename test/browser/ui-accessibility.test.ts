// Accessibility of the default dialog in real Chromium: axe-core finds nothing in any state, focus
// moves in when an action is offered and back out when the dialog hides, Escape does nothing,
// Tab never reaches the page behind the modal; a 320 px screen, dark mode and reduced motion.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './support/chromium';
import { waitUntil, watchProblems } from './support/page-helpers';
import type { PageProblems } from './support/page-helpers';
import { startSite } from './support/site';
import type { Site } from './support/site';
import { axeViolations } from './fixtures-ui/axe';
import { SLOW_STATES, uiPage } from './fixtures-ui/pages';
import {
  exhaustReloadGuard,
  installRecorder,
  shadowStyle,
  waitForAnimations,
  waitForStart,
} from './fixtures-ui/probe';
import { hidden, readDialog, shownIn, waitForDialog } from './support/dialog-view';
import type { DialogView } from './support/dialog-view';

/** The element focused in the page, looking into the dialog's shadow root: an id, or the dialog's part. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.hasAttribute('data-reconnect-dialog')) {
      const inner = active.shadowRoot?.activeElement;
      return `dialog:${inner?.tagName === 'BUTTON' ? inner.textContent : (inner?.tagName.toLowerCase() ?? 'none')}`;
    }
    return active?.id ? `#${active.id}` : (active?.tagName.toLowerCase() ?? 'none');
  });
}

/** Whether the offered button shows its keyboard focus ring, and the ring (`outline`). */
async function focusRing(page: Page): Promise<{ focusVisible: boolean; outline: string }> {
  return page.evaluate(() => {
    const button = document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector('button:not([hidden])');
    if (!button) throw new Error('no button offered');
    return { focusVisible: button.matches(':focus-visible'), outline: getComputedStyle(button).outline };
  });
}

interface AXNodeLike {
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string };
}

/** What assistive technology gets: the `role "name"` of every non-ignored node with one of `roles`. */
async function accessibilityTree(page: Page, roles: string[]): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNodeLike[] };
    return nodes
      .filter((node) => !node.ignored && roles.includes(node.role?.value ?? ''))
      .map((node) => `${node.role?.value ?? ''} "${node.name?.value ?? ''}"`);
  } finally {
    await cdp.detach();
  }
}

describe.skipIf(chromiumPath === undefined)('default dialog accessibility (built IIFE)', () => {
  let browser: Browser;
  let site: Site;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    site = await startSite({
      pages: {
        ...uiPage({ startScript: '/slow.js', startOptions: `{ reconnectionOptions: ${SLOW_STATES} }` }),
        ...uiPage({ startScript: '/focus.js', startOptions: '{ reconnectionOptions: { maxRetries: 1, retryIntervalMilliseconds: 300 } }' }),
        ...uiPage({ startScript: '/narrow.js', startOptions: '{ reconnectionOptions: { maxRetries: 1, retryIntervalMilliseconds: 1500 } }' }),
        ...uiPage({
          startScript: '/small-root.js',
          startOptions: '{ reconnectionOptions: { maxRetries: 1, retryIntervalMilliseconds: 300 } }',
          extraHead: '<link rel="stylesheet" href="/small-root.css">',
        }),
        // The "62.5 % trick" (1rem = 10px), and page rules that also match the dialog's host.
        '/small-root.css': {
          body:
            'html { font-size: 62.5%; } body { font-size: 1.6rem; } div:empty { display: none; } ' +
            'div { font-size: 3rem; letter-spacing: 0.5rem; text-transform: uppercase; }',
          contentType: 'text/css; charset=utf-8',
        },
      },
    });
  });

  afterAll(async () => {
    await browser.close();
    await site.close();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    site.hub.reset({ log: true });
  });

  async function openPage(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; problems: PageProblems }> {
    context = await browser.newContext(options);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await installRecorder(page);
    await page.goto(`${site.url}${path}`);
    await waitForStart(page);
    return { page, problems };
  }

  /** Audits the page in the state `check` describes, and makes sure the state held during the audit. */
  async function auditIn(page: Page, check: (view: DialogView) => boolean, what: string): Promise<void> {
    const before = await waitForDialog(page, check, what);
    await waitForAnimations(page);
    const violations = await axeViolations(page);
    const after = await readDialog(page);
    expect(after.classes, `${what}: the state changed during the audit`).toEqual(before.classes);
    expect(violations, `${what}: ${before.text}`).toEqual([]);
  }

  it('axe-core reports no violation while rejoining, retrying, failed, rejected (Reload) and offline', async () => {
    const { page, problems } = await openPage('/slow.html');
    expect(await axeViolations(page), 'the host page itself').toEqual([]);

    site.hub.down(60_000);
    await auditIn(page, shownIn('show'), 'rejoining');
    await auditIn(page, shownIn('retrying'), 'retrying (countdown)');
    await auditIn(page, (view) => shownIn('failed')(view) && view.buttons.length === 1, 'failed (Retry)');

    site.hub.reset();
    await page.keyboard.press('Enter'); // Retry has focus
    await waitForDialog(page, hidden, 'the dialog to hide after Retry');

    // Offline first, then the drop: the outage starts in the offline state.
    await context?.setOffline(true);
    site.hub.drop();
    await auditIn(page, shownIn('offline'), 'offline');
    await context?.setOffline(false);
    await waitForDialog(page, hidden, 'the dialog to hide when the network is back');

    await exhaustReloadGuard(page);
    site.hub.restart();
    await auditIn(page, (view) => shownIn('rejected')(view) && view.buttons.includes('Reload'), 'rejected (Reload)');
    expect(problems.errors).toEqual([]);
  });

  it('moves focus to Retry, ignores Escape, keeps Tab inside, and gives focus back after Retry', async () => {
    const { page, problems } = await openPage('/focus.html');
    await page.focus('#before');
    expect(await focused(page)).toBe('#before');

    site.hub.down(60_000);
    const failed = await waitForDialog(page, shownIn('failed'), 'the failed state');
    expect(failed.modal).toBe(true);
    expect(await focused(page)).toBe('dialog:Retry');
    // The page behind is inert: gone from the accessibility tree, and a click on it hits the dialog.
    expect(await accessibilityTree(page, ['alertdialog', 'button'])).toEqual([
      'alertdialog "Connection to the server lost"',
      'button "Retry"',
    ]);
    const hit = await page.evaluate(() => {
      const rect = document.getElementById('before')?.getBoundingClientRect();
      return rect ? document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)?.hasAttribute('data-reconnect-dialog') : undefined;
    });
    expect(hit).toBe(true);

    // Chromium lets a second Escape through a prevented `cancel`: press it twice.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await readDialog(page)).toMatchObject({ visible: true, modal: true, classes: ['components-reconnect-failed'] });
    expect(await focused(page)).toBe('dialog:Retry');

    // Tab and Shift+Tab never land on the page behind the modal: they cycle between Retry and
    // the browser's own UI (seen from the page as `body`), as a native modal dialog does.
    const seen: string[] = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      seen.push(await focused(page));
    }
    expect(seen.filter((where) => where.startsWith('#'))).toEqual([]);
    expect(seen).toContain('dialog:Retry');
    await page.focus('[data-reconnect-dialog] >> button.retry');

    // Retry while the server is still down: back to failed, focus back on Retry, page untouched.
    const attempts = site.hub.log.counters.negotiationsRefused;
    await page.keyboard.press('Enter');
    await waitUntil(() => site.hub.log.counters.negotiationsRefused > attempts, 5_000, 'the manual attempt');
    await waitForDialog(page, (view) => shownIn('failed')(view) && view.focus === 'Retry', 'failed again, Retry focused');
    expect(await focused(page)).toBe('dialog:Retry');

    site.hub.reset();
    await page.keyboard.press('Enter');
    await waitForDialog(page, hidden, 'the dialog to hide after Retry');
    expect(await focused(page)).toBe('#before');
    expect(await accessibilityTree(page, ['alertdialog', 'button'])).toEqual([
      'button "Page button"',
      'button "Another page button"',
    ]);
    expect(problems.errors).toEqual([]);
  });

  it('focuses the dialog itself when no action is offered, and restores focus when it hides', async () => {
    const { page, problems } = await openPage('/slow.html');
    await page.focus('#other');

    site.hub.down(60_000);
    await waitForDialog(page, shownIn('show'), 'the rejoining state');
    expect(await focused(page)).toBe('dialog:dialog');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect((await readDialog(page)).visible).toBe(true);
    for (const key of ['Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await focused(page), `after ${key}`).not.toMatch(/^#/);
    }

    site.hub.reset();
    await waitForDialog(page, hidden, 'the dialog to hide after the reconnect', 5_000);
    expect(await focused(page)).toBe('#other');
    expect(problems.errors).toEqual([]);
  });

  it('fits a 320 px screen, is readable in dark mode and stops animating with reduced motion', async () => {
    const { page, problems } = await openPage('/narrow.html', {
      viewport: { width: 320, height: 568 },
      colorScheme: 'dark',
      reducedMotion: 'reduce',
    });
    site.hub.down(60_000);

    await waitForDialog(page, shownIn('show'), 'the rejoining state');
    expect(await shadowStyle(page, 'dialog', ['animation-name'])).toEqual({ 'animation-name': 'none' });
    expect(await shadowStyle(page, '.spinner', ['animation-name', 'display'])).toEqual({
      'animation-name': 'none',
      display: 'block',
    });

    await waitForDialog(page, shownIn('failed'), 'the failed state');
    const layout = await page.evaluate(() => {
      const root = document.querySelector('[data-reconnect-dialog]')?.shadowRoot;
      const box = (selector: string) => {
        const rect = root?.querySelector(selector)?.getBoundingClientRect();
        return rect ? { left: Math.floor(rect.left), right: Math.ceil(rect.right) } : undefined;
      };
      return {
        pageWidth: document.documentElement.scrollWidth,
        dialog: box('dialog'),
        text: box('h2'),
        button: box('button.retry'),
      };
    });
    expect(layout.pageWidth).toBeLessThanOrEqual(320);
    for (const part of [layout.dialog, layout.text, layout.button]) {
      expect(part?.left).toBeGreaterThanOrEqual(0);
      expect(part?.right).toBeLessThanOrEqual(320);
    }

    // Dark system colours (`color-scheme: light dark`), and axe-core's contrast check on them.
    await waitForAnimations(page);
    expect(await shadowStyle(page, 'dialog', ['background-color', 'color'])).toEqual({
      'background-color': 'rgb(18, 18, 18)',
      color: 'rgb(255, 255, 255)',
    });
    expect(await shadowStyle(page, 'button.retry', ['background-color', 'color'])).toEqual({
      'background-color': 'rgb(9, 105, 218)',
      color: 'rgb(255, 255, 255)',
    });
    expect(await focusRing(page)).toEqual({ focusVisible: true, outline: 'rgb(255, 255, 255) solid 3px' });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
  });

  it('is light with a dark focus ring in light mode, axe-core contrast included', async () => {
    const { page, problems } = await openPage('/narrow.html', { colorScheme: 'light' });
    site.hub.down(60_000);
    await waitForDialog(page, shownIn('failed'), 'the failed state');
    await waitForAnimations(page);
    expect(await shadowStyle(page, 'dialog', ['background-color', 'color'])).toEqual({
      'background-color': 'rgb(255, 255, 255)',
      color: 'rgb(0, 0, 0)',
    });
    expect(await focusRing(page)).toEqual({ focusVisible: true, outline: 'rgb(0, 0, 0) solid 3px' });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
  });

  // Forced colours repaint everything; the browser itself makes the button's transparent border
  // visible, and the spinner's arc keeps a colour of its own.
  it('keeps a visible button border and spinner arc in forced colours', async () => {
    const { page, problems } = await openPage('/narrow.html', { forcedColors: 'active' });
    site.hub.down(60_000);
    await waitForDialog(page, shownIn('show'), 'the rejoining state');
    const spinner = await shadowStyle(page, '.spinner', ['border-top-color', 'border-right-color']);
    expect(spinner['border-top-color']).not.toBe(spinner['border-right-color']);
    await waitForDialog(page, shownIn('failed'), 'the failed state');
    const button = await shadowStyle(page, 'button.retry', ['border-top-color', 'border-top-style', 'background-color']);
    expect(button['border-top-style']).toBe('solid');
    expect(button['border-top-color']).not.toMatch(/^(transparent|rgba\(\d+, \d+, \d+, 0\))$/);
    expect(button['border-top-color']).not.toBe(button['background-color']);
    expect(problems.errors).toEqual([]);
  });

  it('is untouched by page CSS: html { font-size: 62.5% }, div:empty { display: none }, text styles on div', async () => {
    const { page, problems } = await openPage('/small-root.html');
    site.hub.down(60_000);
    // `shownIn` checks what the user sees: a hidden host would leave an invisible modal.
    await waitForDialog(page, shownIn('failed'), 'the failed state');
    expect(await shadowStyle(page, 'dialog', ['font-size'])).toEqual({ 'font-size': '16px' });
    expect(await shadowStyle(page, 'h2', ['font-size', 'letter-spacing', 'text-transform'])).toEqual({
      'font-size': '18px',
      'letter-spacing': 'normal',
      'text-transform': 'none',
    });
    expect(await shadowStyle(page, 'button.retry', ['font-size', 'min-height'])).toEqual({
      'font-size': '16px',
      'min-height': '44px',
    });
    expect(problems.errors).toEqual([]);
  });

  it('animates by default (the control for the reduced-motion check)', async () => {
    const { page } = await openPage('/narrow.html');
    site.hub.down(60_000);
    await waitForDialog(page, shownIn('show'), 'the rejoining state');
    expect(await shadowStyle(page, '.spinner', ['animation-name'])).toEqual({ 'animation-name': 'spin' });
    expect(await shadowStyle(page, 'dialog', ['background-color'])).toEqual({ 'background-color': 'rgb(255, 255, 255)' });
  });
});
