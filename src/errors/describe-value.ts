/**
 * Renders a bad option value for an error message: short (anything past 60 characters is cut),
 * unambiguous, never throws.
 */
export function describeValue(value: unknown): string {
  const type = typeof value;
  try {
    // Strings quoted and objects (`null` too) as JSON; numbers through String(), as JSON would
    // print NaN and Infinity as null; never a function's source.
    const text =
      type === 'function' ? 'a function' : type === 'string' || type === 'object' ? JSON.stringify(value) : String(value);
    return text.length > 60 ? text.slice(0, 57) + '...' : text;
  } catch {
    // A cycle, a BigInt inside, or a toJSON that throws or returns undefined.
    return 'an object';
  }
}
