// A plain SignalR hub on the farm (examples/aspnetcore's chat, `demo/farm.mjs --app aspnetcore`):
// SignalR's Redis backplane carries a message sent on node 1 to the tabs on node 2; when node 1
// stops (SIGTERM, as a deploy), its tabs reconnect through the balancer to node 2 and keep
// receiving through the handlers chat.js registered once on the connection handle, and Send
// (`invoke`) works again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser/support/chromium';
import { DOTNET_PROJECTS } from '../support/dotnet-apps';
import { waitUntil } from '../support/wait';
import { skipWithoutFarm } from './support/farm-tools';
import { startFarmScript } from './support/farm-script';
import type { FarmScript } from './support/farm-script';
import type { ChatTab } from './support/chat-tabs';
import { chatState, expectDelivered, openChat, send, waitForState } from './support/chat-tabs';

const skip = skipWithoutFarm(DOTNET_PROJECTS.aspnetcore);

describe.skipIf(skip)('Chat on the farm: a plain hub, the Redis backplane, the connection handle', () => {
  let farm: FarmScript;
  let browser: Browser;
  let tabs: ChatTab[];
  beforeAll(async () => {
    farm = await startFarmScript(['--nodes', '2', '--app', 'aspnetcore']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await farm.stop();
  });

  it('delivers a message sent on node 1 to the tabs on node 2', async () => {
    tabs = [await openChat(browser, farm.url, 'ada', 1), await openChat(browser, farm.url, 'bob', 1), await openChat(browser, farm.url, 'cy', 2)];
    expect(tabs.map((tab) => tab.negotiations.at(-1)?.node)).toEqual(['1', '1', '2']);
    const [ada, , cy] = tabs as [ChatTab, ChatTab, ChatTab];
    await send(ada, 'from node 1');
    await expectDelivered(tabs, ada, 'from node 1');
    await send(cy, 'from node 2');
    await expectDelivered(tabs, cy, 'from node 2');
  });

  it("after node 1 stops, its tabs reconnect to node 2, keep their handlers, and Send works again", async () => {
    const [ada, bob, cy] = tabs as [ChatTab, ChatTab, ChatTab];
    const since = Date.now();
    const restart = farm.restart(1, 'TERM');
    // Node 1 keeps its tabs' connections 1 s (the farm's Farm__StopDelayMs), by then out of the
    // balancer's rotation, then closes them; the library connects them again, on node 2: node 1's
    // new process needs seconds to start (farm-stopping-node covers a reconnect the balancer
    // still sends to the stopping node).
    await waitUntil(
      () => [ada, bob].every((tab) => tab.negotiations.some((n) => n.at >= since)),
      30_000,
      "node 1's tabs to negotiate again",
      () => JSON.stringify([ada, bob].map((tab) => tab.negotiations)),
    );
    for (const tab of [ada, bob]) await waitForState(tab, 'connected', 30_000);
    const reconnectedMs = Math.max(...[ada, bob].map((tab) => (tab.negotiations.at(-1)?.at ?? Number.NaN) - since));
    console.info(
      `chat: SIGTERM node 1; its tabs connected again on nodes ${[ada, bob].map((tab) => tab.negotiations.at(-1)?.node).join(', ')}, ` +
        `${reconnectedMs} ms after the signal (negotiations ${JSON.stringify([ada, bob].map((tab) => tab.negotiations.map((n) => `${n.node}@${n.at - since}`)))})`,
    );
    expect([ada, bob].map((tab) => tab.negotiations.at(-1)?.node)).toEqual(['2', '2']);
    expect(await chatState(cy)).toBe('connected');

    await send(ada, 'after the stop');
    await expectDelivered(tabs, ada, 'after the stop');
    await send(cy, 'to the moved tabs');
    await expectDelivered(tabs, cy, 'to the moved tabs');
    console.info(`chat: node 1 back after ${(await restart).downMs} ms`);
  });
});
