// Keep what the user typed: a real rejected reconnection on the demo server makes the default
// dialog reload the page; the reloaded page gets its text, focus and scroll position back, and
// neither the password nor the circuit id ever reaches storage.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server-core.mjs';
import { chromiumPath } from './support/chromium';
import { useFaultSuite } from './support/fault-suite';
import { startedCircuits } from './support/hub-log';
import { waitUntil } from './support/page-helpers';

declare global {
  interface Window {
    /** Fields that received an `input` event the page did not get from the user. */
    restoredInputs?: string[];
    storageWrite?: (key: string, value: string) => Promise<void>;
  }
}

/**
 * Records every `sessionStorage` write (across the reload) and every synthetic `input` event: the
 * library's restoring, told apart from the browser's own form restoration, which fires none.
 */
async function watchStorageAndEvents(page: Page, writes: string[]): Promise<void> {
  await page.exposeFunction('storageWrite', (key: string, value: string) => {
    writes.push(`${key}=${value}`);
  });
  await page.addInitScript(() => {
    window.restoredInputs = [];
    document.addEventListener(
      'input',
      (event) => {
        if (!event.isTrusted) window.restoredInputs?.push((event.target as HTMLElement).id);
      },
      true,
    );
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its storage below
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      void window.storageWrite?.(key, value);
      setItem.call(this, key, value);
    };
  });
}

describe.skipIf(chromiumPath === undefined)('preserve input across the reload of a rejected session (demo server)', () => {
  const suite = useFaultSuite(() => startDemoServer({ port: 0 }));

  it('the default dialog saves the form before reloading; the reloaded page restores it once', async () => {
    const writes: string[] = [];
    const { opened, circuitId } = await suite.open('/default-dialog.html', {
      beforeGoto: async (page) => {
        await page.setViewportSize({ width: 480, height: 320 });
        await watchStorageAndEvents(page, writes);
      },
    });
    const { page } = opened;
    await page.fill('#name', 'Ada');
    await page.fill('#password', 'hunter2');
    await page.fill('#message', 'Half a message,\nand a second line');
    await page.evaluate(() => {
      (document.getElementById('message') as HTMLTextAreaElement).setSelectionRange(4, 4);
      window.scrollTo(0, 120);
    });

    suite.hub.restart();
    await waitUntil(() => startedCircuits(suite.hub).length === 2, 15_000, 'a new circuit after the reload');
    await page.waitForLoadState('load');
    await page.waitForFunction(() => (document.getElementById('name') as HTMLInputElement).value === 'Ada', undefined, { timeout: 5_000 });
    expect(opened.reloadTimes).toHaveLength(1);

    const restored = await page.evaluate(() => ({
      message: (document.getElementById('message') as HTMLTextAreaElement).value,
      password: (document.getElementById('password') as HTMLInputElement).value,
      focused: document.activeElement?.id,
      caret: (document.getElementById('message') as HTMLTextAreaElement).selectionStart,
      scrollY: window.scrollY,
      events: window.restoredInputs,
      left: Object.keys(sessionStorage).filter((key) => key.startsWith('circuit-reconnect:input:')),
    }));
    expect(restored).toEqual({
      message: 'Half a message,\nand a second line',
      password: '',
      focused: 'message',
      caret: 4,
      scrollY: 120,
      events: ['name', 'message'],
      left: [],
    });
    const saved = writes.filter((write) => write.startsWith('circuit-reconnect:input:'));
    expect(saved).toHaveLength(1);
    expect(saved.join()).toContain('Ada');
    expect(writes.join()).not.toContain('hunter2');
    expect(writes.join()).not.toContain(circuitId);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
  });
});
