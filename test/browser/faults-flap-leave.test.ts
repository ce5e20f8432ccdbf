// The fault suite: a connection that flaps for 10 s (one dialog, one reconnection at a time, back
// to normal at the end), and leaving the page (the disconnect beacon frees the circuit, and the
// circuit id appears in no URL, console message, storage or markup).
import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import type { Request, WebSocket } from 'playwright-core';
import { startDemoServer } from '../../demo/server-core.mjs';
import type { HubLogEntry } from '../../demo/hub/index.mjs';
import { chromiumPath } from './support/chromium';
import { useFaultSuite } from './support/fault-suite';
import { recording } from './support/fault-recorder';
import {
  completionsOf,
  isResumed,
  mark,
  maxConcurrentConnections,
  since,
  startedCircuits,
  waitForLog,
} from './support/hub-log';
import { readDialog } from './support/dialog-view';
import { waitUntil } from './support/page-helpers';

/** ConnectCircuit invocations made while another of this client's connections was still open. */
function overlappingConnectCircuits(entries: readonly HubLogEntry[]): HubLogEntry[] {
  const open = new Set<string>();
  const overlapping: HubLogEntry[] = [];
  for (const entry of entries) {
    if (entry.connectionId === undefined) continue;
    if (entry.kind === 'connect') open.add(entry.connectionId);
    else if (entry.kind === 'close') open.delete(entry.connectionId);
    else if (entry.kind === 'invocation' && entry.method === 'ConnectCircuit' && (open.size !== 1 || !open.has(entry.connectionId))) {
      overlapping.push(entry);
    }
  }
  return overlapping;
}

describe.skipIf(chromiumPath === undefined)('faults: flapping connection, leaving the page', () => {
  const suite = useFaultSuite(() => startDemoServer({ port: 0 }));

  // Without delay every drop is healed within ~50 ms, well inside the dialog's grace period. With
  // 150 ms on every frame a resume takes ~600 ms, so the dialog opens each time. With 300 ms it
  // takes ~1.2 s, longer than the flap period, so drops land on attempts in flight.
  it.each([0, 150, 300])('flap 10 s, frames delayed %i ms: one dialog element, one reconnection at a time, resumed and hidden at the end', async (slowMs) => {
    const { opened, circuitId } = await suite.open('/default-dialog.html');
    const { page } = opened;
    const before = mark(suite.hub);

    if (slowMs > 0) suite.hub.slow(slowMs);
    suite.hub.flap(10);
    await waitForLog(suite.hub, (entry) => entry.kind === 'fault' && entry.event === 'flap-end', 15_000, 'the end of the flapping', before);
    await waitUntil(() => suite.hub.circuits.state(circuitId) === 'connected', 15_000, 'the circuit connected again');
    await page.waitForFunction(() => (window as unknown as { __faults: { states: { state: string }[] } }).__faults.states.at(-1)?.state === 'hide', undefined, { timeout: 5_000 });

    const log = since(suite.hub, before);
    const drops = log.filter((entry) => entry.kind === 'close' && entry.event === 'fault');
    const resumes = completionsOf(suite.hub, 'ConnectCircuit', before);
    // With 300 ms frames every drop after the first lands on an attempt in flight.
    expect(drops.length).toBeGreaterThanOrEqual(slowMs > 0 ? 3 : 9);
    expect(resumes.length).toBeGreaterThanOrEqual(slowMs > 0 ? 1 : drops.length - 1);
    expect(resumes.every(isResumed)).toBe(true);
    const invocations = since(suite.hub, before, 'invocation');
    expect(invocations.every((i) => i.method === 'ConnectCircuit' && i.args?.[0] === circuitId)).toBe(true);
    // The server never saw two connections of this page at once, nor a ConnectCircuit racing another.
    expect(maxConcurrentConnections(log)).toBe(1);
    expect(overlappingConnectCircuits(log)).toEqual([]);
    expect(suite.hub.connectionCount).toBe(1);

    // The page: one dialog element ever, and outages that never interleave (show … hide, show … hide).
    const seen = await recording(page);
    expect(seen.dialogHostsMax).toBe(1);
    expect(seen.dialogHostsCreated).toBe(1);
    const shown = seen.states.filter((s) => s.state === 'show' || s.state === 'hide').map((s) => s.state);
    expect(shown.length % 2).toBe(0);
    expect(shown.every((state, i) => state === (i % 2 === 0 ? 'show' : 'hide'))).toBe(true);
    if (slowMs === 0) expect(shown.length).toBeGreaterThanOrEqual(2 * drops.length - 2);
    // Slow frames: a flap is seen late, and the grace period's attempt may resume it unseen, so
    // the dialog opens at most once per drop (never more often than the link broke).
    else expect(seen.dialog.filter((d) => d.open).length).toBeLessThanOrEqual(drops.length);
    expect(seen.dialog.every((d, i) => d.open === (i % 2 === 0))).toBe(true);
    expect(await readDialog(page)).toMatchObject({ open: false, classes: ['components-reconnect-hide'] });
    expect(startedCircuits(suite.hub)).toEqual([circuitId]);
    expect(opened.reloadTimes.length).toBe(0);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
    console.info(
      `[faults] flap 10 s, slow ${slowMs} ms: ${drops.length} drops, ${resumes.length} resumes, ` +
        `${shown.length / 2} outages shown, ${seen.dialog.filter((d) => d.open).length} dialog openings`,
    );
  });

  it('navigating away: the beacon frees the circuit; its id is in no URL, console message, storage or markup', async () => {
    const requestUrls: string[] = [];
    const socketUrls: string[] = [];
    // The server's view too: a beacon sent during unload is not reported to the page's listeners.
    const serverUrls: string[] = [];
    const onServerRequest = (req: IncomingMessage): void => {
      serverUrls.push(req.url ?? '');
    };
    suite.server.server.on('request', onServerRequest);
    suite.server.server.on('upgrade', onServerRequest);
    const { opened, circuitId } = await suite.open('/default-dialog.html', {
      beforeGoto: (page) => {
        page.on('request', (request: Request) => requestUrls.push(request.url()));
        page.on('websocket', (socket: WebSocket) => socketUrls.push(socket.url()));
        return Promise.resolve();
      },
    });
    const { page } = opened;
    // One reconnect too, so ConnectCircuit (which sends the id) is part of the traffic checked.
    const beforeDrop = mark(suite.hub);
    suite.hub.drop();
    await waitForLog(suite.hub, isResumed, 10_000, 'ConnectCircuit → true', beforeDrop);

    const stored = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      shadow: [...document.querySelectorAll('[data-reconnect-dialog]')].map((host) => host.shadowRoot?.innerHTML ?? '').join(''),
      session: JSON.stringify(Object.entries(sessionStorage)),
      local: JSON.stringify(Object.entries(localStorage)),
      cookie: document.cookie,
      name: window.name,
      url: location.href,
    }));
    for (const [where, text] of Object.entries(stored)) expect(text.includes(circuitId), where).toBe(false);

    const beforeLeave = mark(suite.hub);
    await page.goto(`${suite.server.url}/index.html`);
    // This page's beacon: one from an earlier test's page, closed just before, may still arrive.
    const entry = await waitForLog(suite.hub, (e) => e.kind === 'beacon' && e.circuitId === circuitId, 5_000, 'the disconnect beacon', beforeLeave);

    expect(entry).toMatchObject({ path: '/_blazor', status: 200, known: true, circuitId });
    expect(suite.hub.circuits.has(circuitId)).toBe(false);
    suite.server.server.off('request', onServerRequest);
    suite.server.server.off('upgrade', onServerRequest);
    expect(serverUrls).toContain('/_blazor/disconnect');
    expect(serverUrls.filter((url) => url.startsWith('/_blazor/negotiate'))).toHaveLength(2);
    expect(socketUrls).toHaveLength(2);
    expect([...requestUrls, ...socketUrls, ...serverUrls].filter((url) => url.includes(circuitId))).toEqual([]);
    expect(opened.consoleTexts.length).toBeGreaterThan(0); // the drop logged something; none of it the id
    expect(opened.consoleTexts.filter((text) => text.includes(circuitId))).toEqual([]);
    expect(opened.problems).toEqual({ errors: [], cspViolations: [] });
  });
});
