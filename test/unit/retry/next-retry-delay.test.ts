import { describe, expect, it } from 'vitest';
import { RetryPolicyError } from '../../../src/errors/retry-policy-error';
import type { RetryIntervalFunction } from '../../../src/options/types';
import { exponentialBackoff } from '../../../src/retry/exponential-backoff';
import type { RetryDecision } from '../../../src/retry/next-retry-delay';
import { nextRetryDelay } from '../../../src/retry/next-retry-delay';

/** Asks as the process does: previousAttempts 0, 1, 2… until the policy stops (at most `limit`). */
function decisions(options: Parameters<typeof nextRetryDelay>[0], limit = 50): RetryDecision[] {
  const out: RetryDecision[] = [];
  for (let attempts = 0; attempts < limit; attempts++) {
    const decision = nextRetryDelay(options, attempts);
    out.push(decision);
    if (typeof decision !== 'number') break;
  }
  return out;
}

/** Each wait as its number, a stop as 'stop', an invalid policy as 'invalid'. */
const waits = (list: RetryDecision[]) => list.map((decision) => (typeof decision === 'number' ? decision : decision === null ? 'stop' : 'invalid'));

describe('nextRetryDelay with retry helpers', () => {
  it('passes Array.prototype.at over a delay table through, stopping at the first undefined', () => {
    const table: RetryIntervalFunction = Array.prototype.at.bind([0, 1000, 2000]);
    expect(waits(decisions({ maxRetries: undefined, retryIntervalMilliseconds: table }))).toEqual([0, 1000, 2000, 'stop']);
  });

  it('stops the same table earlier when maxRetries is smaller', () => {
    const table: RetryIntervalFunction = Array.prototype.at.bind([0, 1000, 2000]);
    expect(waits(decisions({ maxRetries: 2, retryIntervalMilliseconds: table }))).toEqual([0, 1000, 'stop']);
  });

  it('does not cap the first wait of a function (the 3 s cap is for numbers)', () => {
    const interval: RetryIntervalFunction = () => 10000;
    expect(waits(decisions({ maxRetries: 2, retryIntervalMilliseconds: interval }))).toEqual([10000, 10000, 'stop']);
    expect(waits(decisions({ maxRetries: 2, retryIntervalMilliseconds: 10000 }))).toEqual([3000, 10000, 'stop']);
  });

  it('ends an exponentialBackoff by maxElapsedMs before maxRetries, and again in the next outage', () => {
    const options = {
      maxRetries: 30,
      retryIntervalMilliseconds: exponentialBackoff({ initialMs: 1000, maxMs: 4000, jitter: 'none', maxElapsedMs: 10000 }),
    };
    const expected = [0, 1000, 2000, 4000, 4000, 'stop'];
    expect(waits(decisions(options))).toEqual(expected);
    expect(waits(decisions(options))).toEqual(expected);
  });

  it('reports a random source out of range as an invalid policy, with the cause', () => {
    const options = {
      maxRetries: 5,
      retryIntervalMilliseconds: exponentialBackoff({ initialMs: 1000, maxMs: 4000, random: () => -0.1 }),
    };
    const [first, second] = decisions(options);
    expect(first).toBe(0);
    expect(second).toBeInstanceOf(RetryPolicyError);
    if (!(second instanceof RetryPolicyError)) return;
    expect(second.previousAttempts).toBe(1);
    expect((second.cause as Error).message).toBe('exponentialBackoff.random() must be a number in [0, 1) (got -0.1)');
  });

  it('reports a policy that throws or returns a non-delay as invalid, naming the option and the value', () => {
    const thrown = nextRetryDelay({ maxRetries: 5, retryIntervalMilliseconds: () => { throw new Error('boom'); } }, 2);
    expect(thrown).toBeInstanceOf(RetryPolicyError);
    expect(thrown instanceof RetryPolicyError && thrown.message).toBe('reconnectionOptions.retryIntervalMilliseconds(2) threw');
    expect(thrown instanceof RetryPolicyError && (thrown.cause as Error).message).toBe('boom');
    const returned = nextRetryDelay({ maxRetries: 5, retryIntervalMilliseconds: () => -1 }, 3);
    expect(returned).toBeInstanceOf(RetryPolicyError);
    expect(returned instanceof RetryPolicyError && returned.message).toBe(
      'reconnectionOptions.retryIntervalMilliseconds(3) returned -1, not a number ≥ 0, null or undefined',
    );
    expect(returned instanceof RetryPolicyError && returned.returned).toBe(-1);
    const text = nextRetryDelay({ maxRetries: undefined, retryIntervalMilliseconds: (() => '5') as never }, 0);
    expect(text).toBeInstanceOf(RetryPolicyError);
  });
});

