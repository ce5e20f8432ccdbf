// The farm benchmark (issue 18): two ASP.NET Core sample nodes (examples/aspnetcore) behind
// HAProxy, their circuits in Redis (Circuits:Store=distributed), and N real @microsoft/signalr
// clients in child processes running the library's real reconnection process, spread over both
// nodes by HAProxy's round robin (each connection keeps its node by HAProxy's cookie). Node 1 is
// stopped (SIGTERM): its clients reconnect through HAProxy to node 2 and resume their circuits
// there. Per policy (Blazor's schedule, ours), on a fresh set of clients: the survivor's
// negotiations per 100 ms (peak), p50/p95 time from the stop to each client's resume, failures.
// Writes bench/results/farm.json and farm.svg.
//   node bench/farm.mjs [--clients 600] [-- <ASP.NET Core app arguments>]
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleTypeScript } from './bundle.mjs';
import { startFarmBalancer } from './real-herd/farm-balancer.mjs';
import { forkClientPool } from './real-herd/client-pool.mjs';
import { startHerdServer } from './real-herd/servers.mjs';
import { startRedis } from '../demo/farm/redis.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** How long the moved clients get to resume on the survivor: Blazor's schedule reaches 30 s steps. */
const RESUME_TIMEOUT_MS = 90_000;

/** Node 1's circuits started (from its own counters), to know how many clients must move. */
async function startedOn(node) {
  return /** @type {{ started: number }} */ ((await (await fetch(`${node.base}/circuits`)).json())).started;
}

/**
 * One policy: a fresh set of clients spread over both nodes, node 1 stopped, its clients resumed
 * on node 2; node 1 is started again afterwards for the next policy.
 */
async function runPolicy(report, bundleUrl, { balancer, nodes, clients, policy }) {
  const [node1, node2] = nodes;
  const pool = forkClientPool(bundleUrl, `${balancer.url}/_blazor`, clients);
  try {
    const { admissionPerSecond } = await pool.start();
    await pool.arm(policy, 20261203);
    const moving = await startedOn(node1);
    const stoppedAt = Date.now();
    const stopMs = await node1.terminate();
    await pool.waitForEnds(RESUME_TIMEOUT_MS, moving);
    // A client may have resumed on node 1 while it was stopping and been dropped again when it
    // exited: wait until no client is in an outage, so its last outage is the one counted.
    const deadline = Date.now() + RESUME_TIMEOUT_MS;
    while ((await pool.inOutage()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const ends = await pool.waitForEnds(0);
    const moved = ends.filter((end) => end.policy === policy);
    const { times } = await node2.negotiations();
    const row = report.summarizeRun({
      hub: 'farm, node 2 (survivor)', policy, clients: moving, outageSeconds: 0, sharedOutage: false, killedAt: stoppedAt, readyAt: stoppedAt,
      negotiations: times.filter((time) => time >= stoppedAt), ends: moved, restartMs: 0, serverCpuMs: Number.NaN, clientsCpuMs: Number.NaN, admissionPerSecond,
    });
    console.log(
      `  ${policy}: ${moving} of ${clients} clients on node 1 (stopped in ${stopMs} ms): survivor peak ${row.peakPer100ms}/100 ms, ` +
        `p50 ${(row.p50Ms / 1000).toFixed(2)} s, p95 ${(row.p95Ms / 1000).toFixed(2)} s, failed ${row.failed}, dropped again ${row.repeatedOutages}`,
    );
    return { ...row, predicted: { peakPer100ms: Number.NaN, p50Ms: Number.NaN, p95Ms: Number.NaN, failed: Number.NaN }, totalClients: clients };
  } finally {
    await pool.stop();
    await node1.start();
    await balancer.waitUntilUp(1);
  }
}

/** @param {{ clients?: number, appArgs?: string[] }} [options] */
export async function runFarmBenchmark({ clients = 600, appArgs = [] } = {}) {
  const started = performance.now();
  const childUrl = await bundleTypeScript('bench/real-herd/child.ts', 'real-herd-child');
  const report = await import(await bundleTypeScript('bench/real-herd/main.ts', 'real-herd'));
  const dir = mkdtempSync(join(tmpdir(), 'farm-bench-'));
  const stops = [];
  const rows = [];
  try {
    const redis = await startRedis(dir);
    stops.push(() => redis.server.stop());
    const nodes = [];
    for (const node of [1, 2]) {
      const server = await startHerdServer('aspnetcore', { root, dir, appArgs, farm: { node, redis: redis.connection } });
      stops.push(() => server.stop());
      nodes.push(server);
    }
    const balancer = await startFarmBalancer({ dir, nodes });
    stops.push(() => balancer.stop());
    console.log(`Farm: Redis, 2 ASP.NET Core nodes, HAProxy at ${balancer.url}; ${clients} clients per policy…`);
    for (const policy of /** @type {const} */ (['blazor', 'ours'])) {
      rows.push(await runPolicy(report, childUrl, { balancer, nodes, clients, policy }));
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  const text = report.formatFarmTable(rows);
  console.log(`\n${text}`);
  const resultsDir = join(here, 'results');
  await mkdir(resultsDir, { recursive: true });
  const json = {
    clients,
    appArgs,
    runs: rows.map((row) => ({
      policy: row.policy, clients: row.totalClients, moved: row.clients, peakPer100ms: row.peakPer100ms, p50Ms: row.p50Ms, p95Ms: row.p95Ms,
      maxMs: row.maxMs, failed: row.failed, repeatedOutages: row.repeatedOutages, attempts: row.attempts, per100ms: row.per100ms.slice(0, 200),
    })),
  };
  await writeFile(join(resultsDir, 'farm.json'), `${JSON.stringify(json, null, 1)}\n`);
  await writeFile(join(resultsDir, 'farm.svg'), report.renderRealHerdChart(
    rows,
    (_hub, moved) => `Farm: node 1 stopped, its ${moved.toLocaleString('en-US')} clients resume on node 2 (of ${clients.toLocaleString('en-US')})`,
    'seconds after node 1 was stopped',
  ));
  console.log(`\nWrote bench/results/farm.json and farm.svg in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return { text, rows };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const dashDash = argv.indexOf('--');
  const own = dashDash < 0 ? argv : argv.slice(0, dashDash);
  const index = own.indexOf('--clients');
  await runFarmBenchmark({
    ...(index < 0 ? {} : { clients: Number(own[index + 1]) }),
    appArgs: dashDash < 0 ? [] : argv.slice(dashDash + 1),
  });
}
