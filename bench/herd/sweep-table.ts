import type { HerdResult } from './herd';
import { BLAZOR, OURS } from './policies';
import type { ServerModel } from './simulated-server';
import { formatTable, seconds } from './table';

/** The physical limit's p95 for 10,000 clients at 2,000/s: the last 5 % come back in the last 0.25 s of N/R = 5 s. */
export const LIMIT_P95_MS = 4750;

/** The long-outage targets: p95 within twice the limit, peak a tenth of Blazor's at most, no client failed. */
export const SWEEP_TARGET = { p95Ms: 2 * LIMIT_P95_MS, peakRatio: 0.1, failed: 0 } as const;

/** One sweep row, checked against {@link SWEEP_TARGET}. */
export interface SweepRow {
  readonly model: ServerModel;
  readonly outageSeconds: number;
  readonly blazor: HerdResult | undefined;
  readonly ours: HerdResult;
  readonly ok: boolean;
}

/** Pairs each of our results with Blazor's in the same model and outage, and checks the targets. */
export function sweepRows(results: readonly HerdResult[]): SweepRow[] {
  const models: ServerModel[] = ['queue', 'drop', 'retry-after'];
  return results
    .filter((result) => result.policy === OURS)
    .sort((a, b) => models.indexOf(a.model) - models.indexOf(b.model) || a.outageSeconds - b.outageSeconds)
    .map((ours) => {
      const blazor = results.find((r) => r.policy === BLAZOR && r.model === ours.model && r.outageSeconds === ours.outageSeconds);
      const peakOk = blazor === undefined || ours.peakPer100ms <= blazor.peakPer100ms * SWEEP_TARGET.peakRatio;
      const ok = ours.p95Ms <= SWEEP_TARGET.p95Ms && peakOk && ours.failed <= SWEEP_TARGET.failed;
      return { model: ours.model, outageSeconds: ours.outageSeconds, blazor, ours, ok };
    });
}

/** One row per model and outage: Blazor's p50/p95 beside ours, ours as a multiple of the limit, the targets. */
export function formatSweep(results: readonly HerdResult[]): string {
  const pair = (result: HerdResult | undefined) => (result === undefined ? '–' : `${seconds(result.p50Ms)} / ${seconds(result.p95Ms)}`);
  const rows = sweepRows(results).map((row) => [
    row.model,
    String(row.outageSeconds),
    pair(row.blazor),
    pair(row.ours),
    `${(row.ours.p95Ms / LIMIT_P95_MS).toFixed(2)}x`,
    String(row.ours.attempts),
    row.blazor === undefined ? '–' : String(row.blazor.attempts),
    String(row.ours.peakPer100ms),
    String(row.ours.failed),
    row.ok ? 'yes' : 'NO',
  ]);
  return formatTable(
    ['model', 'outage s', 'Blazor p50 / p95 s', 'default p50 / p95 s', 'p95 / limit', 'attempts', 'Blazor attempts', 'peak/100ms', 'failed', 'p95 ≤ 9.5 s, peak ≤ 1/10, 0 failed'],
    rows,
  );
}
