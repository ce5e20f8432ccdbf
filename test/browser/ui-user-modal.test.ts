// A page's own `#components-reconnect-modal`, styled with the CSS from Blazor's docs, driven by the
// built IIFE through real outages in Chromium under a strict CSP with Trusted Types required: the
// documented classes toggle what the user sees, the counter spans are filled, the page's listener
// gets each state event, and a rejection never reloads the page (the page decides).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium';
import { cspViolationsInPage, htmlSinkResult, waitUntil } from './support/page-helpers';
import { TRUSTED_TYPES_CSP } from './support/site';
import {
  USER_MODAL_CSS,
  USER_MODAL_DELAYED_CSS,
  USER_MODAL_MARKUP,
  USER_MODAL_TRANSITION_CSS,
  uiPage,
} from './fixtures-ui/pages';
import { readRecord } from './fixtures-ui/probe';
import { useUiSuite } from './fixtures-ui/ui-suite';

const css = (body: string) => ({ body, contentType: 'text/css; charset=utf-8' });
// The strict policy plus `require-trusted-types-for 'script'`: any HTML parsing would be a violation.
const csp = { 'Content-Security-Policy': TRUSTED_TYPES_CSP };
const OPTIONS = '{ reconnectionOptions: { maxRetries: 2, retryIntervalMilliseconds: 1500 } }';

/** The page's own listener, as a page would write it: on the modal (the event does not bubble). */
const LISTENER = `window.__modalEvents = [];
window.__bubbledToDocument = 0;
document.getElementById('components-reconnect-modal').addEventListener('components-reconnect-state-changed', (event) => {
  window.__modalEvents.push(event.detail);
});
document.addEventListener('components-reconnect-state-changed', () => { window.__bubbledToDocument += 1; });
`;

interface ModalView {
  classes: string[];
  visible: boolean;
  display: string;
  position: string;
  attempt: string;
  maxRetries: string;
  seconds: string;
  events: { state: string; currentAttempt?: number; secondsToNextAttempt?: number }[];
  bubbled: number;
  defaultDialog: boolean;
}

async function readModal(page: Page): Promise<ModalView> {
  return page.evaluate(() => {
    const modal = document.getElementById('components-reconnect-modal');
    if (!modal) throw new Error('the page has no modal');
    const text = (id: string) => document.getElementById(id)?.textContent ?? '';
    const state = window as unknown as { __modalEvents: ModalView['events']; __bubbledToDocument: number };
    const style = getComputedStyle(modal);
    return {
      classes: Array.from(modal.classList),
      visible: modal.checkVisibility({ visibilityProperty: true }),
      display: style.display,
      position: style.position,
      attempt: text('components-reconnect-current-attempt'),
      maxRetries: text('components-reconnect-max-retries'),
      seconds: text('components-seconds-to-next-attempt'),
      events: state.__modalEvents,
      bubbled: state.__bubbledToDocument,
      defaultDialog: document.querySelector('[data-reconnect-dialog]') !== null,
    };
  });
}

async function waitForModal(page: Page, check: (view: ModalView) => boolean, what: string): Promise<ModalView> {
  let last: ModalView | undefined;
  try {
    await waitUntil(async () => check((last = await readModal(page))), 10_000, what);
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`, { cause: error });
  }
  if (last === undefined) throw new Error(`${what}: never read`);
  return last;
}

const withClass = (name: string) => (view: ModalView) => view.classes.includes(`components-reconnect-${name}`);

describe.skipIf(chromiumPath === undefined)("the page's own reconnect modal (Blazor's docs CSS)", () => {
  const modalPage = (startScript: string, stylesheet: string, startOptions = OPTIONS) =>
    uiPage({
      startScript,
      startOptions,
      headers: csp,
      extraHead: `<link rel="stylesheet" href="${stylesheet}">`,
      extraBody: USER_MODAL_MARKUP,
      scripts: ['/listen.js'],
    });

  const suite = useUiSuite({
    pages: {
      '/modal.css': css(USER_MODAL_CSS),
      '/modal-transition.css': css(USER_MODAL_CSS + USER_MODAL_TRANSITION_CSS),
      '/modal-delayed.css': css(USER_MODAL_DELAYED_CSS),
      '/listen.js': { body: LISTENER, contentType: 'text/javascript; charset=utf-8' },
      ...modalPage('/modal.js', '/modal.css'),
      ...modalPage('/modal-transition.js', '/modal-transition.css'),
      // The first attempt at once, so a blip lasts one reconnect (tens of ms), far inside the
      // modal's 500 ms delay even on a loaded machine; then every 300 ms.
      ...modalPage(
        '/modal-delayed.js',
        '/modal-delayed.css',
        '{ reconnectionOptions: { maxRetries: 50, retryIntervalMilliseconds: (previous) => (previous === 0 ? 0 : 300) } }',
      ),
    },
  });

  it('hidden at start, shown with the counters on a drop, failed after maxRetries, hidden on resume', async () => {
    const { page, problems } = await suite.open('/modal.html');
    const initial = await readModal(page);
    expect(initial).toMatchObject({ classes: ['components-reconnect-hide'], visible: false, display: 'none', events: [] });

    suite.hub.down(60_000);
    const shown = await waitForModal(page, withClass('show'), 'the show class');
    expect(shown).toMatchObject({ visible: true, display: 'block', position: 'fixed', maxRetries: '2' });
    expect(shown.events[0]).toEqual({ state: 'show' });

    // First wait 1.5 s: the spans count down from 2 for attempt 1.
    const first = await waitForModal(page, (view) => view.attempt === '1', 'attempt 1 counting down');
    expect(first.classes).toEqual(['components-reconnect-show']);
    expect(['2', '1', '0']).toContain(first.seconds);
    expect(first.events).toContainEqual({ state: 'retrying', currentAttempt: 1, secondsToNextAttempt: 2 });

    const retrying = await waitForModal(page, withClass('retrying'), 'the retrying class after attempt 1 failed');
    expect(retrying.classes).toEqual(['components-reconnect-show', 'components-reconnect-retrying']);
    expect(retrying).toMatchObject({ visible: true, attempt: '2' });
    expect(Number(retrying.seconds)).toBeGreaterThan(0);

    const failed = await waitForModal(page, withClass('failed'), 'the failed class');
    expect(failed).toMatchObject({ classes: ['components-reconnect-failed'], visible: true, display: 'block' });
    expect(failed.events.at(-1)).toEqual({ state: 'failed' });

    // The docs' way out of `failed`: the page calls Blazor.reconnect().
    suite.hub.reset();
    expect(await page.evaluate(() => (window as unknown as { Blazor: { reconnect(): Promise<boolean> } }).Blazor.reconnect())).toBe(true);
    const resumed = await waitForModal(page, withClass('hide'), 'the hide class');
    expect(resumed).toMatchObject({ classes: ['components-reconnect-hide'], visible: false, display: 'none' });
    expect(resumed.events.at(-1)).toEqual({ state: 'hide' });

    const states = resumed.events.map((event) => event.state).filter((state, i, all) => state !== all[i - 1]);
    expect(states).toEqual(['show', 'retrying', 'failed', 'hide']);
    expect(resumed.events.filter((event) => event.state === 'retrying').map((event) => event.currentAttempt)).toContain(2);
    // Not bubbling (Blazor PR #60376), and the default dialog is never built beside the modal.
    expect(resumed.bubbled).toBe(0);
    expect(resumed.defaultDialog).toBe(false);
    expect(await cspViolationsInPage(page)).toEqual([]);
    expect(problems).toEqual({ errors: [], cspViolations: [] });

    // Control: Trusted Types are enforced on this page, so an HTML sink would have thrown.
    expect(await htmlSinkResult(page)).toBe('TypeError');
  });

  it('a rejection sets components-reconnect-rejected and never reloads the page', async () => {
    const { page, problems, loads } = await suite.open('/modal.html');
    await page.evaluate(() => {
      (window as unknown as { __samePage: boolean }).__samePage = true;
    });

    suite.hub.restart(); // circuits forgotten and sockets dropped: the next attempt is rejected
    const rejected = await waitForModal(page, withClass('rejected'), 'the rejected class');
    expect(rejected).toMatchObject({ classes: ['components-reconnect-rejected'], visible: true, display: 'block' });
    expect(rejected.events.at(-1)).toEqual({ state: 'rejected' });
    expect(suite.hub.log.counters.circuitsRejected).toBe(1);

    // Give a reload every chance to happen (a bounded wait on the page's clock), then check.
    await page.waitForFunction((from) => performance.now() > from + 1000, await page.evaluate(() => performance.now()));
    expect(loads()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    expect((await readModal(page)).classes).toEqual(['components-reconnect-rejected']);
    expect(problems).toEqual({ errors: [], cspViolations: [] });
  });

  it("with the docs' `transition: visibility 0s linear 500ms` added, the classes toggle it the same way", async () => {
    const { page, problems } = await suite.open('/modal-transition.html');
    expect(await readModal(page)).toMatchObject({ classes: ['components-reconnect-hide'], visible: false });

    suite.hub.down(60_000);
    await waitForModal(page, (view) => withClass('show')(view) && view.visible, 'the modal on screen');
    suite.hub.reset();
    const resumed = await waitForModal(page, withClass('hide'), 'the hide class');
    expect(resumed.visible).toBe(false);
    expect(resumed.events.map((event) => event.state)).toContain('show');
    expect(problems).toEqual({ errors: [], cspViolations: [] });
  });

  it('a modal whose CSS delays `visibility` by 500 ms never flashes for a blip, and appears for an outage', async () => {
    const { page, problems } = await suite.open('/modal-delayed.html');
    suite.hub.drop(); // reconnected by the first attempt, made at once
    await waitForModal(page, (view) => view.events.some((event) => event.state === 'hide'), 'the blip to end');
    const blip = await readRecord(page);
    const blipStart = blip.events.find((event) => event.state === 'show')?.at ?? Number.NaN;
    await page.waitForFunction((until) => performance.now() > until, blipStart + 800);
    expect((await readRecord(page)).visibility).toEqual([]);

    suite.hub.down(60_000);
    await waitForModal(page, (view) => withClass('show')(view) && view.visible, 'the modal on screen');
    const outage = await readRecord(page);
    const shownAt = outage.events.filter((event) => event.state === 'show').at(-1)?.at ?? Number.NaN;
    const seenAt = outage.visibility.find((change) => change.visible)?.at ?? Number.NaN;
    expect(seenAt - shownAt).toBeGreaterThanOrEqual(480);

    suite.hub.reset();
    await waitForModal(page, (view) => withClass('hide')(view) && !view.visible, 'the modal hidden');
    expect(problems).toEqual({ errors: [], cspViolations: [] });
  });
});
