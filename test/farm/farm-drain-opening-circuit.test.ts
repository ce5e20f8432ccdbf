// The race a rolling restart runs into (stop 21's CI failed on it once): a tab paused by node A's
// drain resumes on node B just as B is asked to stop. Its ResumeCircuit carries the circuit's
// only copy of its state (blazor.web.js forgets it once sent), so B must neither stop under the
// circuit (the state is lost: the tab stays paused) nor leave it untold (B waits its 10 s, closes
// the connection, and the tab's reconnect is rejected: a reload). Made deterministic on one node
// (A and B are its lives): the tab's WebSocket goes through Playwright's route, which holds the
// ResumeCircuit message until the node's drain has begun, then lets it through.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, WebSocketRoute } from 'playwright-core';
import { answers200, freePort, startServer } from '../../demo/server-process.mjs';
import type { ServerProcess } from '../../demo/server-process.mjs';
import { launchChromium } from '../browser/support/chromium';
import { DOTNET_PROJECTS, builtDll, projectFolder } from '../support/dotnet-apps';
import { waitUntil } from '../support/wait';
import { skipWithoutFarm } from './support/farm-tools';
import type { FarmTab } from './support/farm-tabs';
import { clickCounter, openTab, readTab } from './support/farm-tabs';
import { isBack } from './support/stop-outcome';

const skip = skipWithoutFarm();
const APP = DOTNET_PROJECTS.blazorWebApp;

/** Whether a client message of Blazor's hub (MessagePack, binary) invokes ResumeCircuit. */
const isResumeCircuit = (message: string | Buffer): boolean =>
  (typeof message === 'string' ? message : message.toString('latin1')).includes('ResumeCircuit');

describe.skipIf(skip)('A drain while a circuit is resuming on the stopping node', () => {
  let browser: Browser;
  let node: ServerProcess;
  let url = '';
  let keys = '';
  beforeAll(async () => {
    keys = mkdtempSync(join(tmpdir(), 'drain-keys-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    node = await startServer({
      name: 'node 1',
      command: 'dotnet',
      args: [builtDll(APP), '--urls', url],
      cwd: projectFolder(APP),
      // One farm node without Redis: its keys in a folder, so its next life reads the paused state.
      env: { ASPNETCORE_ENVIRONMENT: 'Development', DOTNET_NOLOGO: '1', Farm__Node: '1', Farm__Keys: keys, Farm__Drain: 'true' },
      healthy: () => answers200(`${url}/healthz`),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await node.stop('SIGTERM');
    rmSync(keys, { recursive: true, force: true });
  });

  /** The tab came back since `since` without a reload, with `persisted` and no failure state. */
  async function expectBack(tab: FarmTab, since: number, persisted: number, nodeLog: string): Promise<void> {
    await waitUntil(async () => { const view = await readTab(tab); return view.node !== '' && isBack(view, since); }, 30_000, `tab ${tab.index} back`, async () =>
      `${JSON.stringify(await readTab(tab))}\nthe node's life stopped under the resume:\n${nodeLog}`,
    );
    const view = await readTab(tab);
    expect(view.persisted, `tab ${tab.index}`).toBe(persisted);
    expect(view.loads.filter((at) => at >= since), `tab ${tab.index}: reloads`).toEqual([]);
    const states = view.states.filter((s) => s.at >= since).map((s) => s.state);
    expect(states.filter((state) => ['failed', 'rejected', 'resume-failed', 'paused'].includes(state)), `tab ${tab.index}`).toEqual([]);
    expect(states, `tab ${tab.index}`).toContain('updating');
  }

  /**
   * Tab A's circuit is paused by a stop, then resumes onto the node's next life just as that life
   * is asked to stop; with `neighbour`, tab B has a live circuit on that life too (the drain then
   * has a circuit to wait for from the start).
   */
  async function resumeOntoAStoppingNode(neighbour: boolean): Promise<void> {
    const tabA = await openTab(browser, url, 0);
    await clickCounter(tabA, 3);
    let hold = false;
    const held: (() => void)[] = [];
    // Every later WebSocket of tab A (its resumes) through this route; only a held message waits.
    await tabA.context.routeWebSocket(/\/_blazor/, (route: WebSocketRoute) => {
      const server = route.connectToServer();
      route.onMessage((message) => {
        if (hold && isResumeCircuit(message)) held.push(() => { server.send(message); });
        else server.send(message);
      });
      server.onMessage((message) => { route.send(message); });
    });
    const since = Date.now();

    // First life ends: its drain pauses tab A's circuit; the state is now in the tab.
    await node.stop('SIGTERM');
    hold = true;
    await node.start();
    await waitUntil(() => held.length === 1, 30_000, "tab A's ResumeCircuit, held", () => node.output());
    const tabB = neighbour ? await openTab(browser, url, 1) : undefined;
    if (tabB) await clickCounter(tabB, 2);
    const sinceB = Date.now();

    // Second life is asked to stop while that resume is on its way: its drain must wait for it.
    // Its health check answers 503 from the moment the stop begins, before the drain runs.
    const stopped = node.stop('SIGTERM');
    await waitUntil(async () => (await fetch(`${url}/healthz`)).status === 503, 10_000, 'the node to begin stopping', () => node.output());
    hold = false;
    held.splice(0).forEach((send) => { send(); });
    await stopped;
    const secondLife = node.output();

    // Third life: every tab resumes its circuit here, counter and all.
    await node.start();
    await expectBack(tabA, since, 3, secondLife);
    if (tabB) await expectBack(tabB, sinceB, 2, secondLife);
    // The node's console writes the message on the line after the category.
    const drainLog = secondLife.split('\n').filter((line) => line.includes('Drain: ')).at(-1);
    expect(drainLog).toContain(
      `Drain: ${neighbour ? 1 : 0} circuits and 1 opening at the stop; 1 opened during the drain and were told; 0 not paused, 0 still opening`,
    );
    await tabA.context.close();
    await tabB?.context.close();
  }

  it('alone on the node: the drain waits for the opening circuit, tells it once it opens, and the tab moves it with its state', async () => {
    await resumeOntoAStoppingNode(false);
  });

  it('beside a live circuit: the opening one is told too, and both tabs move with their state and no reload', async () => {
    await resumeOntoAStoppingNode(true);
  });
});
