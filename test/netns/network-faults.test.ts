// Real network faults between the browser and the hub: each test makes two network namespaces
// joined by a veth pair, runs the demo hub in one and Chromium in the other, and breaks the link
// with nftables rules or by taking it down (packets dropped or lost, nothing closed politely), or
// delays every byte through a relay. The client is the issue's: `withServerTimeout(4000).withKeepAliveInterval(2000)`.
import { describe, expect, it } from 'vitest';
import { maxConcurrentConnections } from '../browser/support/hub-log';
import { dialogIn, pollPage } from '../engines/support/engine-site';
import { engineAvailable } from '../engines/support/engine';
import { readEngineRecord } from '../engines/support/recorder';
import type { EngineRecord } from '../engines/support/recorder';
import { delay } from '../support/wait';
import { startFaultRun } from './support/fault-run';
import type { FaultRun } from './support/fault-run';
import { namespacesAvailable } from './support/netns';

const SERVER_TIMEOUT_MS = 4000;
const KEEP_ALIVE_MS = 2000;

/** The page's events on the wall clock (ms since the epoch), to set against the test's own. */
async function wallClockEvents(run: FaultRun): Promise<(EngineRecord['events'][number] & { wall: number })[]> {
  const origin = await run.page.evaluate(() => performance.timeOrigin);
  return (await readEngineRecord(run.page)).events.map((event) => ({ ...event, wall: origin + event.at }));
}

/** Waits until the page is back: its last outage hidden (or none) and the dialog not on screen. */
async function settled(run: FaultRun, timeoutMs: number): Promise<EngineRecord> {
  return pollPage(
    () => readEngineRecord(run.page),
    (record) => (record.events.length === 0 || record.events.at(-1)?.state === 'hide') && record.visibility.at(-1)?.visible !== true,
    'the page to be connected again',
    timeoutMs,
  );
}

/** The circuit is the one the page started: never a second StartCircuit, every resume of it. */
function expectSameCircuit(run: FaultRun): void {
  const completions = run.entries.filter((entry) => entry.kind === 'completion');
  expect(completions.filter((entry) => entry.method === 'StartCircuit')).toHaveLength(1);
  const resumes = completions.filter((entry) => entry.method === 'ConnectCircuit' && entry.result === true);
  const invocations = run.entries.filter((entry) => entry.kind === 'invocation' && entry.method === 'ConnectCircuit');
  expect(invocations.every((entry) => entry.args?.[0] === run.circuitId)).toBe(true);
  if (invocations.length > 0) expect(resumes.length).toBeGreaterThan(0);
}

/** Every `show` is followed by its `hide` before the next `show`: one outage at a time. */
function expectOneOutageAtATime(record: EngineRecord): void {
  let open = false;
  for (const event of record.events) {
    if (event.state === 'show') {
      expect(open).toBe(false);
      open = true;
    } else if (event.state === 'hide') {
      open = false;
    }
  }
}

describe.skipIf(!engineAvailable('chromium') || !namespacesAvailable())('real network faults (network namespaces, Chromium)', () => {
  it('silent cut (every packet dropped, no RST): noticed within the server timeout, the outage shown, recovered when the link returns', async () => {
    const run = await startFaultRun();
    try {
      const cutAt = Date.now();
      run.link.loss(100);
      await dialogIn(run.page, (view) => view.visible, 'the dialog during the cut', SERVER_TIMEOUT_MS + 5_000);
      const shown = (await wallClockEvents(run)).find((event) => event.state === 'show');
      const detection = (shown?.wall ?? Number.NaN) - cutAt;
      // The last ping arrived at most one keep-alive interval before the cut.
      expect(detection).toBeGreaterThanOrEqual(SERVER_TIMEOUT_MS - KEEP_ALIVE_MS);
      // A browser timer may run a little late on a loaded machine; nothing else may add to it.
      expect(detection).toBeLessThanOrEqual(SERVER_TIMEOUT_MS + 1000);
      await delay(3_000); // the outage goes on: attempts hang or fail while the link is dead
      const restoredAt = Date.now();
      run.link.loss(0);
      await settled(run, 40_000);
      const hidden = (await wallClockEvents(run)).filter((event) => event.state === 'hide').at(-1);
      const recovery = (hidden?.wall ?? Number.NaN) - restoredAt;
      console.log(`netns silent cut: detected after ${String(detection)} ms (server timeout ${String(SERVER_TIMEOUT_MS)} ms); recovered ${String(Math.round(recovery))} ms after the link returned`);
      expect(recovery).toBeGreaterThanOrEqual(0);
      expectSameCircuit(run);
    } finally {
      await run.close();
    }
  });

  it('30 % packet loss for 20 s: one outage at a time, no dialog left, connected on the same circuit', async () => {
    const run = await startFaultRun();
    try {
      const lossAt = Date.now();
      run.link.loss(30);
      await delay(20_000);
      run.link.loss(0);
      const record = await settled(run, 40_000);
      expectOneOutageAtATime(record);
      expect(maxConcurrentConnections(run.entries)).toBeLessThanOrEqual(2);
      const events = await wallClockEvents(run);
      const outages = events.filter((event) => event.state === 'show');
      const last = events.at(-1);
      console.log(
        `netns 30% loss: ${String(outages.length)} outage(s) in 20 s` +
          (outages.length > 0 && last ? `, the first noticed ${String(Math.round((outages[0]?.wall ?? 0) - lossAt))} ms into the loss, the last over ${String(Math.round(last.wall - lossAt - 20_000))} ms after it ended` : ': TCP carried the circuit through'),
      );
      expectSameCircuit(run);
    } finally {
      await run.close();
    }
  });

  it('1 s round trip: the start and each reconnect succeed, and no attempt fails for being slow', async () => {
    const run = await startFaultRun({ latencyMs: 500 });
    try {
      for (let drop = 1; drop <= 2; drop += 1) {
        const droppedAt = Date.now();
        const before = run.entries.length;
        run.drop();
        await pollPage(() => readEngineRecord(run.page), (r) => r.events.filter((e) => e.state === 'hide').length >= drop, `reconnect ${String(drop)}`, 30_000);
        const resumedAt = (await wallClockEvents(run)).filter((event) => event.state === 'hide')[drop - 1]?.wall ?? Number.NaN;
        const attempts = run.entries.slice(before).filter((entry) => entry.kind === 'invocation' && entry.method === 'ConnectCircuit');
        console.log(`netns 1 s RTT: reconnect ${String(drop)} took ${String(Math.round(resumedAt - droppedAt))} ms, ${String(attempts.length)} attempt(s)`);
        expect(attempts).toHaveLength(1);
      }
      const record = await readEngineRecord(run.page);
      expect(record.events.filter((event) => event.state === 'retrying' && (event.currentAttempt ?? 0) > 1)).toEqual([]);
      expect(run.entries.filter((entry) => entry.kind === 'negotiate').length).toBe(3);
      expectSameCircuit(run);
    } finally {
      await run.close();
    }
  });

  it('link flapping every 2 s for 20 s: at most one dialog, the same circuit at the end', async () => {
    const run = await startFaultRun();
    try {
      for (let flip = 0; flip < 10; flip += 1) {
        run.link.setUp(flip % 2 === 1);
        await delay(2_000);
      }
      run.link.setUp(true);
      const record = await settled(run, 40_000);
      const dialogs = record.visibility.filter((change) => change.visible).length;
      console.log(`netns flapping: ${String(record.events.filter((e) => e.state === 'show').length)} outage(s), ${String(dialogs)} dialog(s) in 20 s`);
      expect(dialogs).toBeLessThanOrEqual(1);
      expectOneOutageAtATime(record);
      expectSameCircuit(run);
    } finally {
      await run.close();
    }
  });
});
