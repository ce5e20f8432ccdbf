import type { RetryIntervalFunction } from '../../src/options/types';
import { blazorDefaultRetryInterval } from '../../src/retry/blazor-default-retry-interval';
import { createDefaultRetryInterval, DEFAULT_MAX_RETRIES } from '../../src/retry/default-retry-interval';
import { exponentialBackoff } from '../../src/retry/exponential-backoff';
import type { Jitter } from '../../src/retry/jitter';
import type { HerdPolicy } from './herd';

/** @microsoft/signalr's `withAutomaticReconnect()` default: 0, 2, 10, 30 s, then stop. */
const SIGNALR_DELAYS = [0, 2000, 10000, 30000];
const signalRDefault: RetryIntervalFunction = (previousAttempts) => SIGNALR_DELAYS[previousAttempts] ?? null;

export const BLAZOR = 'Blazor default';
export const OURS = 'circuit-reconnect default';

/**
 * The plain exponential variants share the default's count and its 28 s cap, starting at 1 s
 * and doubling, so the table isolates what the jitter does (and what the default's 5 s plateau
 * adds over plain doubling).
 */
function exponential(jitter: Jitter): HerdPolicy {
  return {
    name: `exponential 1–28 s, ${jitter}`,
    maxRetries: DEFAULT_MAX_RETRIES,
    interval: (random) => exponentialBackoff({ initialMs: 1000, maxMs: 28000, jitter, random }),
  };
}

/** Every policy the herd table compares, in table order. */
export const HERD_POLICIES: readonly HerdPolicy[] = [
  { name: BLAZOR, maxRetries: 30, ignoresRetryAfter: true, interval: () => blazorDefaultRetryInterval },
  { name: 'SignalR default', maxRetries: 30, ignoresRetryAfter: true, interval: () => signalRDefault },
  { name: OURS, maxRetries: DEFAULT_MAX_RETRIES, interval: (random) => createDefaultRetryInterval(random) },
  exponential('full'),
  exponential('equal'),
  exponential('decorrelated'),
  exponential('none'),
];
