// `npm run demo:farm`'s script: Redis, two nodes of the Blazor Web App and HAProxy; both nodes
// serve through the balancer, each response names its node, a tab sticks to its node, and the
// control restarts a node (SIGKILL) and refuses what it cannot do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithoutFarm } from './support/farm-tools';
import { startFarmScript } from './support/farm-script';
import type { FarmScript } from './support/farm-script';

const skip = skipWithoutFarm();

/** GET `path` with an optional cookie header: the node that answered and the sticky cookie it set. */
async function get(url: string, cookie?: string): Promise<{ status: number; node: string | null; setCookie: string | null }> {
  const response = await fetch(url, cookie === undefined ? {} : { headers: { cookie } });
  await response.body?.cancel();
  return { status: response.status, node: response.headers.get('x-farm-node'), setCookie: response.headers.get('set-cookie') };
}

describe.skipIf(skip)('demo/farm.mjs: two nodes behind HAProxy, with Redis', () => {
  let farm: FarmScript;
  beforeAll(async () => {
    farm = await startFarmScript(['--nodes', '2']);
  });
  afterAll(async () => {
    await farm.stop();
  });

  it('serves both nodes through the balancer, each response naming its node', async () => {
    const nodes = new Set<string | null>();
    for (let i = 0; i < 6; i++) nodes.add((await get(`${farm.url}/counter`)).node);
    expect([...nodes].sort()).toEqual(['1', '2']);
  });

  it('keeps a browser on its node by the balancer\'s cookie', async () => {
    for (const node of ['1', '2']) {
      for (let i = 0; i < 4; i++) expect((await get(`${farm.url}/counter`, `FARM_NODE=n${node}`)).node).toBe(node);
    }
  });

  it('restarts a killed node and answers once the balancer has it back', async () => {
    const report = await farm.restart(1, 'KILL');
    expect(report).toMatchObject({ node: 1, signal: 'KILL' });
    expect((await get(`${farm.url}/counter`, 'FARM_NODE=n1')).node).toBe('1');
    const nodes = (await (await fetch(`${farm.url}/_farm/nodes`)).json()) as { node: number; up: boolean }[];
    expect(nodes.map((node) => node.up)).toEqual([true, true]);
    console.info(`restart node 1 (SIGKILL): ${JSON.stringify(report)}`);
  });

  // POST /_farm/roll is run by farm-rolling-restart.test.ts, with tabs on the nodes.
  it('refuses a node it does not have and a signal it does not send', async () => {
    expect((await fetch(`${farm.url}/_farm/restart?node=9&signal=TERM`, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${farm.url}/_farm/restart?node=1&signal=HUP`, { method: 'POST' })).status).toBe(400);
  });
});
