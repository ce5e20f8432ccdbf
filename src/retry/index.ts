// The retry policies, as one import for the public entry (src/index.ts re-exports these).
export type { ExponentialBackoffOptions } from './backoff-options';
export { blazorDefaultRetryInterval } from './blazor-default-retry-interval';
export { createDefaultRetryInterval, DEFAULT_MAX_RETRIES, defaultRetryInterval } from './default-retry-interval';
export { exponentialBackoff } from './exponential-backoff';
export type { Jitter } from './jitter';
export { JITTERS } from './jitter';
