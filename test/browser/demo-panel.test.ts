// The demo's control panel as a person uses it: its buttons never move between two clicks (the
// log scrolls inside a fixed height), and it stays usable while the default dialog is modal (it
// moves into the open dialog, the one part of the page that is not inert).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server-core.mjs';
import { chromiumPath } from './support/chromium';
import { useFaultSuite } from './support/fault-suite';
import { waitForDialog } from './support/dialog-view';
import { waitUntil } from './support/page-helpers';

const button = (page: Page, label: string) => page.locator('.demo-panel button', { hasText: label }).first();

describe.skipIf(chromiumPath === undefined)('demo panel (demo server)', () => {
  const suite = useFaultSuite(() => startDemoServer({ port: 0 }));

  it('counts what its status line says, and keeps its buttons where they are as the log grows', async () => {
    const { opened } = await suite.open('/default-dialog.html');
    const { page } = opened;
    // The status line says what it counts: the page's one socket and its one live circuit.
    await waitUntil(async () => (await page.locator('.demo-panel__status').textContent()) === '1 connection, 1 circuit connected', 5_000, 'the status line');
    const slow = button(page, 'Slow off');
    const before = await slow.boundingBox();
    for (let click = 0; click < 6; click++) {
      await slow.click();
      await waitUntil(async () => (await page.locator('.demo-panel__entry').count()) === click + 1, 5_000, `log entry ${click + 1}`);
    }
    expect(await slow.boundingBox()).toEqual(before);
  });

  it('stays usable while the default dialog is modal: Reset from the panel ends the outage', async () => {
    const { opened } = await suite.open('/default-dialog.html');
    const { page } = opened;
    await button(page, 'Down 60 s').click();
    await waitForDialog(page, (view) => view.visible && view.modal, 'the modal dialog');
    // A real click (Playwright refuses to click an element that is inert or covered).
    await button(page, 'Reset').click({ timeout: 5_000 });
    await waitForDialog(page, (view) => !view.visible, 'the dialog to close after Reset', 15_000);
    // Back in the page once the dialog closed.
    expect(await page.evaluate(() => document.querySelector('.demo-panel')?.parentElement === document.body)).toBe(true);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
  });
});
