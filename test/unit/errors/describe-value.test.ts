import { describe, expect, it } from 'vitest';
import { describeValue } from '../../../src/errors/describe-value';

describe('describeValue', () => {
  it('prints numbers, booleans, null, undefined, symbols and BigInts as String() does', () => {
    expect([Number.NaN, Infinity, -1, 1.5, true, null, undefined, Symbol('s'), 10n].map(describeValue)).toEqual([
      'NaN',
      'Infinity',
      '-1',
      '1.5',
      'true',
      'null',
      'undefined',
      'Symbol(s)',
      '10',
    ]);
  });

  it('quotes strings and prints objects and arrays as JSON', () => {
    expect(describeValue('fast')).toBe('"fast"');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue([])).toBe('[]');
  });

  it('says "a function" for any function, never its source', () => {
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(Math.max.bind(null))).toBe('a function');
  });

  it('cuts a description longer than 60 characters to 57 and an ellipsis', () => {
    expect(describeValue('x'.repeat(58))).toBe(`"${'x'.repeat(58)}"`);
    expect(describeValue('x'.repeat(59))).toBe(`"${'x'.repeat(56)}...`);
    expect(describeValue(10n ** 70n)).toBe(`1${'0'.repeat(56)}...`);
  });

  it('says "an object" for what JSON cannot print, and never throws', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(describeValue(cycle)).toBe('an object');
    expect(describeValue({ big: 1n })).toBe('an object');
    expect(describeValue({ toJSON: () => undefined })).toBe('an object');
    expect(
      describeValue({
        toJSON() {
          throw new Error('no');
        },
      }),
    ).toBe('an object');
  });
});
