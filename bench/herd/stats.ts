/**
 * The figures the herd table reports, computed from raw simulation output. Percentiles use the
 * nearest-rank method on sorted samples: p50 of 10,000 is the 5,000th value, never interpolated.
 */

/** Nearest-rank percentile of ascending `sorted`; `NaN` when empty. */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The largest sum of `perMs` over any `windowMs` consecutive milliseconds (a sliding window). */
export function peakInWindow(perMs: Int32Array, windowMs: number): number {
  let sum = 0;
  let peak = 0;
  for (let index = 0; index < perMs.length; index++) {
    sum += perMs[index] ?? 0;
    if (index >= windowMs) sum -= perMs[index - windowMs] ?? 0;
    if (sum > peak) peak = sum;
  }
  return peak;
}

/** Sums `perMs` into bins of `binMs` (for the attempts-over-time chart). */
export function binCounts(perMs: Int32Array, binMs: number, bins: number): number[] {
  const out = new Array<number>(bins).fill(0);
  for (let index = 0; index < perMs.length; index++) {
    const bin = Math.floor(index / binMs);
    if (bin >= bins) break;
    out[bin] = (out[bin] ?? 0) + (perMs[index] ?? 0);
  }
  return out;
}

/** Total of `perMs`. */
export function total(perMs: Int32Array): number {
  let sum = 0;
  for (const count of perMs) sum += count;
  return sum;
}

/** Ascending copy of `values` as a typed array (numeric sort, no comparator needed). */
export function sortedSamples(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}
