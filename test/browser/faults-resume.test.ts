// The fault suite against the demo server and the built IIFE: a drop that heals at once, and a
// 10 s outage retried on Blazor's default schedule with the dialog counting down.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startDemoServer } from '../../demo/server-core.mjs';
import type { DemoServer } from '../../demo/server-core.mjs';
import { chromiumPath, launchChromium } from './support/chromium';
import {
  completionsOf,
  dialogView,
  isResumed,
  mark,
  modalClasses,
  openWithCircuit,
  recording,
  since,
  startedCircuits,
  waitForLog,
  waitForState,
} from './support/demo-fixture';
import type { OpenedPage } from './support/demo-fixture';
import { assertBuilt } from './support/site';

describe.skipIf(chromiumPath === undefined)('faults: drop and outage (demo server)', () => {
  let browser: Browser;
  let demo: DemoServer;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    assertBuilt();
    browser = await launchChromium();
    demo = await startDemoServer({ port: 0 });
  });

  afterEach(async () => {
    await opened?.close();
    opened = undefined;
    demo.hub.reset({ log: true });
  });

  afterAll(async () => {
    await browser.close();
    await demo.close();
  });

  it('drop, server back at once: resumed on the first attempt, UI hidden, no dialog flash, no reload', async () => {
    for (const pageName of ['default-dialog', 'user-modal'] as const) {
      let circuitId: string;
      ({ opened, circuitId } = await openWithCircuit(browser, demo, `/${pageName}.html`));
      const { page } = opened;
      const before = mark(demo.hub);

      demo.hub.drop();
      const resumed = await waitForLog(demo.hub, isResumed, 10_000, `${pageName}: ConnectCircuit → true`, before);
      await waitForState(page, 'hide', 1, 5_000);

      const connect = since(demo.hub, before, 'invocation').filter((entry) => entry.method === 'ConnectCircuit');
      expect(connect.map((entry) => entry.args)).toEqual([[circuitId]]);
      expect(completionsOf(demo.hub, 'ConnectCircuit', before).map((entry) => entry.result)).toEqual([true]);
      expect(since(demo.hub, before, 'negotiate').map((entry) => entry.status)).toEqual([200]);
      const states = (await recording(page)).states.map((s) => s.state);
      expect(states[0]).toBe('show');
      expect(states.at(-1)).toBe('hide');
      if (pageName === 'default-dialog') {
        // Resumed well inside the 500 ms grace period: the dialog never appeared.
        expect((await recording(page)).dialog).toEqual([]);
        expect((await dialogView(page)).open).toBe(false);
      } else {
        expect(await modalClasses(page)).toEqual(['components-reconnect-hide']);
      }
      expect(resumed.at - (since(demo.hub, before, 'fault')[0]?.at ?? 0)).toBeLessThan(2_000);
      expect(opened.reloads()).toBe(0);
      expect(startedCircuits(demo.hub)).toEqual([circuitId]);
      expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
      await opened.close();
      opened = undefined;
      demo.hub.reset({ log: true });
    }
  });

  it('down 10 s: 10 immediate attempts, then ~5 s apart with a live countdown; resumed and hidden when the server returns', async () => {
    ({ opened } = await openWithCircuit(browser, demo, '/default-dialog.html'));
    const { page } = opened;
    const before = mark(demo.hub);
    const downAt = Date.now();

    demo.hub.down(10_000);
    await waitForLog(demo.hub, isResumed, 25_000, 'ConnectCircuit → true after the outage', before);
    await waitForState(page, 'hide', 1, 5_000);

    const attempts = since(demo.hub, before, 'negotiate');
    const times = attempts.map((entry) => entry.at);
    // Attempts 1–10 at once (each a quick 503), the 11th only after a 5 s wait.
    const immediate = times.filter((at) => at - downAt < 3_000);
    expect(immediate).toHaveLength(10);
    expect(attempts.slice(0, 10).every((entry) => entry.status === 503)).toBe(true);
    const gaps = times.slice(10).map((at, i) => at - (times[9 + i] ?? 0));
    expect(gaps.length).toBeGreaterThanOrEqual(2); // attempt 11 (still down) and the one that succeeds
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(4_500);
      expect(gap).toBeLessThan(6_500);
    }
    expect(attempts.at(-1)?.status).toBe(200);
    expect(attempts.slice(0, -1).every((entry) => entry.status === 503)).toBe(true);
    expect(completionsOf(demo.hub, 'ConnectCircuit', before).map((entry) => entry.result)).toEqual([true]);

    // What the user saw: the dialog appeared, counted down the seconds, and closed.
    const seen = await recording(page);
    const seconds = seen.titles
      .map((title) => /trying again in (\d+) seconds?/.exec(title.text)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    // 5, 4, 3, 2, 1 (a tick delayed past a whole second would skip a number, never repeat one).
    const firstWait = seconds.slice(0, seconds.indexOf(1) + 1);
    expect(firstWait[0]).toBe(5);
    expect(firstWait.at(-1)).toBe(1);
    expect(firstWait.every((n, i) => i === 0 || n < (firstWait[i - 1] ?? 0))).toBe(true);
    expect(firstWait.length).toBeGreaterThanOrEqual(4);
    // Each change about a second after the previous one (whole seconds from the wall clock).
    const counting = seen.titles.filter((title) => title.text.includes('trying again in')).slice(0, firstWait.length);
    for (let i = 1; i < counting.length; i += 1) {
      const step = (counting[i]?.at ?? 0) - (counting[i - 1]?.at ?? 0);
      expect(step).toBeGreaterThan(500);
      expect(step).toBeLessThan(2_100);
    }
    expect(seen.titles[0]?.text).toBe('Rejoining the server\u2026');
    expect(seen.dialog.map((d) => d.open)).toEqual([true, false]);
    expect(seen.dialogHostsCreated).toBe(1);
    const view = await dialogView(page);
    expect(view.open).toBe(false);
    expect(view.classes).toEqual(['components-reconnect-hide']);
    expect(opened.reloads()).toBe(0);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(`[faults] down 10 s: attempt gaps after the first 10: ${gaps.join(', ')} ms; resumed ${(since(demo.hub, before, 'completion').at(-1)?.at ?? 0) - downAt} ms after the fault`);
  });
});
