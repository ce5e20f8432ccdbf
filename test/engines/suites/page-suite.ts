// The page around the reconnection UI in one engine: the user modal's classes, counters and
// state events; axe-core in each state, light and dark; `lang`/`dir`; the beacon on leaving.
import { expect, it } from 'vitest';
import { waitForLog } from '../../browser/support/hub-log';
import type { EnginePage } from '../support/engine';
import { dialogIn, pollPage } from '../support/engine-site';
import type { EngineSuite } from '../support/engine-suite';
import { readEngineRecord } from '../support/recorder';
import { expectCleanPage } from './dialog-suite';

interface AxeFinding {
  id: string;
  impact: string | null;
  /** Each failing node's selector and axe-core's explanation. */
  nodes: string[];
}

/** axe-core's serious and critical violations in the dialog as it is now (same-origin `/axe.js`). */
async function seriousViolations(page: EnginePage): Promise<AxeFinding[]> {
  return page.evaluate(async () => {
    interface Violation { id: string; impact?: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }
    interface Axe { run(context: { include: string[][] }): Promise<{ violations: Violation[] }> }
    const w = window as { axe?: Axe };
    if (!w.axe) {
      await new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = '/axe.js';
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      });
    }
    const axe = w.axe;
    if (!axe) throw new Error('axe-core did not load');
    // The fade-in must be over: half-transparent text would fail the contrast check.
    await Promise.all(document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.getAnimations().map((a) => a.finished.catch(() => undefined)) ?? []);
    // The dialog, not the test page behind it: in dark mode Firefox and WebKit paint the bare
    // test page's text and native buttons with a contrast the page's author would have to fix.
    const results = await axe.run({ include: [['[data-reconnect-dialog]']] });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      nodes: v.nodes.map((node) => `${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`),
    }));
  });
}

const modalState = (page: EnginePage): Promise<{ classes: string[]; attempt: string; max: string }> =>
  page.evaluate(() => ({
    classes: Array.from(document.getElementById('components-reconnect-modal')?.classList ?? []),
    attempt: document.getElementById('components-reconnect-current-attempt')?.textContent ?? '',
    max: document.getElementById('components-reconnect-max-retries')?.textContent ?? '',
  }));

export function pageSuite(suite: EngineSuite): void {
  it('the page’s own modal: one state class at a time, the counters, and the state events', async () => {
    const page = await suite.open('/modal.html');
    suite.site.hub.down(60_000);
    const retrying = await pollPage(() => modalState(page), (m) => m.attempt === '1', 'the first attempt counted');
    expect(retrying.max).toBe('2');
    expect(retrying.classes.filter((c) => c.startsWith('components-reconnect-'))).toHaveLength(1);
    await pollPage(() => modalState(page), (m) => m.classes.includes('components-reconnect-failed'), 'the failed class');
    suite.site.hub.reset();
    // `online` is one of the signals that make a failed outage try again at once.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const back = await pollPage(() => modalState(page), (m) => m.classes.includes('components-reconnect-hide'), 'the hide class');
    expect(back.classes.filter((c) => c.startsWith('components-reconnect-'))).toEqual(['components-reconnect-hide']);
    const events = (await readEngineRecord(page)).events;
    expect(events.every((e) => e.target === 'components-reconnect-modal')).toBe(true);
    expect(events[0]?.state).toBe('show');
    expect(events.find((e) => e.state === 'retrying')?.currentAttempt).toBeGreaterThanOrEqual(1);
    expect(events.map((e) => e.state)).toEqual(expect.arrayContaining(['failed', 'hide']));
    expect(events.at(-1)?.state).toBe('hide');
    await expectCleanPage(page);
  });

  // Firefox 153 does not let the page's language into a shadow tree (whatwg/html#4906): the
  // dialog copies it, so `:lang()` matches in every engine.
  const language = 'ar';
  it('lang="ar" dir="rtl": the dialog takes the page’s direction, and its language', async () => {
    const page = await suite.open('/rtl.html');
    suite.site.hub.down(60_000);
    const view = await dialogIn(page, (v) => v.visible, 'the dialog');
    expect({ language: view.language, direction: view.direction }).toEqual({ language, direction: 'rtl' });
    await expectCleanPage(page);
  });

  it('leaving the page sends the beacon: the server frees the circuit at once', async () => {
    const page = await suite.open('/dialog.html');
    const hub = suite.site.hub;
    const started = hub.log.entries('completion').find((e) => e.method === 'StartCircuit');
    const circuitId = started?.result;
    expect(typeof circuitId).toBe('string');
    await page.goto(`${suite.site.url}/elsewhere.html`);
    const beacon = await waitForLog(hub, (e) => e.kind === 'beacon' && e.circuitId === circuitId, 5_000, 'the disconnect beacon');
    expect(beacon.known).toBe(true);
    expect(hub.circuits.has(circuitId as string)).toBe(false);
  });

  // Last in the block: in Firefox and WebKit, dark means a restarted browser.
  it('axe-core: no serious or critical violation while retrying and failed, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await suite.engine.colorScheme(scheme);
      const page = await suite.open('/dialog.html');
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      suite.site.hub.down(60_000);
      await dialogIn(page, (view) => view.visible && view.text.includes('trying again'), `the countdown (${scheme})`);
      expect({ scheme, state: 'retrying', violations: await seriousViolations(page) }).toEqual({ scheme, state: 'retrying', violations: [] });
      await dialogIn(page, (view) => view.classes.includes('components-reconnect-failed'), `failed (${scheme})`);
      expect({ scheme, state: 'failed', violations: await seriousViolations(page) }).toEqual({ scheme, state: 'failed', violations: [] });
      await expectCleanPage(page);
      suite.site.hub.reset();
    }
  });
}
