// The two servers the real-server herd restarts, each through the one helper that starts every
// real server (demo/server-process.mjs): a free loopback port, health, stop by process id.
//   aspnetcore: the ASP.NET Core sample's circuit hub on Kestrel (examples/aspnetcore), built by
//               `npm run build:dotnet`, with Bench:Counters=true and Circuits:Store=file;
//   node:       the demo hub (bench/real-herd/node-hub.mjs) with its circuits file.
// `appArgs` go to the ASP.NET Core app (e.g. a rate limiter switched on by configuration).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answers200, freePort, startServer } from '../../demo/server-process.mjs';

const CONFIGURATION = process.env.DOTNET_CONFIGURATION ?? 'Debug';

/** @param {string} root the repository @returns {string} */
export function aspNetCoreDll(root) {
  return join(root, 'examples', 'aspnetcore', 'bin', CONFIGURATION, 'net10.0', 'CircuitReconnectSample.dll');
}

/**
 * @typedef {object} HerdServer
 * @property {string} name
 * @property {string} url the hub's URL
 * @property {string} base
 * @property {() => number} pid
 * @property {() => Promise<number>} kill   SIGKILL: the process vanishes, its sockets reset
 * @property {() => Promise<number>} terminate  SIGTERM: a stop (Kestrel closes its connections)
 * @property {() => Promise<number>} start  resolves with the milliseconds to health
 * @property {() => Promise<void>} stop
 * @property {() => Promise<{ startedAt: number, times: number[], tags: string[] }>} negotiations
 */

/**
 * @param {'aspnetcore' | 'node'} kind
 * @param {{ root: string, dir: string, appArgs?: string[], label?: string, farm?: { node: number, redis: string } }} options
 *   `dir`: a temporary folder for the circuits file; `farm`: an ASP.NET Core farm node instead,
 *   its circuits in Redis (Circuits:Store=distributed, Farm:Node, Farm:Redis); `label`: its name in the table
 * @returns {Promise<HerdServer>}
 */
export async function startHerdServer(kind, { root, dir, appArgs = [], label, farm }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const circuitsFile = join(dir, `${kind}-circuits.txt`);
  const healthy = () => answers200(`${base}/bench/negotiations`);
  const spec =
    kind === 'aspnetcore'
      ? {
          name: 'aspnetcore',
          command: 'dotnet',
          args: [aspNetCoreDll(root), '--urls', base, '--Bench:Counters=true', ...(farm ? [] : ['--Circuits:Store=file', `--Circuits:File=${circuitsFile}`]), ...appArgs],
          cwd: join(root, 'examples', 'aspnetcore'),
          env: {
            DOTNET_NOLOGO: '1',
            DOTNET_CLI_TELEMETRY_OPTOUT: '1',
            // Warning: an Information line per circuit would cost the server CPU the benchmark measures.
            Logging__LogLevel__Default: 'Warning',
            ...(farm ? { Circuits__Store: 'distributed', Farm__Node: String(farm.node), Farm__Redis: farm.redis } : {}),
          },
          healthy,
        }
      : { name: 'node hub', command: process.execPath, args: [join(root, 'bench', 'real-herd', 'node-hub.mjs'), String(port), circuitsFile], healthy };
  if (kind === 'aspnetcore' && !existsSync(aspNetCoreDll(root))) throw new Error(`${aspNetCoreDll(root)} is not built: run npm run build:dotnet`);
  const server = await startServer({ ...spec, startTimeoutMs: 60_000, killAfterMs: 5_000 });
  return {
    name: label ?? (farm ? `node ${farm.node}` : kind === 'aspnetcore' ? 'ASP.NET Core (Kestrel)' : 'Node demo hub'),
    url: `${base}/_blazor`,
    base,
    pid: () => server.pid,
    kill: () => server.stop('SIGKILL'),
    terminate: () => server.stop('SIGTERM'),
    start: () => server.start(),
    stop: async () => {
      await server.stop();
    },
    negotiations: async () => /** @type {{ startedAt: number, times: number[], tags: string[] }} */ (await (await fetch(`${base}/bench/negotiations`)).json()),
  };
}

/** CPU milliseconds (user + system) the process has used, from /proc (Linux). @param {number} pid */
export function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 (1-based), in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}
