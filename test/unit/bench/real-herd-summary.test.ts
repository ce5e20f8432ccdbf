// The real-server herd's figures from raw measurements (bench/real-herd/run-summary.ts): the
// busiest 100 ms at the server, the curve, and recovery from the server being ready.
import { describe, expect, it } from 'vitest';
import { binFrom, peakInSlidingWindow, summarizeRun } from '../../../bench/real-herd/run-summary';
import type { RunMeasurement } from '../../../bench/real-herd/run-summary';

describe('real-herd run summary', () => {
  it('finds the busiest 100 ms in any window, not only in fixed bins', () => {
    // Fixed bins hold 4 (0-99) and 3 (100-199); the window from 60 holds 6.
    expect(peakInSlidingWindow([0, 60, 70, 90, 110, 120, 140, 300], 100)).toBe(6);
    expect(peakInSlidingWindow([0, 100, 200], 100)).toBe(1);
    expect(peakInSlidingWindow([], 100)).toBe(0);
  });

  it('bins arrivals per 100 ms from the ready time, earlier ones into the first bin', () => {
    expect(binFrom([1000, 1050, 1150, 1420, 990], 1000, 100)).toEqual([3, 1, 0, 0, 1]);
  });

  it('measures recovery from ready and counts every client that did not resume as failed', () => {
    const run: RunMeasurement = {
      hub: 'h', policy: 'ours', clients: 4, outageSeconds: 5, sharedOutage: false, killedAt: 0, readyAt: 6000,
      negotiations: [6000, 6010, 6500],
      ends: [
        { client: 'a', outcome: 'resumed', at: 6100 },
        { client: 'b', outcome: 'resumed', at: 7000 },
        { client: 'c', outcome: 'rejected', at: 6200 },
      ],
      restartMs: 1000, serverCpuMs: 1, clientsCpuMs: 2, admissionPerSecond: 100,
    };
    const row = summarizeRun(run);
    expect(row).toMatchObject({ attempts: 3, peakPer100ms: 2, p50Ms: 100, p95Ms: 1000, maxMs: 1000, resumed: 2, failed: 2, repeatedOutages: 0 });
    expect(row.per100ms).toEqual([2, 0, 0, 0, 0, 1]);
  });

  it('judges a client with two outages by its last one', () => {
    const base = { hub: 'h', policy: 'ours', clients: 2, outageSeconds: 0, sharedOutage: false, killedAt: 0, readyAt: 0, negotiations: [] };
    const costs = { restartMs: 0, serverCpuMs: 0, clientsCpuMs: 0, admissionPerSecond: 100 };
    const row = summarizeRun({
      ...base,
      ...costs,
      ends: [
        { client: 'a', outcome: 'resumed', at: 100 },
        { client: 'b', outcome: 'resumed', at: 200 },
        { client: 'a', outcome: 'resumed', at: 900 },
      ],
    });
    expect(row).toMatchObject({ resumed: 2, failed: 0, repeatedOutages: 1, p50Ms: 200, maxMs: 900 });
  });
});
