// The real-server herd (issue 16): N real @microsoft/signalr clients in Node child processes, each
// running the library's real reconnection process and policy, against a real server that is
// killed (SIGKILL) and started again D seconds later with its circuits kept in a file, so every
// client can resume. Attempts are counted at the server (its negotiations). For each hub, one
// connected set of clients is reused across all outages. Prints the table beside the simulator's
// prediction and writes bench/results/real-herd.json and real-herd.svg.
//   node bench/real-herd.mjs [--clients 1000] [--stress 2000|0] [--hubs aspnetcore,node]
//                            [--outages 5,30,120] [--no-limiter] [--policy blazor|ours] [--diagnose]
//                            [--results real-herd]
//                            [-- <ASP.NET Core app arguments>]
// `--policy`: that policy alone in every outage; `--diagnose`: after each run, every client that
// did not resume (its policy, state, attempts, errors, last wait); `--results NAME`: write
// bench/results/NAME.json and NAME.svg instead (a partial run kept beside the full one).
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleTypeScript } from './bundle.mjs';
import { forkClientPool } from './real-herd/client-pool.mjs';
import { processCpuMs, startHerdServer } from './real-herd/servers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const delay = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The longest a run waits for its clients after the restart: Blazor's 30 s steps, and a queue. */
const RECOVERY_TIMEOUT_MS = 90_000;
/** The rate-limited pass's outage. */
const LIMITER_OUTAGE_SECONDS = 5;
/** Outages this long run once per hub, half the clients on each policy. */
const SHARED_FROM_SECONDS = 120;

/**
 * One outage: arm the policy (`split`: half the clients each policy, in the same outage), kill
 * the server, start it again after `outageSeconds`, wait for every client's outage to end, and
 * read the server's negotiations (tagged by policy) and both sides' CPU. One row per policy.
 */
async function runOutage(report, server, pool, { policy, outageSeconds, clients, admissionPerSecond, seed, diagnose }) {
  const reloaded = await pool.arm(policy, seed);
  // Blazor's clients behind a rate limiter may still be in their 30 s steps when the window ends.
  if (reloaded > 0) console.log(`  ${reloaded} clients not back from the last run loaded the page again before this one`);
  const clientsCpuBefore = await pool.cpuMs();
  const killedAt = Date.now();
  await server.kill();
  await delay(Math.max(0, killedAt + outageSeconds * 1000 - Date.now()));
  await server.start();
  const ends = await pool.waitForEnds(RECOVERY_TIMEOUT_MS + outageSeconds * 1000);
  if (diagnose) await printDiagnosis(pool, policy, ends);
  const { startedAt, times, tags } = await server.negotiations();
  const serverCpuMs = processCpuMs(server.pid());
  const clientsCpuMs = (await pool.cpuMs()) - clientsCpuBefore;
  const rows = [];
  for (const each of policy === 'split' ? ['blazor', 'ours'] : [policy]) {
    const share = policy === 'split' ? (each === 'blazor' ? Math.ceil(clients / 2) : Math.floor(clients / 2)) : clients;
    const row = report.summarizeRun({
      hub: server.name, policy: each, clients: share, outageSeconds, sharedOutage: policy === 'split', killedAt, readyAt: startedAt,
      negotiations: times.filter((_, index) => tags[index] === each), ends: ends.filter((end) => end.policy === each),
      restartMs: startedAt - killedAt - outageSeconds * 1000, serverCpuMs, clientsCpuMs, admissionPerSecond,
    });
    const predicted = await report.predict(each, share, admissionPerSecond, startedAt - killedAt);
    console.log(
      `  ${server.name}, ${each}${policy === 'split' ? ' (shared outage)' : ''}, N ${share}, ${outageSeconds} s: peak ${row.peakPer100ms}/100 ms (sim ${predicted.peakPer100ms}), ` +
        `p95 ${(row.p95Ms / 1000).toFixed(2)} s (sim ${(predicted.p95Ms / 1000).toFixed(2)}), failed ${row.failed}, ready ${row.restartMs} ms after the restart`,
    );
    rows.push({ ...row, predicted });
  }
  return rows;
}

/**
 * `--diagnose`: every client that did not resume in this run, and the attempts of those that did.
 * @param {{ diagnose(): Promise<import('./real-herd/herd-client').ClientDiagnosis[]> }} pool
 * @param {string} policy @param {{ client: string, outcome: string, attempts: number }[]} ends
 */
async function printDiagnosis(pool, policy, ends) {
  const resumed = ends.filter((end) => end.outcome === 'resumed');
  const back = new Set(resumed.map((end) => end.client));
  const notBack = (await pool.diagnose()).filter((client) => !back.has(client.client));
  const attempts = resumed.map((end) => end.attempts).sort((a, b) => a - b);
  console.log(`  diagnosis, ${policy}: ${resumed.length} resumed (attempts median ${attempts[attempts.length >> 1] ?? '-'}, max ${attempts.at(-1) ?? '-'}), ${notBack.length} not:`);
  for (const client of notBack) console.log(`    ${JSON.stringify(client)}`);
}

/**
 * One hub: start it, connect `clients` clients in one burst (R), then every outage with both
 * policies, on the same connected set.
 */
async function runHub(report, bundleUrl, kind, { clients, outages, appArgs, dir, label, only, diagnose }) {
  const server = await startHerdServer(kind, { root, dir, appArgs, label });
  const pool = forkClientPool(bundleUrl, server.url, clients);
  try {
    const { admissionPerSecond, burstMs } = await pool.start();
    console.log(`  ${server.name}: ${clients} clients in ${pool.processes} processes connected in ${burstMs} ms: R = ${admissionPerSecond.toFixed(0)}/s`);
    const rows = [];
    let seed = 20261203;
    for (const outageSeconds of outages) {
      // The long outage runs once per hub, both policies sharing it: the budget is 10 minutes.
      const policies = only ? [only] : outageSeconds >= SHARED_FROM_SECONDS ? ['split'] : ['blazor', 'ours'];
      for (const policy of policies) {
        rows.push(...(await runOutage(report, server, pool, { policy, outageSeconds, clients, admissionPerSecond, seed: seed++ * 7919, diagnose })));
      }
    }
    return { rows, admissionPerSecond };
  } finally {
    await pool.stop();
    await server.stop();
  }
}

/**
 * @param {{ clients?: number, stress?: number, hubs?: ('aspnetcore' | 'node')[], outages?: number[], limiter?: boolean, policy?: 'blazor' | 'ours', diagnose?: boolean, results?: string, appArgs?: string[] }} [options]
 *   `limiter`: after the hubs, Kestrel once more with ASP.NET Core's rate limiter at a third of the R measured, ours only;
 *   `policy`: that policy alone in every outage of the hubs and the stress point; `diagnose`: see `printDiagnosis`
 */
export async function runRealHerdBenchmark({ clients = 1000, stress = 2000, hubs = ['aspnetcore', 'node'], outages = [5, 30, 120], limiter = true, policy, diagnose = false, results = 'real-herd', appArgs = [] } = {}) {
  const started = performance.now();
  const childUrl = await bundleTypeScript('bench/real-herd/child.ts', 'real-herd-child');
  const report = await import(await bundleTypeScript('bench/real-herd/main.ts', 'real-herd'));
  const dir = mkdtempSync(join(tmpdir(), 'real-herd-'));
  const rows = [];
  /** The rows of the N-client comparison (the stress point is reported, not held to the targets). */
  const mainRows = [];
  try {
    let kestrelAdmission;
    for (const kind of hubs) {
      console.log(`Real-server herd, ${kind}: N = ${clients}, outages ${outages.join(', ')} s, ${policy === undefined ? "Blazor's schedule and ours" : `${policy} only`}…`);
      const hub = await runHub(report, childUrl, kind, { clients, outages, appArgs, dir, only: policy, diagnose });
      rows.push(...hub.rows);
      if (kind === 'aspnetcore') kestrelAdmission = hub.admissionPerSecond;
    }
    mainRows.push(...rows);
    if (limiter && kestrelAdmission !== undefined) {
      // The server sheds what it will not admit: ASP.NET Core's rate limiter at a third of the R
      // just measured (a server that protects its start-up), answering 429 with Retry-After. Ours
      // only: Blazor's client cannot read Retry-After, and at its 30 s steps it would need
      // N / limit × 30 s (minutes) to come back through the limiter.
      // A 5 s outage: the limiter's effect is the same after any outage (every client is back to
      // be admitted at its rate), and the whole benchmark must stay under 10 minutes.
      const perSecond = Math.max(10, Math.round(kestrelAdmission / 30) * 10);
      console.log(`Kestrel with the rate limiter at ${perSecond}/s (429 + Retry-After), ours, ${LIMITER_OUTAGE_SECONDS} s…`);
      const limited = await runHub(report, childUrl, 'aspnetcore', {
        clients, outages: [LIMITER_OUTAGE_SECONDS], appArgs: [...appArgs, `--RateLimit:NegotiatePerSecond=${perSecond}`], dir,
        label: `Kestrel, rate limiter ${perSecond}/s`, only: 'ours', diagnose,
      });
      rows.push(...limited.rows);
    }
    if (stress > 0) {
      console.log(`Stress point: N = ${stress}, ${hubs[0]}, 5 s…`);
      rows.push(...(await runHub(report, childUrl, hubs[0] ?? 'aspnetcore', { clients: stress, outages: [5], appArgs, dir, only: policy, diagnose })).rows);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const text = [
    report.formatRealHerdTable(rows),
    '',
    `Targets at N = ${clients}:`,
    report.formatRealTargets(report.checkRealTargets(mainRows)),
  ].join('\n');
  console.log(`\n${text}`);
  const json = {
    clients,
    stress,
    appArgs,
    runs: rows.map(({ per100ms, ...row }) => ({ ...row, per100ms: per100ms.slice(0, 200) })),
  };
  const resultsDir = join(here, 'results');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, `${results}.json`), `${JSON.stringify(json, null, 1)}\n`);
  await writeFile(join(resultsDir, `${results}.svg`), report.renderRealHerdChart(mainRows));
  console.log(`\nWrote bench/results/${results}.json and ${results}.svg in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return { text, rows };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const dashDash = argv.indexOf('--');
  const own = dashDash < 0 ? argv : argv.slice(0, dashDash);
  const value = (/** @type {string} */ name) => {
    const index = own.indexOf(name);
    return index < 0 ? undefined : own[index + 1];
  };
  const list = (/** @type {string | undefined} */ raw) => raw?.split(',').filter((each) => each !== '');
  await runRealHerdBenchmark({
    ...(value('--clients') === undefined ? {} : { clients: Number(value('--clients')) }),
    ...(value('--stress') === undefined ? {} : { stress: Number(value('--stress')) }),
    ...(value('--hubs') === undefined ? {} : { hubs: /** @type {('aspnetcore' | 'node')[]} */ (list(value('--hubs'))) }),
    ...(value('--outages') === undefined ? {} : { outages: (list(value('--outages')) ?? []).map(Number) }),
    ...(own.includes('--no-limiter') ? { limiter: false } : {}),
    ...(value('--policy') === undefined ? {} : { policy: /** @type {'blazor' | 'ours'} */ (value('--policy')) }),
    ...(value('--results') === undefined ? {} : { results: value('--results') }),
    ...(own.includes('--diagnose') ? { diagnose: true } : {}),
    appArgs: dashDash < 0 ? [] : argv.slice(dashDash + 1),
  });
}
