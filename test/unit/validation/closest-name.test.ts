import { describe, expect, it } from 'vitest';
import { closestName } from '../../../src/validation/closest-name';

const RECONNECTION = ['maxRetries', 'retryIntervalMilliseconds', 'dialogId', 'dialogDelayMilliseconds', 'messages'];

describe('closestName', () => {
  it('finds the option a typo was meant to be', () => {
    expect(closestName('maxRetry', RECONNECTION)).toBe('maxRetries');
    expect(closestName('maxRetires', RECONNECTION)).toBe('maxRetries');
    expect(closestName('dialogID', RECONNECTION)).toBe('dialogId');
    expect(closestName('mesages', RECONNECTION)).toBe('messages');
  });

  it('ignores case', () => {
    expect(closestName('MAXRETRIES', RECONNECTION)).toBe('maxRetries');
    expect(closestName('Id', ['id', 'ssr'])).toBe('id');
  });

  it('suggests nothing when no name is within 40 % of the typed length', () => {
    expect(closestName('backoff', RECONNECTION)).toBeUndefined();
    expect(closestName('retryInterval', RECONNECTION)).toBeUndefined();
    // Two letters allow no edit at all: `sr` is not taken for `ssr`.
    expect(closestName('sr', ['ssr'])).toBeUndefined();
    expect(closestName('', ['ssr'])).toBeUndefined();
  });

  it('takes the boundary edit count: floor(0.4 × length)', () => {
    // 'abcde' → 2 edits allowed.
    expect(closestName('abcde', ['abxye'])).toBe('abxye');
    expect(closestName('abcde', ['axyze'])).toBeUndefined();
  });

  it('compares the last segment of a path and returns the path', () => {
    expect(closestName('reconectionOptions', ['circuit', 'circuit.reconnectionOptions'])).toBe('circuit.reconnectionOptions');
  });

  it('prefers the nearest name, then the first of equally near ones', () => {
    expect(closestName('retry', ['retrying', 'retry'])).toBe('retry');
    expect(closestName('abcd', ['abce', 'abcf'])).toBe('abce');
  });
});
