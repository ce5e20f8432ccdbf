import { percentile, sortedSamples } from '../herd/stats';

/** What the runner measured in one outage, raw. Times are this machine's Unix milliseconds. */
export interface RunMeasurement {
  readonly hub: string;
  readonly policy: string;
  readonly clients: number;
  readonly outageSeconds: number;
  /** Both policies ran in this outage, half the clients each (the long outage, once per hub). */
  readonly sharedOutage: boolean;
  /** When the server was killed. */
  readonly killedAt: number;
  /** When the restarted server started listening (its own clock, the same machine's). */
  readonly readyAt: number;
  /** Every negotiation the restarted server received. */
  readonly negotiations: readonly number[];
  /** Each outage's end, `resumed` or another outcome; a client may have had two outages. */
  readonly ends: readonly { readonly client: string; readonly outcome: string; readonly at: number }[];
  readonly restartMs: number;
  readonly serverCpuMs: number;
  readonly clientsCpuMs: number;
  /** The admission rate measured with this set of clients (connections per second). */
  readonly admissionPerSecond: number;
}

/** One row of the real-herd table. Times are milliseconds from the server being ready. */
export interface RunRow {
  readonly hub: string;
  readonly policy: string;
  readonly clients: number;
  readonly outageSeconds: number;
  readonly sharedOutage: boolean;
  readonly attempts: number;
  readonly peakPer100ms: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly resumed: number;
  readonly failed: number;
  /** Outages beyond one per client: a client dropped again after it resumed (a stopping node took it back). */
  readonly repeatedOutages: number;
  readonly restartMs: number;
  readonly serverCpuMs: number;
  readonly clientsCpuMs: number;
  readonly admissionPerSecond: number;
  /** Negotiations per 100 ms from the server being ready, for the chart. */
  readonly per100ms: number[];
}

/** The most timestamps in any window of `windowMs` (sliding: a window may start at any arrival). */
export function peakInSlidingWindow(times: readonly number[], windowMs: number): number {
  const sorted = sortedSamples([...times]);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

/** Counts of `times` per `binMs` from `from`, up to the last one. */
export function binFrom(times: readonly number[], from: number, binMs: number): number[] {
  const bins: number[] = [];
  for (const time of times) {
    const bin = Math.max(0, Math.floor((time - from) / binMs));
    while (bins.length <= bin) bins.push(0);
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  return bins;
}

/**
 * Reduces one outage to its row: the peak of negotiations per 100 ms at the server, the time
 * from the server being ready to each client's (last) resume (a client that resumed before the
 * ready time cannot exist: the server was dead), and every client that did not resume as failed.
 */
export function summarizeRun(run: RunMeasurement): RunRow {
  // Each client's last outage decides: resumed then dropped again and never back is a failure.
  const last = new Map<string, RunMeasurement['ends'][number]>();
  for (const end of run.ends) if ((last.get(end.client)?.at ?? -Infinity) <= end.at) last.set(end.client, end);
  const recovered = [...last.values()].filter((end) => end.outcome === 'resumed').map((end) => end.at - run.readyAt);
  const sorted = sortedSamples(recovered);
  return {
    hub: run.hub,
    policy: run.policy,
    clients: run.clients,
    outageSeconds: run.outageSeconds,
    sharedOutage: run.sharedOutage,
    attempts: run.negotiations.length,
    peakPer100ms: peakInSlidingWindow(run.negotiations, 100),
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    maxMs: percentile(sorted, 1),
    resumed: recovered.length,
    failed: run.clients - recovered.length,
    repeatedOutages: run.ends.length - last.size,
    restartMs: run.restartMs,
    serverCpuMs: run.serverCpuMs,
    clientsCpuMs: run.clientsCpuMs,
    admissionPerSecond: run.admissionPerSecond,
    per100ms: binFrom(run.negotiations, run.readyAt, 100),
  };
}
