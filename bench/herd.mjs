// The herd benchmark: bundles bench/herd/main.ts (the simulator around the real
// ReconnectionProcess and retry policies), runs every scenario on worker threads (one per core,
// at most two), prints the tables and writes bench/results/herd.json and herd.svg.
import { availableParallelism } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundleTypeScript } from './bundle.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function runOnWorkers(bundleUrl, keys, clients, workers) {
  const results = [];
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool = Array.from({ length: workers }, () => {
      const worker = new Worker(join(here, 'herd-worker.mjs'), { workerData: { bundleUrl, clients } });
      worker.on('error', reject);
      worker.on('message', (message) => {
        if (message !== 'ready') {
          results.push(message);
          done++;
          process.stdout.write(`\r  ${done}/${keys.length} scenarios`);
        }
        if (next < keys.length) worker.postMessage(keys[next++]);
        else if (message === 'ready' || done === keys.length || next >= keys.length) void worker.terminate();
        if (done === keys.length) {
          process.stdout.write('\n');
          for (const each of pool) void each.terminate();
          resolve(results);
        }
      });
      return worker;
    });
  });
}

/**
 * Bundles the simulator, checks that its fast clock really is fast, and runs the scenarios
 * `pick` lists on `workers` worker threads.
 * @param {string} title printed before the run
 * @param {(herd: { listScenarios(): string[], listSweepScenarios(): string[] }) => string[]} pick which scenarios
 * @param {number} clients
 * @param {number} workers
 */
async function simulate(title, pick, clients, workers) {
  const bundleUrl = await bundleTypeScript('bench/herd/main.ts', 'herd');
  const herd = await import(bundleUrl);
  await herd.checkFastClock();
  const keys = pick(herd);
  console.log(`${title}: ${keys.length} scenarios on ${workers} worker(s)…`);
  const results = await runOnWorkers(bundleUrl, keys, clients, workers);
  return { herd, results };
}

/**
 * @param {{ clients?: number, workers?: number }} [options]
 * @returns {Promise<{ text: string }>}
 */
export async function runHerdBenchmark({ clients = 10000, workers = Math.min(2, availableParallelism()) } = {}) {
  const started = performance.now();
  const { herd, results } = await simulate('Herd simulation', (module) => module.listScenarios(), clients, workers);
  const report = herd.buildReport(results, clients);
  const resultsDir = join(here, 'results');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'herd.json'), `${JSON.stringify(report.json, null, 1)}\n`);
  await writeFile(join(resultsDir, 'herd.svg'), report.svg);
  console.log(report.text);
  console.log(`\nWrote bench/results/herd.json and herd.svg in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return report;
}

/**
 * The opt-in sweep over outages between the table's four (queueing server, Blazor vs ours):
 * prints a table and writes bench/results/herd-sweep.json.
 * @param {{ clients?: number, workers?: number }} [options]
 */
export async function runHerdSweep({ clients = 10000, workers = Math.min(2, availableParallelism()) } = {}) {
  const { herd, results } = await simulate('Herd sweep', (module) => module.listSweepScenarios(), clients, workers);
  const text = herd.formatSweep(results);
  console.log(text);
  const slim = results.map((result) => ({ ...result, attemptsPerSecond: undefined }));
  await writeFile(join(here, 'results', 'herd-sweep.json'), `${JSON.stringify({ clients, results: slim }, null, 1)}\n`);
  console.log('Wrote bench/results/herd-sweep.json.');
}

/**
 * The opt-in trade-off table (the default's early and late ceilings moved one at a time, in the
 * real-server herd's conditions, the simulator's and one user's): prints it and writes
 * bench/results/herd-tradeoffs.json.
 * @param {{ workers?: number }} [options]
 */
export async function runHerdTradeoffs({ workers = Math.min(2, availableParallelism()) } = {}) {
  const { herd, results } = await simulate('Herd trade-offs', (module) => module.listTradeoffScenarios(), 0, workers);
  console.log(herd.formatTradeoffs(results));
  const slim = results.map(({ key, policy, outageSeconds, attempts, peakAfterReturnPer100ms, p50Ms, p95Ms, resumed, failed }) =>
    ({ setting: key.setting, policy, outageSeconds, attempts, peakAfterReturnPer100ms, p50Ms, p95Ms, resumed, failed }));
  await writeFile(join(here, 'results', 'herd-tradeoffs.json'), `${JSON.stringify({ results: slim }, null, 1)}\n`);
  console.log('Wrote bench/results/herd-tradeoffs.json.');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const clientsArg = process.argv.indexOf('--clients');
  const options = clientsArg > 0 ? { clients: Number(process.argv[clientsArg + 1]) } : {};
  if (process.argv.includes('--sweep')) await runHerdSweep(options);
  else if (process.argv.includes('--tradeoffs')) await runHerdTradeoffs();
  else await runHerdBenchmark(options);
}
