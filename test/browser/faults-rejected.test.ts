// The fault suite: a server restart forgets the circuit, so reconnection is rejected. What
// happens next depends on the page: the user modal shows it, the default dialog reloads once,
// the docs' boot.js reloads by itself.
import { describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server-core.mjs';
import { chromiumPath } from './support/chromium';
import { useFaultSuite } from './support/fault-suite';
import { recording, waitForState } from './support/fault-recorder';
import { completionsOf, mark, startedCircuits } from './support/hub-log';
import { modalClasses } from './support/dialog-view';
import { waitUntil } from './support/page-helpers';

describe.skipIf(chromiumPath === undefined)('faults: restart → rejected (demo server)', () => {
  const suite = useFaultSuite(() => startDemoServer({ port: 0 }));

  it('user modal: components-reconnect-rejected, and the page is not reloaded', async () => {
    const { opened, circuitId } = await suite.open('/user-modal.html');
    const { page } = opened;
    const before = mark(suite.hub);

    suite.hub.restart();
    await waitForState(page, 'rejected', 1, 10_000);

    expect(await modalClasses(page)).toEqual(['components-reconnect-rejected']);
    expect(await page.locator('#components-reconnect-modal .when-rejected').isVisible()).toBe(true);
    expect(await page.locator('#components-reconnect-modal .when-show').isVisible()).toBe(false);
    const rejected = completionsOf(suite.hub, 'ConnectCircuit', before);
    expect(rejected.map((entry) => entry.result)).toEqual([false]);
    // show, then the attempt's update (a `retrying` event with 0 s left), then rejected.
    const states = (await recording(page)).states;
    expect(states.map((s) => s.state)).toEqual(['show', 'retrying', 'rejected']);
    expect(states[1]).toMatchObject({ currentAttempt: 1, secondsToNextAttempt: 0 });
    // The display never reloads a page that brought its own modal; nothing retries a rejection.
    await page.waitForTimeout(1_000);
    expect(opened.reloadTimes.length).toBe(0);
    expect(completionsOf(suite.hub, 'ConnectCircuit', before)).toHaveLength(1);
    expect(startedCircuits(suite.hub)).toEqual([circuitId]);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
  });

  it('default dialog: reloads exactly once, and the reloaded page starts a new circuit', async () => {
    const { opened: page, circuitId } = await suite.open('/default-dialog.html');
    const before = mark(suite.hub);

    suite.hub.restart();
    await waitUntil(() => startedCircuits(suite.hub).length === 2 && suite.hub.circuits.size === 1, 15_000, 'a new circuit after the reload');
    await page.page.waitForLoadState('load');
    const rejectedAt = completionsOf(suite.hub, 'ConnectCircuit', before)[0];
    expect(rejectedAt?.result).toBe(false);
    expect(page.reloadTimes.length).toBe(1);
    expect(page.reloadTimes[0]).toBeGreaterThanOrEqual(rejectedAt?.at ?? Infinity);

    const [, newId] = startedCircuits(suite.hub);
    expect(newId).not.toBe(circuitId);
    expect(suite.hub.circuits.has(newId ?? '')).toBe(true);
    // The reloaded page is quiet: no dialog, no second reload, and the guard recorded one reload.
    expect(await page.page.locator('[data-reconnect-dialog]').count()).toBe(0);
    const history = await page.page.evaluate(() => sessionStorage.getItem('circuit-reconnect:reloads'));
    expect(JSON.parse(history ?? '[]')).toHaveLength(1);
    await page.page.waitForTimeout(1_000);
    expect(page.reloadTimes.length).toBe(1);
    expect(startedCircuits(suite.hub)).toHaveLength(2);
    expect(page.problems).toEqual({ errors: [], cspViolations: [] });
  });

  it("boot.js (the docs' handler): shows its own modal, gets false from Blazor.reconnect() and reloads", async () => {
    const { opened: page } = await suite.open('/boot-js.html');
    const before = mark(suite.hub);

    suite.hub.restart();
    await page.page.waitForFunction(
      () => document.getElementById('reconnect-modal')?.style.display === 'block',
      undefined,
      { timeout: 5_000 },
    );
    expect(await page.page.locator('#reconnect-modal').textContent()).toBe('Attempting to reconnect: 1 of 3');
    // boot.js waits 5 s before its first Blazor.reconnect().
    await waitUntil(() => page.reloadTimes.length === 1, 15_000, 'the reload');
    await waitUntil(() => startedCircuits(suite.hub).length === 2 && suite.hub.circuits.size === 1, 10_000, 'a new circuit');
    const connects = completionsOf(suite.hub, 'ConnectCircuit', before);
    expect(connects.map((entry) => entry.result)).toEqual([false]);
    const restartAt = suite.hub.log.entries('fault').find((entry) => entry.event === 'restart')?.at ?? 0;
    expect((connects[0]?.at ?? 0) - restartAt).toBeGreaterThanOrEqual(4_900);
    expect(page.reloadTimes[0]).toBeGreaterThanOrEqual(connects[0]?.at ?? Infinity);
    await page.page.waitForLoadState('load');
    expect(await page.page.locator('#reconnect-modal').isVisible()).toBe(false);
    expect(page.reloadTimes.length).toBe(1);
    expect(page.problems).toEqual({ errors: [], cspViolations: [] });
  });
});
