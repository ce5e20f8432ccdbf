// The default dialog against real outages of the demo hub, in Chromium, with the built IIFE:
// the grace period (late enough, never for a blip), the reload on rejection and its storm guard,
// and translated messages in a right-to-left page.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './support/chromium';
import { waitUntil, watchProblems } from './support/page-helpers';
import type { PageProblems } from './support/page-helpers';
import { startSite } from './support/site';
import type { Site } from './support/site';
import { uiPage } from './fixtures-ui/pages';
import {
  exhaustReloadGuard,
  installRecorder,
  readRecord,
  shadowStyle,
  waitForStart,
} from './fixtures-ui/probe';
import { hidden, readDialog, shownIn, waitForDialog } from './support/dialog-view';

const GRACE_MS = 500;

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`not recorded: ${what}`);
  return value;
}

const FRENCH = `{ reconnectionOptions: {
  maxRetries: 2,
  retryIntervalMilliseconds: 1000,
  messages: {
    title: 'Connexion au serveur perdue',
    rejoining: 'Reconnexion au serveur\u2026',
    retrying: ({ attempt, secondsToNextAttempt }) => 'Essai ' + attempt + ' dans ' + secondsToNextAttempt + ' s',
    failed: '\u00c9chec de la reconnexion.',
    retry: 'R\u00e9essayer',
    reload: 'Recharger',
  },
} }`;

describe.skipIf(chromiumPath === undefined)('default dialog (built IIFE, real outages)', () => {
  let browser: Browser;
  let site: Site;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    browser = await launchChromium();
    site = await startSite({
      pages: {
        ...uiPage({ startScript: '/grace.js', startOptions: '{ reconnectionOptions: { maxRetries: 50, retryIntervalMilliseconds: 300 } }' }),
        ...uiPage({ startScript: '/reject.js' }),
        ...uiPage({ startScript: '/french.js', startOptions: FRENCH, lang: 'fr', dir: 'rtl' }),
        ...uiPage({ startScript: '/defaults.js', startOptions: '{}' }),
      },
    });
  });

  afterAll(async () => {
    await browser.close();
    await site.close();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    problems = watchProblems(page);
    await installRecorder(page);
  });

  afterEach(async () => {
    await context.close();
    site.hub.reset({ log: true });
  });

  async function open(path: string): Promise<void> {
    await page.goto(`${site.url}${path}`);
    await waitForStart(page);
  }

  /** Waits (bounded) until the page's clock has passed `at + ms`: only to prove something did NOT happen. */
  async function pageTimePasses(at: number, ms: number): Promise<void> {
    await page.waitForFunction((until) => performance.now() >= until, at + ms, { timeout: 5_000 });
  }

  it('appears only after the 500 ms grace period when the server goes down, and goes when it is back', async () => {
    await open('/grace.html');
    site.hub.down(60_000);

    const shown = await waitForDialog(page, (view) => view.visible, 'the dialog to appear');
    expect(shown.role).toBe('alertdialog');
    expect(shown.modal).toBe(true);
    expect(shown.classes).toContain('components-reconnect-show');

    // The recorder samples once per animation frame: let it see the frame the dialog is on.
    await waitUntil(async () => (await readRecord(page)).visibility.some((change) => change.visible), 2_000, 'a recorded frame showing the dialog');
    const record = await readRecord(page);
    const down = found(record.events.find((event) => event.state === 'show'), 'the show event');
    const opened = found(record.opens.find((change) => change.visible), 'the dialog opening');
    const seen = found(record.visibility.find((change) => change.visible), 'a frame showing the dialog');
    // Not before the grace period (a timer never fires early), and not much after it.
    expect(opened.at - down.at).toBeGreaterThanOrEqual(GRACE_MS - 1);
    expect(opened.at - down.at).toBeLessThan(GRACE_MS + 1000);
    expect(seen.at).toBeGreaterThanOrEqual(opened.at);
    // By then the first attempt (300 ms) failed: the countdown to the second one is on screen.
    expect(shown.text).toMatch(/^Rejoin failed… trying again in \d+\sseconds?$|^Rejoining the server…$/);

    site.hub.reset();
    await waitForDialog(page, hidden, 'the dialog to hide once the server is back');
    const after = await readRecord(page);
    expect(after.events.at(-1)?.state).toBe('hide');
    expect(after.opens.at(-1)?.visible).toBe(false);
    expect(problems.errors).toEqual([]);
  });

  for (const blip of [
    { name: 'a dropped socket (server up)', cause: (hub: Site['hub']) => { hub.drop(); } },
    { name: 'a 200 ms outage', cause: (hub: Site['hub']) => { hub.down(200); } },
  ]) {
    it(`never shows for ${blip.name}: resumed by an attempt started within the grace period`, async () => {
      await open('/grace.html');
      const reconnectsBefore = site.hub.log.counters.circuitsConnected;
      const faultAt = Date.now();
      blip.cause(site.hub);

      await page.waitForFunction(
        () => (window as { __ui?: { events: { state: string }[] } }).__ui?.events.some((event) => event.state === 'hide'),
        undefined,
        { timeout: 5_000 },
      );
      const record = await readRecord(page);
      const down = found(record.events.find((event) => event.state === 'show'), 'the show event');
      const up = found(record.events.find((event) => event.state === 'hide'), 'the hide event');
      // Reported, not bounded: on a loaded machine the attempt started inside the grace period
      // may finish after it, and the dialog then waits for it (what the user sees is asserted
      // below: no open, no painted frame). 300-500 ms here, 566 ms seen in a loaded CI run.
      console.log(`grace: ${blip.name} resumed ${Math.round(up.at - down.at)} ms after the drop`);
      // The attempt that resumed it reached the server within the grace period of the fault (the
      // server's clock on both sides; the page noticed the fault after it, so this is stricter).
      const accepted = site.hub.log.entries('negotiate').filter((entry) => entry.at >= faultAt && entry.status === 200);
      expect(accepted).toHaveLength(1);
      expect(found(accepted[0], 'the accepted negotiation').at - faultAt).toBeLessThan(GRACE_MS);
      // A real reconnect happened (ConnectCircuit accepted), not a page that never noticed.
      expect(site.hub.log.counters.circuitsConnected).toBe(reconnectsBefore + 1);

      // Give a stray timer every chance to open it, then check the whole recorded timeline.
      await pageTimePasses(down.at, GRACE_MS + 300);
      const final = await readRecord(page);
      expect(final.opens).toEqual([]);
      expect(final.visibility).toEqual([]);
      expect((await readDialog(page)).visible).toBe(false);
      expect(problems.errors).toEqual([]);
    });
  }

  // Blazor's default schedule (attempts 1-10 at once, then 5 s) spends its ten immediate attempts
  // in well under a second and then waits 5 s, so after a 1 s outage its dialog stays up ~4.5 s
  // after the server is back. Our default waits [0.5, 1) s, then [1, 2) s: the last attempt made
  // during the outage is followed by one at most 2 s later, plus connection set-up.
  it('with the default options, the dialog goes within 2.5 s of the server\u2019s return after a 1 s outage', async () => {
    await open('/defaults.html');
    const backAt = Date.now() + 1000;
    site.hub.down(1000);
    await waitForDialog(page, (view) => view.visible, 'the dialog during the outage');
    await waitUntil(() => Date.now() > backAt + 2500, 5_000, '2.5 s after the server is back');
    expect((await readDialog(page)).visible).toBe(false);
  });

  it('on rejection reloads the page once; with the reload guard at its limit shows Reload instead', async () => {
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });
    await open('/reject.html');
    expect(loads).toBe(1);

    site.hub.restart(); // circuits forgotten: the next ConnectCircuit answers false
    await waitUntil(() => loads === 2, 10_000, 'the page to reload after the rejection');
    await waitForStart(page);
    const history = await page.evaluate(() => sessionStorage.getItem('circuit-reconnect:reloads'));
    expect(JSON.parse(history ?? '[]')).toHaveLength(1);
    expect(site.hub.log.counters.circuitsRejected).toBe(1);

    // Three reloads within the last minute: the guard stops the storm.
    await exhaustReloadGuard(page);
    site.hub.restart();
    const view = await waitForDialog(page, shownIn('rejected'), 'the rejected dialog');
    expect(view.text).toBe('The session has ended. Reload the page to continue.');
    expect(view.buttons).toEqual(['Reload']);
    expect(view.focus).toBe('Reload');
    expect(loads).toBe(2);
    expect(site.hub.log.counters.circuitsRejected).toBe(2);

    // The button is the way out: a real key press on it reloads.
    await page.keyboard.press('Enter');
    await waitUntil(() => loads === 3, 10_000, 'the Reload button to reload the page');
    await waitForStart(page);
    expect(problems.errors).toEqual([]);
  });

  it('shows translated messages (strings and functions) in the page\u2019s lang="fr" dir="rtl", following later changes of them', async () => {
    await open('/french.html');
    site.hub.down(60_000);

    const rejoining = await waitForDialog(page, (view) => view.visible, 'the dialog');
    expect(rejoining.text).toBe('Reconnexion au serveur\u2026');
    expect(rejoining.name).toBe('Connexion au serveur perdue');
    // The page's language and direction reach the dialog through its host.
    expect(rejoining.language).toBe('fr');
    expect(rejoining.direction).toBe('rtl');
    expect(await shadowStyle(page, 'h2', ['direction'])).toEqual({ direction: 'rtl' });

    const retrying = await waitForDialog(page, shownIn('retrying'), 'the countdown');
    expect(retrying.text).toBe('Essai 2 dans 1 s');

    const failed = await waitForDialog(page, shownIn('failed'), 'the failed state');
    expect(failed.text).toBe('\u00c9chec de la reconnexion.');
    expect(failed.buttons).toEqual(['R\u00e9essayer', 'Recharger']);
    expect(failed.focus).toBe('R\u00e9essayer');
    // The polite live region announces the translated text too.
    expect(failed.status).toBe(failed.text);

    // A page that changes its language or direction after the dialog was built: followed.
    await page.evaluate(() => {
      document.documentElement.lang = 'de';
      document.documentElement.dir = 'ltr';
    });
    const changed = await readDialog(page);
    expect([changed.language, changed.direction]).toEqual(['de', 'ltr']);

    site.hub.reset();
    await page.keyboard.press('Enter');
    await waitForDialog(page, hidden, 'the dialog to hide after Réessayer');
    expect(problems.errors).toEqual([]);
  });
});
