import type { HerdResult } from './herd';
import { BLAZOR, OURS } from './policies';

/** Milliseconds as seconds with two decimals; `–` when there is no value. */
export function seconds(ms: number): string {
  if (Number.isNaN(ms)) return '–';
  if (!Number.isFinite(ms)) return '∞';
  return (ms / 1000).toFixed(2);
}

/** A plain-text table: right-aligned numbers, left-aligned first column. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The herd table: one row per policy, model and outage. */
export function formatHerdTable(results: readonly HerdResult[]): string {
  const header = ['policy', 'model', 'outage s', 'attempts', 'peak/100ms', 'after return', 'p50 s', 'p95 s', 'max s', 'failed'];
  const rows = results.map((result) => [
    result.policy,
    result.model,
    String(result.outageSeconds),
    String(result.attempts),
    String(result.peakPer100ms),
    String(result.peakAfterReturnPer100ms),
    seconds(result.p50Ms),
    seconds(result.p95Ms),
    seconds(result.maxMs),
    String(result.failed),
  ]);
  return formatTable(header, rows);
}

/** When each policy gives up if the server never comes back: the outage its retries cover. */
export function formatCoverageTable(results: readonly HerdResult[]): string {
  const header = ['policy', 'attempts/client', 'first failed s', 'median failed s'];
  const rows = results.map((result) => [
    result.policy,
    (result.attempts / (result.resumed + result.failed)).toFixed(1),
    seconds(result.firstFailedAtMs),
    seconds(result.medianFailedAtMs),
  ]);
  return formatTable(header, rows);
}

/**
 * Blazor's default as an earlier, independent discrete-event model of the same herd measured it
 * (10,000 clients, a server down D s that then admits 2,000 per second): this simulator must
 * reproduce these figures before its rows for other policies mean anything.
 */
const REFERENCE = [
  { model: 'queue', outageSeconds: 5, attempts: 110000, peak: 100000, p50: 2.6, p95: 4.8, failed: 0 },
  { model: 'queue', outageSeconds: 120, attempts: 230000, peak: 100000, p50: 22.6, p95: 24.9, failed: 0 },
  { model: 'drop', outageSeconds: 5, attempts: 247202, peak: 100000, p50: 45.1, p95: 315.2, failed: 4496 },
  { model: 'drop', outageSeconds: 120, attempts: 291726, peak: 100000, p50: 110.2, p95: 230.2, failed: 7661 },
] as const;

/** Blazor's rows beside the reference's, with the relative difference in attempts and failures. */
export function formatCalibration(results: readonly HerdResult[]): string {
  const rows = REFERENCE.flatMap((reference) => {
    const ours = results.find(
      (result) => result.policy === BLAZOR && result.model === reference.model && result.outageSeconds === reference.outageSeconds,
    );
    if (ours === undefined) return [];
    const delta = (mine: number, theirs: number) => (theirs === 0 ? String(mine) : `${(((mine - theirs) / theirs) * 100).toFixed(1)}%`);
    return [
      [
        `${reference.model} ${reference.outageSeconds} s`,
        `${ours.attempts} vs ${reference.attempts} (${delta(ours.attempts, reference.attempts)})`,
        `${ours.peakPer100ms} vs ${reference.peak}`,
        `${seconds(ours.p50Ms)}/${seconds(ours.p95Ms)} vs ${reference.p50}/${reference.p95}`,
        `${ours.failed} vs ${reference.failed} (${delta(ours.failed, reference.failed)})`,
      ],
    ];
  });
  return formatTable(['Blazor default', 'attempts', 'peak/100ms', 'p50/p95 s', 'failed'], rows);
}

/** One target of the brief, checked for one model and outage. */
export interface TargetCheck {
  readonly model: string;
  readonly outageSeconds: number;
  readonly peakRatio: number;
  readonly p50: boolean;
  readonly p95: boolean;
  readonly failed: boolean;
  readonly ok: boolean;
}

/**
 * The default's targets against Blazor's default, scenario by scenario: peak per 100 ms at most a
 * fifth; p50 and p95 after the return no worse (over reconnected clients, as the reference
 * reports them) and no more clients failed. No tolerance is added.
 */
export function checkTargets(results: readonly HerdResult[]): TargetCheck[] {
  return results
    .filter((result) => result.policy === OURS)
    .flatMap((ours) => {
      const blazor = results.find(
        (result) => result.policy === BLAZOR && result.model === ours.model && result.outageSeconds === ours.outageSeconds,
      );
      if (blazor === undefined) return [];
      const peakRatio = ours.peakPer100ms / blazor.peakPer100ms;
      const p50 = ours.p50Ms <= blazor.p50Ms;
      const p95 = ours.p95Ms <= blazor.p95Ms;
      const failed = ours.failed <= blazor.failed;
      return [{ model: ours.model, outageSeconds: ours.outageSeconds, peakRatio, p50, p95, failed, ok: peakRatio <= 0.2 && p50 && p95 && failed }];
    });
}

export function formatTargets(checks: readonly TargetCheck[]): string {
  const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
  const rows = checks.map((check) => [
    `${check.model} ${check.outageSeconds} s`,
    check.peakRatio.toFixed(3),
    mark(check.p50),
    mark(check.p95),
    mark(check.failed),
    mark(check.ok),
  ]);
  return formatTable(['default vs Blazor', 'peak ratio (≤ 0.2)', 'p50 ≤', 'p95 ≤', 'failed ≤', 'all'], rows);
}
