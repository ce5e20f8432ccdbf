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

/** mulberry32, for the statistical properties that need many well-spread draws: the benchmark's generator. */
export { seededRandom as seeded } from '../../../bench/herd/random';

/** Asks `interval` for `previousAttempts` 0, 1, … `count − 1`, as the process does in one outage. */
export function schedule(
  interval: (previousAttempts: number, maxRetries?: number) => number | null | undefined,
  count: number,
): (number | null | undefined)[] {
  return Array.from({ length: count }, (_, previousAttempts) => interval(previousAttempts));
}
