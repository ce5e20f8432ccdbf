// The fault suite against the demo server and the built IIFE: a drop that heals at once, and a
// 10 s outage retried on Blazor's default schedule with the dialog counting down.
import { describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server-core.mjs';
import { chromiumPath } from './support/chromium';
import { useFaultSuite } from './support/fault-suite';
import { recording, waitForState } from './support/fault-recorder';
import { completionsOf, isResumed, mark, since, startedCircuits, waitForLog } from './support/hub-log';
import { modalClasses, readDialog } from './support/dialog-view';
import { createDefaultRetryInterval } from '../../src/index';

/** The library's default wait before attempt `previousAttempts + 1`: its lowest and highest draw. */
function policyWindow(previousAttempts: number): [number, number] {
  const low = createDefaultRetryInterval(() => 0)(previousAttempts, undefined);
  const high = createDefaultRetryInterval(() => 1 - Number.EPSILON)(previousAttempts, undefined);
  if (typeof low !== 'number' || typeof high !== 'number') throw new Error(`the default policy stopped at ${previousAttempts}`);
  return [low, high];
}

interface Tick {
  seconds: number;
  at: number;
}

/** The dialog's countdowns, one per wait: the heading's "trying again in N seconds" between two "Rejoining". */
function countdownRuns(titles: readonly { text: string; at: number }[]): Tick[][] {
  const runs: Tick[][] = [];
  let run: Tick[] = [];
  for (const title of titles) {
    const seconds = /trying again in (\d+)\sseconds?/.exec(title.text)?.[1];
    if (seconds !== undefined) {
      run.push({ seconds: Number(seconds), at: title.at });
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * A countdown goes down to 1, never repeats or rises (a late tick may skip a number), and after
 * its first change (which lands on the next whole second) changes about once a second.
 */
function expectCountdown(run: readonly Tick[]): void {
  expect(run.at(-1)?.seconds).toBe(1);
  run.forEach((tick, i) => {
    const previous = run[i - 1];
    if (previous === undefined) return;
    expect(tick.seconds).toBeLessThan(previous.seconds);
    if (i >= 2) {
      expect(tick.at - previous.at).toBeGreaterThan(500);
      expect(tick.at - previous.at).toBeLessThan(2_100);
    }
  });
}

describe.skipIf(chromiumPath === undefined)('faults: drop and outage (demo server)', () => {
  const suite = useFaultSuite(() => startDemoServer({ port: 0 }));

  it('drop, server back at once: resumed on the first attempt, UI hidden, no dialog flash, no reload', async () => {
    for (const pageName of ['default-dialog', 'user-modal'] as const) {
      const { opened, circuitId } = await suite.open(`/${pageName}.html`);
      const { page } = opened;
      const before = mark(suite.hub);

      suite.hub.drop();
      const resumed = await waitForLog(suite.hub, isResumed, 10_000, `${pageName}: ConnectCircuit → true`, before);
      await waitForState(page, 'hide', 1, 5_000);

      const connect = since(suite.hub, before, 'invocation').filter((entry) => entry.method === 'ConnectCircuit');
      expect(connect.map((entry) => entry.args)).toEqual([[circuitId]]);
      expect(completionsOf(suite.hub, 'ConnectCircuit', before).map((entry) => entry.result)).toEqual([true]);
      expect(since(suite.hub, before, 'negotiate').map((entry) => entry.status)).toEqual([200]);
      const states = (await recording(page)).states.map((s) => s.state);
      expect(states[0]).toBe('show');
      expect(states.at(-1)).toBe('hide');
      if (pageName === 'default-dialog') {
        // Resumed well inside the 500 ms grace period: the dialog never appeared.
        expect((await recording(page)).dialog).toEqual([]);
        expect((await readDialog(page)).open).toBe(false);
      } else {
        expect(await modalClasses(page)).toEqual(['components-reconnect-hide']);
      }
      expect(resumed.at - (since(suite.hub, before, 'fault')[0]?.at ?? 0)).toBeLessThan(2_000);
      expect(opened.reloadTimes.length).toBe(0);
      expect(startedCircuits(suite.hub)).toEqual([circuitId]);
      expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
      await suite.reset();
    }
  });

  it('down 10 s, default policy: attempt 1 at once, each later one within its jittered window, a live countdown; resumed and hidden', async () => {
    const { opened } = await suite.open('/default-dialog.html');
    const { page } = opened;
    const before = mark(suite.hub);

    suite.hub.down(10_000);
    await waitForLog(suite.hub, isResumed, 25_000, 'ConnectCircuit → true after the outage', before);
    await waitForState(page, 'hide', 1, 5_000);

    const attempts = since(suite.hub, before, 'negotiate');
    const downAt = since(suite.hub, before, 'fault')[0]?.at ?? 0;
    expect((attempts[0]?.at ?? Infinity) - downAt).toBeLessThan(500);
    // The second is the grace period's extra attempt, when the 500 ms grace period ends, unless
    // the policy's own second attempt (500–1000 ms after the first) was due within 125 ms after
    // it: then that one is the second. Either way the grace period starts when the tab notices the
    // drop, after the server logged the fault: so counted from the fault, never less than 499 ms
    // (less 1 ms for two clocks' rounding). Counted from the first attempt it can be less: that
    // attempt reaches a loaded server some ms late.
    const secondAt = (attempts[1]?.at ?? Infinity) - downAt;
    expect(secondAt).toBeGreaterThanOrEqual(498);
    expect(secondAt).toBeLessThan(1_250);
    // After the grace period's attempt the policy's second follows within 501 ms; after the
    // policy's second, its third comes at least 1,000 ms later.
    const graceMade = (attempts[2]?.at ?? Infinity) - (attempts[1]?.at ?? 0) < 750;
    const policyAttempts = graceMade ? [attempts[0], ...attempts.slice(2)] : attempts;
    // The wait before attempt k + 1 is the policy's answer for k previous attempts: between its
    // lowest and highest draw (plus the failed attempt's round trip and timer lateness), as if
    // the grace period's attempt had not been made: it moves no wait.
    const gaps = policyAttempts.slice(1).map((entry, i) => (entry?.at ?? 0) - (policyAttempts[i]?.at ?? 0));
    gaps.forEach((gap, i) => {
      const [low, high] = policyWindow(i + 1);
      expect(gap, `wait before attempt ${i + 2}`).toBeGreaterThanOrEqual(low);
      expect(gap, `wait before attempt ${i + 2}`).toBeLessThan(high + 750);
    });
    // Waits of [0.5, 1), [1, 2), [2, 4) and then [2.5, 5) s: 5 to 7 attempts fit in 10 s.
    expect(policyAttempts.length).toBeGreaterThanOrEqual(5);
    expect(policyAttempts.length).toBeLessThanOrEqual(8);
    expect(attempts.at(-1)?.status).toBe(200);
    expect(attempts.slice(0, -1).every((entry) => entry.status === 503)).toBe(true);
    expect(completionsOf(suite.hub, 'ConnectCircuit', before).map((entry) => entry.result)).toEqual([true]);

    // What the user saw: the dialog appeared, counted down each wait, and closed.
    const seen = await recording(page);
    const runs = countdownRuns(seen.titles);
    // One countdown per policy wait, the first split in two by the grace period's attempt.
    expect(runs.length).toBe(policyAttempts.length - (graceMade ? 0 : 1));
    for (const run of runs) expectCountdown(run);
    expect(Math.max(...runs.map((run) => run.length))).toBeGreaterThanOrEqual(3);
    expect(seen.titles[0]?.text).toBe('Rejoining the server\u2026');
    expect(seen.dialog.map((d) => d.open)).toEqual([true, false]);
    expect(seen.dialogHostsCreated).toBe(1);
    expect(await readDialog(page)).toMatchObject({ open: false, classes: ['components-reconnect-hide'] });
    expect(opened.reloadTimes.length).toBe(0);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(`[faults] down 10 s, default policy: grace attempt ${graceMade ? 'made' : 'left out'}, waits ${gaps.join(', ')} ms; resumed ${(completionsOf(suite.hub, 'ConnectCircuit', before)[0]?.at ?? 0) - downAt} ms after the fault`);
  });

  it('down 4 s, Web App shape schedule [0, 1, 2, 5, 10 s]: the attempts keep to it, 5-4-3-2-1 before the last; resumed', async () => {
    const { opened } = await suite.open('/web-app-shape.html');
    const { page } = opened;
    const before = mark(suite.hub);

    suite.hub.down(4_000);
    await waitForLog(suite.hub, isResumed, 15_000, 'ConnectCircuit → true after the outage', before);
    await waitForState(page, 'hide', 1, 5_000);

    const all = since(suite.hub, before, 'negotiate');
    // The policy's four, plus the grace period's extra attempt (second) at the end of the 500 ms
    // grace period, which does not move the schedule.
    expect(all.map((entry) => [entry.path, entry.status])).toEqual([
      ['/signalr', 503],
      ['/signalr', 503],
      ['/signalr', 503],
      ['/signalr', 503],
      ['/signalr', 200],
    ]);
    const attempts = [all[0], ...all.slice(2)];
    const gaps = attempts.slice(1).map((entry, i) => (entry?.at ?? 0) - (attempts[i]?.at ?? 0));
    [1_000, 2_000, 5_000].forEach((wait, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(wait);
      expect(gaps[i]).toBeLessThan(wait + 750);
    });
    const runs = countdownRuns((await recording(page)).titles);
    // The first wait's countdown is interrupted once by the grace period's attempt.
    expect(runs.map((run) => run.map((tick) => tick.seconds))).toEqual([[1], [1], [2, 1], [5, 4, 3, 2, 1]]);
    for (const run of runs) expectCountdown(run);
    expect(await readDialog(page)).toMatchObject({ open: false, classes: ['components-reconnect-hide'] });
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(`[faults] down 4 s, explicit schedule: waits ${gaps.join(', ')} ms`);
  });
});
