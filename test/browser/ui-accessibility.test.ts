// Accessibility of the default dialog in real Chromium: axe-core finds nothing in any state, focus
// moves in when an action is offered and back out when the dialog hides, Escape does nothing,
// Tab never reaches the page behind the modal. (Screens, colour schemes, motion: ui-appearance.)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium';
import { hidden, readDialog, shownIn, waitForDialog } from './support/dialog-view';
import type { DialogView } from './support/dialog-view';
import { waitUntil } from './support/page-helpers';
import { axeViolations } from './fixtures-ui/axe';
import { SLOW_STATES, uiPage } from './fixtures-ui/pages';
import { exhaustReloadGuard, waitForAnimations } from './fixtures-ui/probe';
import { useUiSuite } from './fixtures-ui/ui-suite';

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
  const suite = useUiSuite({
    pages: {
      ...uiPage({ startScript: '/slow.js', startOptions: `{ reconnectionOptions: ${SLOW_STATES} }` }),
      ...uiPage({ startScript: '/focus.js', startOptions: '{ reconnectionOptions: { maxRetries: 1, retryIntervalMilliseconds: 300 } }' }),
    },
  });

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
    const { page, problems, context } = await suite.open('/slow.html');
    expect(await axeViolations(page), 'the host page itself').toEqual([]);

    suite.hub.down(60_000);
    await auditIn(page, shownIn('show'), 'rejoining');
    await auditIn(page, shownIn('retrying'), 'retrying (countdown)');
    await auditIn(page, (view) => shownIn('failed')(view) && view.buttons.length === 2, 'failed (Retry, Reload)');

    suite.hub.reset();
    await page.keyboard.press('Enter'); // Retry has focus
    await waitForDialog(page, hidden, 'the dialog to hide after Retry');

    // Offline first, then the drop: the outage starts in the offline state.
    await context.setOffline(true);
    suite.hub.drop();
    await auditIn(page, shownIn('offline'), 'offline');
    await context.setOffline(false);
    await waitForDialog(page, hidden, 'the dialog to hide when the network is back');

    await exhaustReloadGuard(page);
    suite.hub.restart();
    await auditIn(page, (view) => shownIn('rejected')(view) && view.buttons.includes('Reload'), 'rejected (Reload)');
    expect(problems.errors).toEqual([]);
  });

  it('moves focus to Retry, ignores Escape, keeps Tab inside, and gives focus back after Retry', async () => {
    const { page, problems } = await suite.open('/focus.html');
    await page.focus('#before');
    expect(await focused(page)).toBe('#before');

    suite.hub.down(60_000);
    const failed = await waitForDialog(page, shownIn('failed'), 'the failed state');
    expect(failed.modal).toBe(true);
    expect(await focused(page)).toBe('dialog:Retry');
    // The page behind is inert: gone from the accessibility tree, and a click on it hits the dialog.
    expect(await accessibilityTree(page, ['alertdialog', 'button'])).toEqual([
      'alertdialog "Connection to the server lost"',
      'button "Retry"',
      'button "Reload"',
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

    // Tab and Shift+Tab never land on the page behind the modal: they cycle between Retry, Reload
    // and the browser's own UI (seen from the page as `body`), as a native modal dialog does.
    const seen: string[] = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      seen.push(await focused(page));
    }
    expect(seen.filter((where) => where.startsWith('#'))).toEqual([]);
    expect(seen).toContain('dialog:Retry');
    expect(seen).toContain('dialog:Reload');
    await page.focus('[data-reconnect-dialog] >> button.retry');

    // Retry while the server is still down: back to failed, focus back on Retry, page untouched.
    const attempts = suite.hub.log.counters.negotiationsRefused;
    await page.keyboard.press('Enter');
    await waitUntil(() => suite.hub.log.counters.negotiationsRefused > attempts, 5_000, 'the manual attempt');
    await waitForDialog(page, (view) => shownIn('failed')(view) && view.focus === 'Retry', 'failed again, Retry focused');
    expect(await focused(page)).toBe('dialog:Retry');

    suite.hub.reset();
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
    const { page, problems } = await suite.open('/slow.html');
    await page.focus('#other');

    suite.hub.down(60_000);
    await waitForDialog(page, shownIn('show'), 'the rejoining state');
    expect(await focused(page)).toBe('dialog:dialog');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect((await readDialog(page)).visible).toBe(true);
    for (const key of ['Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await focused(page), `after ${key}`).not.toMatch(/^#/);
    }

    suite.hub.reset();
    await waitForDialog(page, hidden, 'the dialog to hide after the reconnect', 5_000);
    expect(await focused(page)).toBe('#other');
    expect(problems.errors).toEqual([]);
  });
});
