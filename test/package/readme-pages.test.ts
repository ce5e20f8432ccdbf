// Runs every page that holds a README sample in Chromium against the packed package and a real
// hub, so each sample is known to work as printed: the fixture pages (Microsoft's snippets
// unchanged, and ours) and the demo pages the README points at.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../demo/hub/index.mjs';
import { startDemoServer } from '../../demo/server-core.mjs';
import type { DemoServer } from '../../demo/server-core.mjs';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { cspViolationsInPage, recordCspViolations, waitUntil, watchProblems } from '../browser/support/page-helpers';
import type { PageProblems } from '../browser/support/page-helpers';
import { DEMO_PAGES, FIXTURE_PAGES } from './support/exercised';
import type { ConsumerProject } from './support/packed-package';
import { assertBuilt, createConsumerProject, REPO_ROOT } from './support/packed-package';
import type { SampleSite } from './support/sample-site';
import { FIXTURE_PAGES_DIR, startSampleSite } from './support/sample-site';

interface Run {
  page: Page;
  url: string;
  hub: Hub;
  problems: PageProblems;
  /** Every console message, as `type: text`. */
  console: string[];
}

/** What the default dialog shows, read through its open shadow root; null before it exists. */
interface DialogView {
  open: boolean;
  heading: string;
  label: string | null;
  /** The dialog's effective language (what `:lang()` matches: English or German), or null. */
  lang: string | null;
  retry: boolean;
  reload: boolean;
}

function readDialog(page: Page): Promise<DialogView | null> {
  return page.evaluate(() => {
    const dialog = document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector('dialog');
    if (!dialog) return null;
    const shown = (selector: string): boolean => dialog.querySelector<HTMLElement>(selector)?.hidden === false;
    return {
      open: dialog.open,
      heading: dialog.querySelector('h2')?.textContent ?? '',
      label: dialog.getAttribute('aria-label'),
      lang: ['en', 'de'].find((language) => dialog.matches(`:lang(${language})`)) ?? null,
      retry: shown('button.retry'),
      reload: shown('button.reload'),
    };
  });
}

async function waitForDialog(page: Page, check: (view: DialogView) => boolean, what: string, timeoutMs = 15_000): Promise<DialogView> {
  let last: DialogView | null = null;
  await waitUntil(
    async () => {
      last = await readDialog(page);
      return last !== null && check(last);
    },
    timeoutMs,
    `${what} (last seen: ${JSON.stringify(last)})`,
  );
  return last as unknown as DialogView;
}

const counter = (hub: Hub, name: Parameters<Hub['log']['count']>[0]): number => hub.log.counters[name];

async function waitForCircuit(run: Run, started = 1): Promise<void> {
  await waitUntil(() => counter(run.hub, 'circuitsStarted') >= started, 10_000, `${started} circuit(s) started`);
}

/**
 * Records the modal's computed display and visibility in the same task as the first class change
 * that adds `components-reconnect-show`: what the user sees at that moment, whatever the load on
 * the test machine. Read it back with {@link firstLookAtShow}.
 */
async function watchFirstShow(page: Page): Promise<void> {
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

async function firstLookAtShow(page: Page): Promise<string[] | undefined> {
  let seen: string[] | undefined;
  await waitUntil(
    async () => (seen = await page.evaluate(() => (window as unknown as { __firstShow?: string[] }).__firstShow)) !== undefined,
    5000,
    'the modal to get components-reconnect-show',
  );
  return seen;
}

async function expectClean(run: Run): Promise<void> {
  expect(run.problems).toEqual({ errors: [], cspViolations: [] });
  expect(await cspViolationsInPage(run.page)).toEqual([]);
}

/** The dialog retries through an outage; fails after 3 attempts 2 s apart; Retry brings it back. */
async function threeAttemptsThenRetry(run: Run): Promise<void> {
  await waitForCircuit(run);
  run.hub.down(60_000);
  const failed = await waitForDialog(run.page, (view) => view.open && view.retry, 'the failed state with a Retry button');
  expect(failed.heading).toBe('Failed to rejoin. Please retry or reload the page.');
  expect(counter(run.hub, 'negotiationsRefused')).toBe(3);
  run.hub.reset();
  await run.page.locator('[data-reconnect-dialog] button.retry').click();
  await waitForDialog(run.page, (view) => !view.open, 'the dialog to close after Retry');
  expect(counter(run.hub, 'circuitsConnected')).toBe(1);
  await expectClean(run);
}

/** A 2.5 s outage is ridden out by waits of 0, 1 and 2 s: two refusals, then the same circuit. */
async function ridesOutShortOutage(run: Run): Promise<void> {
  await waitForCircuit(run);
  run.hub.down(2500);
  await waitUntil(() => counter(run.hub, 'circuitsConnected') === 1, 15_000, 'the circuit to be resumed');
  expect(counter(run.hub, 'negotiationsRefused')).toBe(2);
  expect(counter(run.hub, 'circuitsStarted')).toBe(1);
  await expectClean(run);
}

const SCENARIOS: Record<(typeof FIXTURE_PAGES)[number], (run: Run) => Promise<void>> = {
  'test/package/fixtures/pages/script-tag.html': async (run) => {
    await waitForCircuit(run);
    run.hub.down(3000);
    const shown = await waitForDialog(run.page, (view) => view.open, 'the default dialog to appear');
    expect(shown.heading).toMatch(/^Rejoin/);
    expect(shown.label).toBe('Connection to the server lost');
    await waitForDialog(run.page, (view) => !view.open, 'the dialog to close when the hub is back');
    expect(counter(run.hub, 'circuitsConnected')).toBe(1);
    expect(counter(run.hub, 'circuitsStarted')).toBe(1);
    await expectClean(run);
  },
  'test/package/fixtures/pages/server-shape.html': threeAttemptsThenRetry,
  'test/package/fixtures/pages/web-app-shape.html': threeAttemptsThenRetry,
  'test/package/fixtures/pages/retry-function.html': ridesOutShortOutage,
  'test/package/fixtures/pages/retry-sequence.html': ridesOutShortOutage,
  'test/package/fixtures/pages/jittered-retry.html': async (run) => {
    await waitForCircuit(run);
    run.hub.down(2500);
    // Waits are random (at most 1, 2, 4… s), so only the outcome is certain: the same circuit back.
    // Worst case: five attempts inside the outage, then a wait of up to 28 s.
    await waitUntil(() => counter(run.hub, 'circuitsConnected') === 1, 35_000, 'the circuit to be resumed');
    expect(counter(run.hub, 'negotiationsRefused')).toBeGreaterThanOrEqual(1);
    expect(counter(run.hub, 'circuitsStarted')).toBe(1);
    await expectClean(run);
  },
  'test/package/fixtures/pages/signalr-url.html': async (run) => {
    await waitForCircuit(run);
    const starts = run.hub.log.entries('invocation').filter((entry) => entry.method === 'StartCircuit');
    expect(starts.map((entry) => entry.path)).toEqual(['/signalr']);
    await expectClean(run);
  },
  'test/package/fixtures/pages/legacy-build.html': async (run) => {
    await waitForCircuit(run);
    run.hub.drop();
    await waitUntil(() => counter(run.hub, 'circuitsConnected') === 1, 10_000, 'a reconnect through the overridden build()');
    await expectClean(run);
  },
  'test/package/fixtures/pages/reconnection-handler.html': async (run) => {
    await waitForCircuit(run);
    run.hub.drop();
    await waitUntil(() => run.console.some((line) => line.startsWith('error: Error')), 10_000, 'onConnectionDown to log the error');
    // The page's handler owns reconnecting: no built-in dialog, no attempt until it asks.
    expect(await run.page.locator('[data-reconnect-dialog]').count()).toBe(0);
    expect(counter(run.hub, 'circuitsConnected')).toBe(0);
    expect(await run.page.evaluate(() => (window as unknown as { Blazor: { reconnect(): Promise<boolean> } }).Blazor.reconnect())).toBe(true);
    await waitUntil(() => run.console.includes('log: Up, up, and away!'), 5000, 'onConnectionUp');
    expect(await cspViolationsInPage(run.page)).toEqual([]);
  },
  'test/package/fixtures/pages/messages.html': async (run) => {
    await waitForCircuit(run);
    run.hub.down(60_000);
    const shown = await waitForDialog(run.page, (view) => view.open, 'the dialog to appear after 1 s');
    expect(shown.label).toBe('Verbindung zum Server unterbrochen');
    expect(shown.lang).toBe('de');
    // By the time it appears, the ten immediate attempts may be over and the countdown running.
    expect(shown.heading).toMatch(/^(Verbindung wird wiederhergestellt…|Neuer Versuch in [1-5] Sekunden?)$/);
    await waitForDialog(run.page, (view) => /^Neuer Versuch in [1-5] Sekunden?$/.test(view.heading), 'the translated countdown');
    await expectClean(run);
  },
  'test/package/fixtures/pages/user-modal.html': async (run) => {
    const modal = run.page.locator('#components-reconnect-modal');
    await waitForCircuit(run);
    expect(await modal.getAttribute('class')).toBe('components-reconnect-hide');
    expect(await modal.evaluate((element) => getComputedStyle(element).display)).toBe('none');
    await watchFirstShow(run.page);
    run.hub.down(3000);
    // On screen at once, the docs' `transition: visibility … 1000ms` notwithstanding (see user-modal-delay.html).
    expect(await firstLookAtShow(run.page)).toEqual(['block', 'visible']);
    expect(await run.page.locator('#components-reconnect-max-retries').textContent()).toBe('40');
    await waitUntil(() => run.console.some((line) => /^log: Attempt \d+ in \d+ s$/.test(line)), 10_000, 'the state listener');
    await waitUntil(async () => (await modal.getAttribute('class')) === 'components-reconnect-hide', 15_000, '-hide after the outage');
    expect(Number(await run.page.locator('#components-reconnect-current-attempt').textContent())).toBeGreaterThan(1);
    // The server forgets the circuit: the page's own listener reloads on `rejected`.
    run.hub.restart();
    await waitForCircuit(run, 2);
    await run.page.goto('about:blank');
    await waitUntil(() => counter(run.hub, 'beacons') >= 1, 5000, 'the disconnect beacon on pagehide');
    expect(run.problems).toEqual({ errors: [], cspViolations: [] });
  },
  'test/package/fixtures/pages/user-modal-delay.html': async (run) => {
    const modal = run.page.locator('#components-reconnect-modal');
    const visibility = (): Promise<string> => modal.evaluate((element) => getComputedStyle(element).visibility);
    await waitForCircuit(run);
    await watchFirstShow(run.page);
    run.hub.down(3000);
    // Laid out (display: block) but not visible yet when the class arrives.
    expect(await firstLookAtShow(run.page)).toEqual(['block', 'hidden']);
    await waitUntil(async () => (await visibility()) === 'visible', 2000, 'visible after 500 ms');
    await waitUntil(async () => (await modal.getAttribute('class')) === 'components-reconnect-hide', 15_000, '-hide after the outage');
    await expectClean(run);
  },
  'test/package/fixtures/pages/state-events.html': async (run) => {
    await waitForCircuit(run);
    run.hub.down(3000);
    await waitUntil(() => run.console.includes('log: reconnect state: hide'), 15_000, 'the hide event');
    const states = run.console.filter((line) => line.startsWith('log: reconnect state: ')).map((line) => line.slice('log: reconnect state: '.length));
    expect(states[0]).toBe('show');
    expect(states).toContain('retrying');
    expect(states.at(-1)).toBe('hide');
    await expectClean(run);
  },
  'test/package/fixtures/pages/es-module.html': async (run) => {
    await waitForCircuit(run);
    run.hub.drop();
    await waitUntil(() => counter(run.hub, 'circuitsConnected') === 1, 10_000, 'a reconnect');
    await expectClean(run);
  },
};

const DEMO_SCENARIOS: Record<keyof typeof DEMO_PAGES, (run: Run) => Promise<void>> = {
  'demo/pages/boot-js.html': async (run) => {
    await waitForCircuit(run);
    run.hub.drop();
    await waitUntil(async () => (await run.page.locator('#reconnect-modal').textContent()) === 'Attempting to reconnect: 1 of 3', 5000, 'boot.js to show its modal');
    await waitUntil(() => counter(run.hub, 'circuitsConnected') === 1, 15_000, 'boot.js to reconnect after 5 s');
    await expectClean(run);
  },
  'demo/pages/es-module.html': async (run) => {
    await waitUntil(async () => (await run.page.locator('#module-status').textContent()) === 'Connected to /hub (no circuit).', 10_000, 'the stateless start');
    expect(counter(run.hub, 'circuitsStarted')).toBe(0);
    await expectClean(run);
  },
  'demo/pages/user-modal.html': async (run) => {
    const modal = run.page.locator('#components-reconnect-modal');
    await waitForCircuit(run);
    run.hub.down(3000);
    await waitUntil(async () => (await modal.getAttribute('class'))?.includes('components-reconnect-show') === true, 5000, '-show');
    expect(await run.page.locator('#components-reconnect-modal .when-show').isVisible()).toBe(true);
    await waitUntil(async () => (await modal.getAttribute('class')) === 'components-reconnect-hide', 15_000, '-hide after the outage');
    expect(await modal.isVisible()).toBe(false);
    await expectClean(run);
  },
};

async function open(browser: Browser, url: string, hub: Hub): Promise<Run & { close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await recordCspViolations(page);
  const problems = watchProblems(page);
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  await page.goto(url);
  return { page, url, hub, problems, console: messages, close: () => context.close() };
}

describe('README pages', () => {
  it('every fixture page has a scenario, and every scenario a page', () => {
    const onDisk = readdirSync(FIXTURE_PAGES_DIR).filter((name) => name.endsWith('.html')).map((name) => `test/package/fixtures/pages/${name}`);
    expect([...onDisk].sort()).toEqual([...FIXTURE_PAGES].sort());
    expect(Object.keys(SCENARIOS).sort()).toEqual([...FIXTURE_PAGES].sort());
    expect(Object.keys(DEMO_SCENARIOS).sort()).toEqual(Object.keys(DEMO_PAGES).sort());
  });

  it('every demo page loads the scripts and styles listed beside it', () => {
    for (const [page, files] of Object.entries(DEMO_PAGES)) {
      const html = readFileSync(join(REPO_ROOT, page), 'utf8');
      for (const file of files) expect(html, page).toContain(`"/${file.slice('demo/pages/'.length)}"`);
    }
  });
});

describe.skipIf(chromiumPath === undefined)('README pages in Chromium, with the packed package', () => {
  let browser: Browser;
  let project: ConsumerProject;
  let site: SampleSite;
  let demo: DemoServer;

  beforeAll(async () => {
    assertBuilt();
    project = await createConsumerProject();
    [browser, site, demo] = await Promise.all([
      launchChromium(),
      startSampleSite(project.packageDir),
      startDemoServer({ port: 0, distDir: join(project.packageDir, 'dist') }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await site.close();
    await demo.close();
    await project.cleanup();
  });

  for (const file of FIXTURE_PAGES) {
    it(file.slice('test/package/fixtures/pages/'.length), async () => {
      site.hub.reset({ log: true });
      const run = await open(browser, `${site.url}/${file.slice('test/package/fixtures/pages/'.length)}`, site.hub);
      try {
        await SCENARIOS[file](run);
      } finally {
        await run.close();
      }
    });
  }

  for (const [file, scenario] of Object.entries(DEMO_SCENARIOS)) {
    it(file, async () => {
      demo.hub.reset({ log: true });
      const run = await open(browser, `${demo.url}/${file.slice('demo/pages/'.length)}`, demo.hub);
      try {
        await scenario(run);
      } finally {
        await run.close();
      }
    });
  }
});
