// The herd benchmark's entry, bundled by bench/herd.mjs: the list of scenarios, one scenario's
// run (called inside worker threads), and the report built from all the results.
import type { ServerModel } from './simulated-server';
import type { HerdResult } from './herd';
import { runHerd } from './herd';
import { BLAZOR, HERD_POLICIES, OURS } from './policies';
import { renderAttemptsChart } from './chart-svg';
import { checkTargets, formatCalibration, formatCoverageTable, formatHerdTable, formatTargets } from './table';
import type { TradeoffKey } from './tradeoffs';
import { runTradeoffScenario } from './tradeoffs';
export { formatSweep } from './sweep-table';
export { formatTradeoffs, listTradeoffScenarios } from './tradeoffs';

export const OUTAGES_SECONDS = [5, 30, 120, 300] as const;
export const MODELS: readonly ServerModel[] = ['queue', 'drop', 'retry-after'];

/** One simulation to run: a policy (by index), a server model and an outage (`null`: never back). */
export interface ScenarioKey {
  readonly policy: number;
  readonly model: ServerModel;
  readonly outageSeconds: number | null;
}

/** Every scenario, the longest first so two workers finish together. */
export function listScenarios(): ScenarioKey[] {
  const keys: ScenarioKey[] = [];
  for (let policy = 0; policy < HERD_POLICIES.length; policy++) {
    for (const model of MODELS) {
      for (const outageSeconds of OUTAGES_SECONDS) keys.push({ policy, model, outageSeconds });
    }
    keys.push({ policy, model: 'drop', outageSeconds: null });
  }
  const cost = (key: ScenarioKey) => key.outageSeconds ?? 1000;
  return keys.sort((a, b) => cost(b) - cost(a));
}

/** The long-outage sweep's outages: 5 s to 5 minutes, every model. */
export const SWEEP_OUTAGES_SECONDS = [5, 10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100, 120, 150, 200, 250, 300] as const;

/** The opt-in sweep (`node bench/herd.mjs --sweep`): Blazor's default and ours, every model. */
export function listSweepScenarios(): ScenarioKey[] {
  const policies = [BLAZOR, OURS].map((name) => HERD_POLICIES.findIndex((policy) => policy.name === name));
  const keys = policies.flatMap((policy) =>
    MODELS.flatMap((model) => SWEEP_OUTAGES_SECONDS.map((outageSeconds) => ({ policy, model, outageSeconds }))),
  );
  return keys.sort((a, b) => b.outageSeconds - a.outageSeconds);
}

/**
 * Clients in a coverage run (the server never returns), as a fraction of the herd: every attempt
 * is refused, so clients never interact and a tenth of the herd shows the same per-client spread
 * at a tenth of the cost (these runs simulate up to 16 minutes of retrying).
 */
export const COVERAGE_FRACTION = 0.1;

/** Runs one scenario with `clients` clients; the seed is fixed so every run gives the same table. */
export function runScenario(key: ScenarioKey | TradeoffKey, clients: number): Promise<HerdResult> {
  if ('shape' in key) return runTradeoffScenario(key);
  const policy = HERD_POLICIES[key.policy];
  if (policy === undefined) throw new RangeError(`No herd policy ${key.policy}`);
  if (key.outageSeconds === null) {
    const coverageClients = Math.max(1, Math.round(clients * COVERAGE_FRACTION));
    return runHerd({ clients: coverageClients, policy, seed: 20261121, server: { model: key.model, downForMs: Number.POSITIVE_INFINITY } });
  }
  return runHerd({ clients, policy, seed: 20261121, server: { model: key.model, downForMs: key.outageSeconds * 1000 } });
}

/**
 * Runs two small scenarios with microtasks drained after every simulated millisecond and with
 * the fast mode (drained only after a settle), and throws unless both give the same result: the
 * fast mode assumes the process does nothing asynchronous on its own, and this checks it.
 */
export async function checkFastClock(): Promise<void> {
  const probes: ScenarioKey[] = [
    { policy: 0, model: 'drop', outageSeconds: 5 },
    { policy: HERD_POLICIES.findIndex((policy) => policy.name === OURS), model: 'queue', outageSeconds: 30 },
  ];
  for (const key of probes) {
    const policy = HERD_POLICIES[key.policy];
    if (policy === undefined) throw new RangeError(`No herd policy ${key.policy}`);
    const server = { model: key.model, downForMs: (key.outageSeconds ?? 0) * 1000 };
    // One after the other: a drain by one clock would also flush the other's microtasks.
    const fast = await runHerd({ clients: 500, policy, seed: 7, server });
    const exact = await runHerd({ clients: 500, policy, seed: 7, server, drainEveryStep: true });
    const strip = (result: HerdResult) => JSON.stringify({ ...result, timersFired: 0 });
    if (strip(fast) !== strip(exact)) {
      throw new Error(`The fast event clock disagrees with the exact one for ${policy.name}, ${key.model}: the process now awaits something besides its attempt.`);
    }
  }
}

/** What bench/herd.mjs prints and writes. */
export interface HerdReport {
  readonly text: string;
  readonly json: unknown;
  readonly svg: string;
}

const policyOrder = (name: string) => HERD_POLICIES.findIndex((policy) => policy.name === name);

/** Orders the results, formats the tables, checks the targets and draws the chart. */
export function buildReport(all: readonly HerdResult[], clients: number): HerdReport {
  const byTable = (a: HerdResult, b: HerdResult) =>
    policyOrder(a.policy) - policyOrder(b.policy) || a.model.localeCompare(b.model) * -1 || a.outageSeconds - b.outageSeconds;
  const outages = all.filter((result) => Number.isFinite(result.outageSeconds)).sort(byTable);
  const coverage = all.filter((result) => !Number.isFinite(result.outageSeconds)).sort(byTable);
  const targets = checkTargets(outages);
  const charted = (result: HerdResult) =>
    (result.policy === BLAZOR || result.policy === OURS) && result.model === 'queue' && (result.outageSeconds === 30 || result.outageSeconds === 120);
  const pick = (policy: string, outageSeconds: number) =>
    outages.find((result) => result.policy === policy && result.model === 'queue' && result.outageSeconds === outageSeconds);

  const panels = [30, 120].flatMap((outageSeconds) => {
    const blazor = pick(BLAZOR, outageSeconds);
    const ours = pick(OURS, outageSeconds);
    if (blazor === undefined || ours === undefined) return [];
    return [
      {
        title: `Queueing server down ${outageSeconds} s, ${clients.toLocaleString('en-US')} clients: attempts per second`,
        spanSeconds: outageSeconds + 90,
        series: [
          { label: BLAZOR, color: '#c0392b', result: blazor },
          { label: OURS, color: '#1f5fbf', result: ours },
        ],
      },
    ];
  });

  const text = [
    `Herd: ${clients.toLocaleString('en-US')} clients lose the server at t = 0; it admits 2,000/s once back.`,
    'Times are seconds from the server\'s return to reconnected, over the clients that reconnected.',
    '',
    formatHerdTable(outages),
    '',
    `Retry coverage: the server never comes back; when clients end \`failed\` (${Math.round(clients * COVERAGE_FRACTION).toLocaleString('en-US')} clients: with every attempt refused they never interact).`,
    formatCoverageTable(coverage),
    '',
    'Simulator check against the reference simulation (Blazor default):',
    formatCalibration(outages),
    '',
    'Targets for the default (peak ≤ 1/5 of Blazor; p50, p95, failed no worse):',
    formatTargets(targets),
  ].join('\n');

  const strip = (result: HerdResult) => (charted(result) ? result : { ...result, attemptsPerSecond: undefined });
  const json = {
    clients,
    server: { admissionPerSecond: 2000, burstMs: 100, handshakeMs: 100, handshakeTimeoutMs: 15000, latencyMs: [1, 5] },
    results: outages.map(strip),
    coverage: coverage.map(strip),
    targets,
  };
  return { text, json, svg: renderAttemptsChart(panels) };
}
