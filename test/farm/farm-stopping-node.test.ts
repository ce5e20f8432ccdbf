// A SignalR node that is stopping, while the balancer still sends it requests (stop 22's CI: a
// chat tab's immediate reconnect reached node 1 in the tens of milliseconds between its SIGTERM
// and its listener closing, was accepted there, and ended on node 1). A stopping node refuses new
// hub connections with 503 and keeps the ones it has for Farm:StopDelayMs
// (examples/common/FarmNode.cs); HAProxy sends a refused or 503-answered request on to another
// node at once (demo/farm/haproxy.cfg). The moments between two health checks, when the balancer
// has not yet noticed the stop, are held open by switching node 1's checks off on HAProxy's
// runtime API: it keeps node 1 in rotation whatever node 1 answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { freePort } from '../../demo/server-process.mjs';
import { haproxyCommand, nodeIsUp, startHaproxy } from '../../demo/farm/haproxy.mjs';
import { startNodes } from '../../demo/farm/nodes.mjs';
import type { FarmNode } from '../../demo/farm/nodes.mjs';
import { launchChromium } from '../browser/support/chromium';
import { DOTNET_PROJECTS } from '../support/dotnet-apps';
import { waitUntil } from '../support/wait';
import { skipWithoutFarm } from './support/farm-tools';
import type { ChatTab } from './support/chat-tabs';
import { chatState, expectDelivered, openChat, send, waitForState } from './support/chat-tabs';

const skip = skipWithoutFarm(DOTNET_PROJECTS.aspnetcore);

/** The status a WebSocket upgrade to `url` is answered with (101 when it opens). */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.once('error', reject);
  });
}

/** HAProxy's status column (the 18th of `show stat`) for node `n`: UP, DOWN, "no check"… */
async function balancerStatus(socket: string, n: number): Promise<string | undefined> {
  const row = (await haproxyCommand(socket, 'show stat')).split('\n').find((line) => line.startsWith(`nodes,n${n},`));
  return row?.split(',')[17];
}

const answers = (tab: ChatTab): string[] => tab.negotiations.map((n) => `node ${n.node}: ${n.status}`);

describe.skipIf(skip)('A stopping SignalR node behind the balancer', () => {
  let dir = '';
  let nodes: FarmNode[] = [];
  let balancer: Awaited<ReturnType<typeof startHaproxy>>;
  let browser: Browser;
  let url = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stopping-node-'));
    // A stop delay far longer than the test's steps, so the stopping node's window stays open.
    nodes = await startNodes({ app: 'aspnetcore', count: 2, redis: undefined, keysDir: join(dir, 'keys'), drain: false, appArgs: ['--Farm:StopDelayMs=8000'] });
    const port = await freePort();
    // Nothing listens on the control's port: this farm has no control.
    balancer = await startHaproxy({ dir, port, controlPort: await freePort(), nodePorts: nodes.map((node) => node.port) });
    url = `http://127.0.0.1:${port}`;
    await waitUntil(() => nodeIsUp(balancer.socket, 2), 15_000, 'HAProxy to count node 2 as up', () => balancer.output());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await balancer.server.stop();
    for (const node of nodes) await node.server.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses new hub connections, which HAProxy sends to the other node; its own tabs stay until its stop delay ends, then move', async () => {
    const [node1] = nodes as [FarmNode, FarmNode];
    const ada = await openChat(browser, url, 'ada', 1);
    expect(answers(ada)).toEqual(['node 1: 200']);

    expect(await haproxyCommand(balancer.socket, 'disable health nodes/n1')).toBe('\n');
    const stopped = node1.server.stop('SIGTERM');
    const direct = `http://127.0.0.1:${node1.port}`;
    await waitUntil(async () => (await fetch(`${direct}/healthz`)).status === 503, 10_000, 'node 1 to begin stopping', () => node1.server.output());

    // Asked directly: a negotiation and a WebSocket upgrade are refused; a page is still served.
    expect((await fetch(`${direct}/chat/negotiate?negotiateVersion=1`, { method: 'POST' })).status).toBe(503);
    expect(await upgradeStatus(`ws://127.0.0.1:${node1.port}/chat?id=unknown`)).toBe(503);
    expect((await fetch(`${direct}/chat.html`)).status).toBe(200);
    // Still in rotation: HAProxy's status column reads "no check" (not DOWN) with its checks off.
    expect(await balancerStatus(balancer.socket, 1)).toBe('no check');

    // A tab opening now, pinned to node 1 by its cookie, is sent there by HAProxy, refused, and
    // sent on to node 2 by HAProxy: the browser never sees the refusal.
    const bob = await openChat(browser, url, 'bob', 1);
    expect(answers(bob)).toEqual(['node 2: 200']);
    // Node 1's own tab is still connected there, through the stop delay.
    expect(await chatState(ada)).toBe('connected');
    expect(answers(ada)).toEqual(['node 1: 200']);

    // The delay ends: SignalR closes node 1's connections, the node exits. Ada reconnects at once
    // (HAProxy still counts node 1 as up): refused, the request goes on to node 2.
    await waitUntil(() => ada.negotiations.length >= 2, 30_000, "ada's reconnect", () => JSON.stringify(answers(ada)));
    await waitForState(ada, 'connected', 30_000);
    expect(answers(ada)).toEqual(['node 1: 200', 'node 2: 200']);
    await stopped;
    // Ada's connection had carried no message: ASP.NET Core 10.0.12 would have left it open for
    // Kestrel's 30 s; the node closed it itself (examples/aspnetcore/HubStop.cs).
    expect(node1.server.output()).toContain('Stop: 1 hub connections kept 8000 ms after the stop began, then closed; 0 still open');

    await send(ada, 'after the stop');
    await expectDelivered([ada, bob], ada, 'after the stop');
    await send(bob, 'to the moved tab');
    await expectDelivered([ada, bob], bob, 'to the moved tab');
  });
});
