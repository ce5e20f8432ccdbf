// `npm run bench` (after `npm run build`): the herd simulation, the size table, then startup
// and recovery in Chromium, each printing its table and writing bench/results/*.json. Not part
// of `npm test`; about 3–4 minutes on two cores. `--only herd,size,browser` runs a subset;
// `--clients N` sizes the herd (default 10,000).
import { runBrowserBenchmark } from './browser.mjs';
import { runHerdBenchmark } from './herd.mjs';
import { runSizeBenchmark } from './size.mjs';

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const only = new Set((argument('--only') ?? 'herd,size,browser').split(','));
const clients = argument('--clients');

const stages = [
  ['herd', () => runHerdBenchmark(clients === undefined ? {} : { clients: Number(clients) })],
  ['size', () => runSizeBenchmark()],
  ['browser', () => runBrowserBenchmark()],
];

const started = performance.now();
for (const [name, run] of stages) {
  if (!only.has(name)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
console.log(`\nBenchmarks done in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
