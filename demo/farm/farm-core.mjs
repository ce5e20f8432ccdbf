// @ts-check
/**
 * Starts a farm: Redis (unless `redis: false`), N nodes of one example app (`app`: the Blazor Web
 * App by default, or the ASP.NET Core SignalR app), the control, and HAProxy in front of them all; `stop()` ends every process by its id and removes the farm's
 * temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createControl } from './control.mjs';
import { nodeIsUp, startHaproxy } from './haproxy.mjs';
import { FARM_APPS, startNodes } from './nodes.mjs';
import { startRedis } from './redis.mjs';
import { freePort } from '../server-process.mjs';

/**
 * @param {{ app?: import('./nodes.mjs').FarmApp, nodes?: number, port?: number, redis?: boolean, drain?: boolean, appArgs?: string[], print?: (line: string) => void }} [options]
 */
export async function startFarm(options = {}) {
  const count = options.nodes ?? 2;
  const print = options.print ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'circuit-reconnect-farm-'));
  // Also when the process ends in the middle of a start (Ctrl+C while the nodes start): the
  // processes are ended by server-process.mjs, the folder here.
  process.once('exit', () => { rmSync(dir, { recursive: true, force: true }); });
  /** @type {(() => Promise<unknown>)[]} */
  const stops = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
    stops.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const redis = options.redis === false ? undefined : await startRedis(dir);
    if (redis !== undefined) {
      stops.push(() => redis.server.stop());
      print(`redis on ${redis.connection} (process ${redis.server.pid})`);
    }
    // Without Redis the nodes still share their Data Protection keys, through this folder.
    const keysDir = join(dir, 'keys');
    const app = options.app ?? 'blazor';
    const nodes = await startNodes({ app, count, redis: redis?.connection, keysDir, drain: options.drain !== false, appArgs: options.appArgs ?? [] });
    for (const node of nodes) {
      stops.push(() => node.server.stop());
      print(`node ${node.n} on http://127.0.0.1:${node.port} (process ${node.server.pid})`);
    }

    const socket = join(dir, 'haproxy.sock');
    const control = createControl({ nodes, isUp: (n) => nodeIsUp(socket, n), print });
    const controlPort = await freePort();
    await new Promise((resolve) => control.server.listen(controlPort, '127.0.0.1', () => { resolve(undefined); }));
    stops.push(() => new Promise((resolve) => { control.server.closeAllConnections(); control.server.close(resolve); }));

    const port = options.port ?? (await freePort());
    const haproxy = await startHaproxy({ dir, port, controlPort, nodePorts: nodes.map((node) => node.port) });
    stops.push(() => haproxy.server.stop());
    for (const node of nodes) {
      while (!(await nodeIsUp(socket, node.n))) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    print(`haproxy on http://127.0.0.1:${port} (process ${haproxy.server.pid}, config ${haproxy.file})`);

    return {
      url: `http://127.0.0.1:${port}`,
      app,
      /** The app's page to open, e.g. `/counter`. */
      page: FARM_APPS[app].page,
      port,
      redis: redis?.connection,
      drain: options.drain !== false,
      nodes,
      restart: control.restart,
      roll: control.roll,
      status: control.status,
      /** What HAProxy printed: each node going down and coming back. */
      balancerOutput: haproxy.output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
