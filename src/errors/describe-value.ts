/** Renders a bad option value for an error message: short, unambiguous, never throws. */
export function describeValue(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  // Numbers through String(): JSON would print NaN and Infinity as null.
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 60 ? `${json.slice(0, 57)}...` : json;
  } catch {
    // A cycle, a BigInt inside, or a toJSON that throws or returns undefined.
    return 'an object';
  }
}
