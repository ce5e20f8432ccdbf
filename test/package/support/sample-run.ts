// Running one README sample page in Chromium: a fresh browser context with the problem and CSP
// recorders and every console message kept, and the checks every scenario ends with.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Hub } from '../../../demo/hub/index.mjs';
import { cspViolationsInPage, recordCspViolations, waitUntil, watchProblems } from '../../browser/support/page-helpers';
import type { PageProblems } from '../../browser/support/page-helpers';

export interface Run {
  page: Page;
  url: string;
  hub: Hub;
  problems: PageProblems;
  /** Every console message, as `type: text`. */
  console: string[];
}

export const counter = (hub: Hub, name: Parameters<Hub['log']['count']>[0]): number => hub.log.counters[name];

export async function waitForCircuit(run: Run, started = 1): Promise<void> {
  await waitUntil(() => counter(run.hub, 'circuitsStarted') >= started, 10_000, `${started} circuit(s) started`);
}

/**
 * Records the modal's computed display and visibility in the same task as the first class change
 * that adds `components-reconnect-show`: what the user sees at that moment, whatever the load on
 * the test machine. Read it back with {@link firstLookAtShow}.
 */
export async function watchFirstShow(page: Page): Promise<void> {
  await page.evaluate(() => {
    const modal = document.getElementById('components-reconnect-modal');
    if (!modal) throw new Error('no #components-reconnect-modal');
    const observer = new MutationObserver(() => {
      if (!modal.classList.contains('components-reconnect-show')) return;
      const style = getComputedStyle(modal);
      (window as unknown as { __firstShow: string[] }).__firstShow = [style.display, style.visibility];
      observer.disconnect();
    });
    observer.observe(modal, { attributes: true, attributeFilter: ['class'] });
  });
}

export async function firstLookAtShow(page: Page): Promise<string[] | undefined> {
  let seen: string[] | undefined;
  await waitUntil(
    async () => (seen = await page.evaluate(() => (window as unknown as { __firstShow?: string[] }).__firstShow)) !== undefined,
    5000,
    'the modal to get components-reconnect-show',
  );
  return seen;
}

export async function expectClean(run: Run): Promise<void> {
  expect(run.problems).toEqual({ errors: [], cspViolations: [] });
  expect(await cspViolationsInPage(run.page)).toEqual([]);
}

export async function openRun(browser: Browser, url: string, hub: Hub): Promise<Run & { close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await recordCspViolations(page);
  const problems = watchProblems(page);
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  await page.goto(url);
  return { page, url, hub, problems, console: messages, close: () => context.close() };
}
