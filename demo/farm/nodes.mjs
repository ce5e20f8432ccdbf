// @ts-check
/** The farm's nodes: copies of examples/blazor-web-app's build, each on its own port, told by environment that it is node N. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answers200, freePort, startServer } from '../server-process.mjs';

const APP = fileURLToPath(new URL('../../examples/blazor-web-app/', import.meta.url));
const CONFIGURATION = process.env.DOTNET_CONFIGURATION ?? 'Debug';
export const NODE_DLL = `${APP}bin/${CONFIGURATION}/net10.0/BlazorWebApp.dll`;

/**
 * @typedef {object} FarmNode
 * @property {number} n           1-based
 * @property {number} port
 * @property {import('../server-process.mjs').ServerProcess} server
 */

/**
 * @param {{ count: number, redis: string | undefined, keysDir: string, drain: boolean, appArgs: string[] }} options
 * @returns {Promise<FarmNode[]>}
 */
export async function startNodes({ count, redis, keysDir, drain, appArgs }) {
  if (!existsSync(NODE_DLL)) throw new Error(`${NODE_DLL} is missing: run \`dotnet build examples/blazor-web-app\` (npm run demo:farm does it)`);
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
      args: [NODE_DLL, '--urls', `http://127.0.0.1:${port}`, ...appArgs],
      cwd: APP,
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
      },
      healthy: () => answers200(`http://127.0.0.1:${port}/healthz`),
    });
    nodes.push({ n, port, server });
  }
  return nodes;
}
