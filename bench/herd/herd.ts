import { createGuard } from '../../src/logging/guard';
import { silentLogger } from '../../src/logging/logger';
import { defaultReconnectionOptions } from '../../src/options/defaults';
import type { ReconnectionOptions } from '../../src/options/types';
import type { PageSignals } from '../../src/reconnection/page-signals';
import type { ReconnectionDisplay } from '../../src/ui/reconnection-display';
import { createReconnectionProcess } from '../../src/reconnection/reconnection-process';
import { EventClock } from './event-clock';
import { seededRandom } from './random';
import type { ServerSpec } from './simulated-server';
import { SimulatedServer } from './simulated-server';
import { binCounts, peakInWindow, percentile, sortedSamples, total } from './stats';

/** A retry policy under test: the options one client starts with, built from that client's random source. */
export interface HerdPolicy {
  readonly name: string;
  /** `reconnectionOptions.maxRetries` for this policy. */
  readonly maxRetries: number | undefined;
  /**
   * Blazor's and SignalR's own loops know nothing of `Retry-After`: their clients see a busy
   * answer as any failure (the process then waits the policy's time only).
   */
  readonly ignoresRetryAfter?: boolean;
  /** A fresh interval per client, so stateful policies (decorrelated, maxElapsedMs) get their own state. */
  readonly interval: (random: () => number) => ReconnectionOptions['retryIntervalMilliseconds'];
}

export interface HerdScenario {
  readonly clients: number;
  readonly policy: HerdPolicy;
  readonly server: ServerSpec;
  readonly seed: number;
  /** Drain microtasks after every simulated millisecond (slow; for checking the fast mode). */
  readonly drainEveryStep?: boolean;
}

/** One row of the herd table. Times are milliseconds after the server came back. */
export interface HerdResult {
  readonly policy: string;
  readonly model: ServerSpec['model'];
  readonly outageSeconds: number;
  readonly attempts: number;
  readonly peakPer100ms: number;
  /** The same peak, counting only attempts that reached the server after it came back. */
  readonly peakAfterReturnPer100ms: number;
  /** Percentiles over the clients that reconnected: one that gave up has no recovery time. */
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** p95 over all clients, a client that never reconnected counting as never (`Infinity`). */
  readonly p95AllMs: number;
  readonly resumed: number;
  readonly failed: number;
  /** Earliest and median time a client ended `failed` (ms after the drop); `NaN` when none did. */
  readonly firstFailedAtMs: number;
  readonly medianFailedAtMs: number;
  /** Attempts reaching the server per second, for the chart. */
  readonly attemptsPerSecond: number[];
  /** Simulated milliseconds until the last event; timers the clock fired (benchmark cost). */
  readonly simulatedMs: number;
  readonly timersFired: number;
}

/** The display the benchmark drives: the process ticks it once a second, and it does nothing. */
const noDisplay: ReconnectionDisplay = {
  show: () => undefined,
  update: () => undefined,
  offline: () => undefined,
  hide: () => undefined,
  failed: () => undefined,
  rejected: () => undefined,
};

/**
 * Runs `clients` real reconnection processes ({@link createReconnectionProcess}) that all lose the server at t = 0, against
 * one {@link SimulatedServer}, on one {@link EventClock}, until no timer is left.
 */
/** A simulated page: no signal ever fires, and the network is always there. */
const quietPageSignals: PageSignals = { isOnline: () => true, subscribe: () => () => undefined };
const guard = createGuard(silentLogger);
const PLAIN_FAILURE = new Error('refused');
/** A busy answer as a client that ignores `Retry-After` sees it. */
const asPlainFailure = (): Promise<boolean> => Promise.reject(PLAIN_FAILURE);

export async function runHerd(scenario: HerdScenario): Promise<HerdResult> {
  const { clients, policy, server: spec } = scenario;
  const clock = new EventClock(scenario.drainEveryStep);
  const server = new SimulatedServer(clock, spec, seededRandom(scenario.seed));
  const policyRandom = seededRandom(scenario.seed ^ 0x5bd1e995);
  const recovered: number[] = [];
  const failedAt: number[] = [];

  for (let index = 0; index < clients; index++) {
    const options: ReconnectionOptions = {
      ...defaultReconnectionOptions(),
      maxRetries: policy.maxRetries,
      retryIntervalMilliseconds: policy.interval(policyRandom),
    };
    const process = createReconnectionProcess({
      options,
      display: noDisplay,
      host: { attempt: policy.ignoresRetryAfter ? () => server.connect().catch(asPlainFailure) : () => server.connect() },
      logger: silentLogger,
      guard,
      clock,
      signals: quietPageSignals,
      random: policyRandom,
      onEnd: (outcome) => {
        if (outcome === 'resumed') recovered.push(clock.now() - spec.downForMs);
        else if (outcome === 'failed') failedAt.push(clock.now());
      },
    });
    process.start('dropped');
  }
  const simulatedMs = await clock.run();

  const sorted = sortedSamples(recovered);
  const failures = sortedSamples(failedAt);
  const all = new Float64Array(clients).fill(Number.POSITIVE_INFINITY);
  all.set(sorted);
  const arrivals = server.arrivals;
  return {
    policy: policy.name,
    model: spec.model,
    outageSeconds: spec.downForMs / 1000,
    attempts: total(arrivals),
    peakPer100ms: peakInWindow(arrivals, 100),
    peakAfterReturnPer100ms: peakInWindow(arrivals.subarray(Math.min(arrivals.length, spec.downForMs)), 100),
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    maxMs: percentile(sorted, 1),
    p95AllMs: percentile(all, 0.95),
    resumed: recovered.length,
    failed: failedAt.length,
    firstFailedAtMs: percentile(failures, 0),
    medianFailedAtMs: percentile(failures, 0.5),
    attemptsPerSecond: binCounts(arrivals, 1000, Math.ceil(arrivals.length / 1000)),
    simulatedMs,
    timersFired: clock.timersFired,
  };
}
