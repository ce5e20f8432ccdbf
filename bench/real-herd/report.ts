import { formatTable, seconds } from '../herd/table';
import type { Prediction } from './predict';
import type { RunRow } from './run-summary';

/** A measured row with the simulator's prediction for the same N, R and outage. */
export interface ReportRow extends RunRow {
  readonly predicted: Prediction;
}

/** The real-herd table, each run beside the simulator's prediction (`sim`). */
export function formatRealHerdTable(rows: readonly ReportRow[]): string {
  const header = [
    'hub', 'policy', 'N', 'outage s', 'R/s', 'restart s', 'attempts', 'peak/100ms', 'sim peak',
    'p50 s', 'sim p50', 'p95 s', 'sim p95', 'max s', 'failed', 'server CPU s', 'clients CPU s',
  ];
  const body = rows.map((row) => [
    row.hub,
    row.policy,
    String(row.clients),
    `${row.outageSeconds}${row.sharedOutage ? '*' : ''}`,
    String(Math.round(row.admissionPerSecond)),
    seconds(row.restartMs),
    String(row.attempts),
    String(row.peakPer100ms),
    String(row.predicted.peakPer100ms),
    seconds(row.p50Ms),
    seconds(row.predicted.p50Ms),
    seconds(row.p95Ms),
    seconds(row.predicted.p95Ms),
    seconds(row.maxMs),
    String(row.failed),
    seconds(row.serverCpuMs),
    seconds(row.clientsCpuMs),
  ]);
  const shared = rows.some((row) => row.sharedOutage) ? '\n* both policies in the same outage, half the clients each (the simulator runs each half alone)' : '';
  return formatTable(header, body) + shared;
}

/** One target of issue 16 for one hub and outage, at N = 1,000. */
export interface RealTargetCheck {
  readonly what: string;
  readonly measured: string;
  readonly bound: string;
  readonly met: boolean;
}

/**
 * The targets for each hub and outage where both policies ran with the same N: our peak at
 * most half of Blazor's and at most 2 × R/10 per 100 ms (never more than the server admits),
 * our p95 from ready at most 2 × N/R, nothing failed.
 */
export function checkRealTargets(rows: readonly ReportRow[]): RealTargetCheck[] {
  const checks: RealTargetCheck[] = [];
  for (const ours of rows.filter((row) => row.policy === 'ours')) {
    const blazor = rows.find((row) => row.policy === 'blazor' && row.hub === ours.hub && row.outageSeconds === ours.outageSeconds && row.sharedOutage === ours.sharedOutage);
    const where = `${ours.hub}, N ${ours.clients}, ${ours.outageSeconds} s${ours.sharedOutage ? ' (shared)' : ''}`;
    const admitted = (2 * ours.admissionPerSecond) / 10;
    if (blazor !== undefined) {
      checks.push({ what: `${where}: peak ≤ ½ Blazor's`, measured: String(ours.peakPer100ms), bound: `≤ ${blazor.peakPer100ms / 2}`, met: ours.peakPer100ms <= blazor.peakPer100ms / 2 });
    }
    checks.push({ what: `${where}: peak ≤ 2 × R/10`, measured: String(ours.peakPer100ms), bound: `≤ ${admitted.toFixed(0)}`, met: ours.peakPer100ms <= admitted });
    const p95Bound = (2 * ours.clients * 1000) / ours.admissionPerSecond;
    checks.push({ what: `${where}: p95 ≤ 2 × N/R`, measured: `${seconds(ours.p95Ms)} s`, bound: `≤ ${seconds(p95Bound)} s`, met: ours.p95Ms <= p95Bound });
    checks.push({ what: `${where}: failed = 0`, measured: String(ours.failed), bound: '0', met: ours.failed === 0 });
  }
  return checks;
}

export function formatRealTargets(checks: readonly RealTargetCheck[]): string {
  return formatTable(
    ['target', 'measured', 'bound', 'met'],
    checks.map((check) => [check.what, check.measured, check.bound, check.met ? 'yes' : 'NO']),
  );
}

/** The farm table: one row per policy, the clients node 1 held moving to node 2. */
export function formatFarmTable(rows: readonly RunRow[]): string {
  return formatTable(
    ['policy', 'moved', 'attempts at survivor', 'peak/100ms', 'p50 s', 'p95 s', 'max s', 'failed', 'dropped again'],
    rows.map((row) => [
      row.policy, String(row.clients), String(row.attempts), String(row.peakPer100ms),
      seconds(row.p50Ms), seconds(row.p95Ms), seconds(row.maxMs), String(row.failed), String(row.repeatedOutages),
    ]),
  );
}
