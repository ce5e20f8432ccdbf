// @ts-check
/**
 * The farm's nodes: copies of one example app's build (the Blazor Web App, or the ASP.NET Core
 * SignalR app), each on its own port, told by environment that it is node N.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answers200, freePort, startServer } from '../server-process.mjs';

const CONFIGURATION = process.env.DOTNET_CONFIGURATION ?? 'Debug';

/**
 * The apps a farm can run: where each is built, and the page to open. Both read the same
 * `Farm__*` settings (examples/common/FarmNode.cs); only the Blazor Web App has a drain.
 */
export const FARM_APPS = {
  blazor: { folder: 'blazor-web-app', assembly: 'BlazorWebApp', page: '/counter' },
  aspnetcore: { folder: 'aspnetcore', assembly: 'CircuitReconnectSample', page: '/chat.html' },
};

/** @typedef {keyof typeof FARM_APPS} FarmApp */

/** @param {FarmApp} app */
export function appFolder(app) {
  return fileURLToPath(new URL(`../../examples/${FARM_APPS[app].folder}/`, import.meta.url));
}

/** @param {FarmApp} app */
export function nodeDll(app) {
  return `${appFolder(app)}bin/${CONFIGURATION}/net10.0/${FARM_APPS[app].assembly}.dll`;
}

/**
 * @typedef {object} FarmNode
 * @property {number} n           1-based
 * @property {number} port
 * @property {import('../server-process.mjs').ServerProcess} server
 */

/**
 * @param {{ app?: FarmApp, count: number, redis: string | undefined, keysDir: string, drain: boolean, appArgs: string[] }} options
 * @returns {Promise<FarmNode[]>}
 */
export async function startNodes({ app = 'blazor', count, redis, keysDir, drain, appArgs }) {
  const dll = nodeDll(app);
  const folder = appFolder(app);
  if (!existsSync(dll)) throw new Error(`${dll} is missing: run \`dotnet build examples/Examples.slnx\` (npm run demo:farm does it)`);
  const ports = [];
  for (let n = 1; n <= count; n++) ports.push(await freePort());
  // Started one after the other: two .NET apps starting at once on two cores each take longer.
  /** @type {FarmNode[]} */
  const nodes = [];
  for (const [index, port] of ports.entries()) {
    const n = index + 1;
    const server = await startServer({
      name: `node ${n}`,
      command: 'dotnet',
      args: [dll, '--urls', `http://127.0.0.1:${port}`, ...appArgs],
      cwd: folder,
      env: {
        // Development serves the build's static web assets (blazor.web.js among them).
        ASPNETCORE_ENVIRONMENT: 'Development',
        DOTNET_NOLOGO: '1',
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
        Farm__Node: String(n),
        Farm__Redis: redis ?? '',
        Farm__Keys: keysDir,
        // Pause every circuit before a node stops (examples/blazor-web-app/CircuitDrain.cs).
        Farm__Drain: String(drain),
        // The SignalR app's circuits in Redis too, so any node resumes any circuit
        // (examples/aspnetcore/CircuitStoreRegistration.cs); without Redis, in each node's memory.
        ...(app === 'aspnetcore' && redis ? { Circuits__Store: 'distributed' } : {}),
        // A stopping SignalR node keeps its connections 1 s (HAProxy checks every 400 ms, a check
        // can take 300 ms), so its tabs reconnect once the balancer has taken it out of rotation.
        // The Blazor Web App needs none: its drain moves the circuits first.
        ...(app === 'aspnetcore' ? { Farm__StopDelayMs: '1000' } : {}),
      },
      healthy: () => answers200(`http://127.0.0.1:${port}/healthz`),
    });
    nodes.push({ n, port, server });
  }
  return nodes;
}
