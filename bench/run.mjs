// `npm run bench` (after `npm run build`): the herd simulation, the size table, startup and
// recovery in Chromium, five tabs sharing an outage, then the real-server herd (bench/real-herd.mjs:
// a real Kestrel hub and the Node demo hub killed and restarted under 1,000 real clients, which
// needs the .NET build: without it, it is skipped with a loud line), each printing its table and
// writing bench/results/*.json. Not part of `npm test`; about 15 minutes on two cores.
// `--only herd,size,browser,tabs,real-herd` runs a subset; `--clients N` sizes the simulated herd
// (default 10,000). `--only farm` (bench/farm.mjs: a farm node stopped under 600 real clients)
// runs only when named. Arguments after `--` go to the ASP.NET Core app they start.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBrowserBenchmark } from './browser.mjs';
import { runFarmBenchmark } from './farm.mjs';
import { runHerdBenchmark } from './herd.mjs';
import { runRealHerdBenchmark } from './real-herd.mjs';
import { aspNetCoreDll } from './real-herd/servers.mjs';
import { runSizeBenchmark } from './size.mjs';
import { runTabsBenchmark } from './tabs.mjs';

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const named = argument('--only');
const only = new Set((named ?? 'herd,size,browser,tabs,real-herd').split(','));
const clients = argument('--clients');
const dashDash = process.argv.indexOf('--');
const appArgs = dashDash < 0 ? [] : process.argv.slice(dashDash + 1);

const root = fileURLToPath(new URL('..', import.meta.url));
const stages = [
  ['herd', () => runHerdBenchmark(clients === undefined ? {} : { clients: Number(clients) })],
  ['size', () => runSizeBenchmark()],
  ['browser', () => runBrowserBenchmark()],
  ['farm', () => runFarmBenchmark({ appArgs })],
  ['tabs', () => runTabsBenchmark()],
  ['real-herd', () => {
    // Named, it runs or fails; by default, a machine without the .NET build skips it, loudly.
    if (named === undefined && !existsSync(aspNetCoreDll(root))) {
      console.log(`SKIPPED real-herd: ${aspNetCoreDll(root)} is not built (npm run build:dotnet)`);
      return undefined;
    }
    return runRealHerdBenchmark({ appArgs });
  }],
];

const started = performance.now();
for (const [name, run] of stages) {
  if (!only.has(name)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
console.log(`\nBenchmarks done in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
