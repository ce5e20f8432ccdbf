// HAProxy in front of the farm benchmark's ASP.NET Core nodes: demo/farm's own configuration
// (sticky cookie, redispatch, a node out of rotation at its first failed check) through
// demo/farm/haproxy.mjs, unchanged: the nodes are farm nodes (Farm__Node), so they answer
// /healthz, 503 from the moment they are asked to stop (examples/common/FarmNode.cs).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haproxyConfig, nodeIsUp } from '../../demo/farm/haproxy.mjs';
import { answers200, freePort, startServer } from '../../demo/server-process.mjs';

/** @param {{ dir: string, nodes: { base: string }[] }} options */
export async function startFarmBalancer({ dir, nodes }) {
  const port = await freePort();
  // The template routes /_farm/ to a farm control; the benchmark has none (nothing listens there).
  const controlPort = await freePort();
  const socket = join(dir, 'haproxy.sock');
  const file = join(dir, 'haproxy.cfg');
  const nodePorts = nodes.map((node) => Number(new URL(node.base).port));
  writeFileSync(file, haproxyConfig({ port, controlPort, nodePorts, socket }));
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer({
    name: 'haproxy',
    command: 'haproxy',
    args: ['-db', '-f', file],
    healthy: async () => (await answers200(`${url}/healthz`)) && (await nodeIsUp(socket, 1)) && (await nodeIsUp(socket, 2)),
    startTimeoutMs: 15_000,
  });
  return {
    url,
    stop: () => server.stop(),
    /** Resolves once HAProxy counts node `n` as up again (its next check after a restart). @param {number} n */
    async waitUntilUp(n) {
      const deadline = Date.now() + 15_000;
      while (!(await nodeIsUp(socket, n))) {
        if (Date.now() > deadline) throw new Error(`haproxy: node ${n} not back in rotation after 15 s:\n${server.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
