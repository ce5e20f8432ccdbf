// `npm run bench` (after `npm run build`): the herd simulation, the size table, startup and
// recovery in Chromium, then five tabs sharing an outage, each printing its table and writing
// bench/results/*.json. Not part of `npm test`; about 4–5 minutes on two cores.
// `--only herd,size,browser,tabs` runs a subset; `--clients N` sizes the herd (default 10,000).
// Two benchmarks against real servers run only when named, each about 10 minutes:
// `--only real-herd` (bench/real-herd.mjs: a real Kestrel hub and the Node demo hub killed and
// restarted under 1,000 real clients) and `--only farm` (bench/farm.mjs: a farm node stopped
// under 600 real clients). Arguments after `--` go to the ASP.NET Core app they start (e.g. a
// rate limiter switched on by configuration).
import { runBrowserBenchmark } from './browser.mjs';
import { runFarmBenchmark } from './farm.mjs';
import { runHerdBenchmark } from './herd.mjs';
import { runRealHerdBenchmark } from './real-herd.mjs';
import { runSizeBenchmark } from './size.mjs';
import { runTabsBenchmark } from './tabs.mjs';

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const only = new Set((argument('--only') ?? 'herd,size,browser,tabs').split(','));
const clients = argument('--clients');
const dashDash = process.argv.indexOf('--');
const appArgs = dashDash < 0 ? [] : process.argv.slice(dashDash + 1);

const stages = [
  ['herd', () => runHerdBenchmark(clients === undefined ? {} : { clients: Number(clients) })],
  ['size', () => runSizeBenchmark()],
  ['browser', () => runBrowserBenchmark()],
  ['real-herd', () => runRealHerdBenchmark({ appArgs })],
  ['farm', () => runFarmBenchmark({ appArgs })],
  ['tabs', () => runTabsBenchmark()],
];

const started = performance.now();
for (const [name, run] of stages) {
  if (!only.has(name)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
console.log(`\nBenchmarks done in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
