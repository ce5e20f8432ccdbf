/**
 * The "did you mean" of an unknown option: the name in `names` nearest to `given` by edit
 * distance, ignoring case, or `undefined` when none is near enough to be a likely typo.
 *
 * Near enough means at most `floor(0.4 × given.length)` single-character insertions, deletions or
 * substitutions, the bound TypeScript's own spelling suggestions use: `maxRetry` (3 edits from
 * `maxRetries`) and `reconectionOptions` (1) find their option; a two-letter key finds only a
 * difference of case. A name may be a path (`circuit.logLevel`): its last segment is compared, so
 * an option written at the wrong level is found where it belongs. The first of equally near
 * names wins.
 * @example closestName('maxRetry', ['maxRetries', 'dialogId']) // 'maxRetries'
 */
export function closestName(given: string, names: readonly string[]): string | undefined {
  const typed = given.toLowerCase();
  let closest: string | undefined;
  let closestDistance = Math.floor(given.length * 0.4) + 1;
  for (const name of names) {
    const distance = editDistance(typed, name.slice(name.lastIndexOf('.') + 1).toLowerCase());
    if (distance < closestDistance) {
      closest = name;
      closestDistance = distance;
    }
  }
  return closest;
}

/**
 * Levenshtein distance, one row of the table at a time: `above[j]` is the distance between the
 * first `i - 1` characters of `a` and the first `j` of `b`, `row[j]` the same for `i` characters.
 */
function editDistance(a: string, b: string): number {
  let above = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (above[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(substitution, (above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1));
    }
    above = row;
  }
  return above[b.length] ?? 0;
}
