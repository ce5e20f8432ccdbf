// The default dialog on real screens and settings, in Chromium: it fits a 320 px screen, follows
// the light or dark colour scheme with a visible focus ring (axe-core's contrast check included),
// stops animating under reduced motion, stays visible in forced colours, and is untouched by the
// page's own CSS.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium';
import { shownIn, waitForDialog } from './support/dialog-view';
import { axeViolations } from './fixtures-ui/axe';
import { uiPage } from './fixtures-ui/pages';
import { shadowStyle, waitForAnimations } from './fixtures-ui/probe';
import { useUiSuite } from './fixtures-ui/ui-suite';

/** Whether the offered button shows its keyboard focus ring, and the ring (`outline`). */
async function focusRing(page: Page): Promise<{ focusVisible: boolean; outline: string }> {
  return page.evaluate(() => {
    const button = document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector('button:not([hidden])');
    if (!button) throw new Error('no button offered');
    return { focusVisible: button.matches(':focus-visible'), outline: getComputedStyle(button).outline };
  });
}

describe.skipIf(chromiumPath === undefined)('default dialog appearance (built IIFE)', () => {
  const suite = useUiSuite({
    pages: {
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

  it('fits a 320 px screen, is readable in dark mode and stops animating with reduced motion', async () => {
    const { page, problems } = await suite.open('/narrow.html', {
      context: { viewport: { width: 320, height: 568 }, colorScheme: 'dark', reducedMotion: 'reduce' },
    });
    suite.hub.down(60_000);

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
    const { page, problems } = await suite.open('/narrow.html', { context: { colorScheme: 'light' } });
    suite.hub.down(60_000);
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
    const { page, problems } = await suite.open('/narrow.html', { context: { forcedColors: 'active' } });
    suite.hub.down(60_000);
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
    const { page, problems } = await suite.open('/small-root.html');
    suite.hub.down(60_000);
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
    const { page } = await suite.open('/narrow.html');
    suite.hub.down(60_000);
    await waitForDialog(page, shownIn('show'), 'the rejoining state');
    expect(await shadowStyle(page, '.spinner', ['animation-name'])).toEqual({ 'animation-name': 'spin' });
    expect(await shadowStyle(page, 'dialog', ['background-color'])).toEqual({ 'background-color': 'rgb(255, 255, 255)' });
  });
});
