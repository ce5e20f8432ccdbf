/**
 * A random source that plays back `values` in order, then repeats them: exact expected
 * sequences without depending on a generator's internals.
 */
export function playback(...values: number[]): () => number {
  let index = 0;
  return () => {
    const value = values[index % values.length];
    index++;
    if (value === undefined) throw new Error('playback needs at least one value');
    return value;
  };
}

/** mulberry32, for the statistical properties that need many well-spread draws. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Asks `interval` for `previousAttempts` 0, 1, … `count − 1`, as the process does in one outage. */
export function schedule(
  interval: (previousAttempts: number, maxRetries?: number) => number | null | undefined,
  count: number,
): (number | null | undefined)[] {
  return Array.from({ length: count }, (_, previousAttempts) => interval(previousAttempts));
}
