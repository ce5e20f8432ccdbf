import { runHerd } from '../herd/herd';
import { BLAZOR, HERD_POLICIES, OURS } from '../herd/policies';

/** The simulator's figures for one real run, to print beside it. */
export interface Prediction {
  readonly peakPer100ms: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly failed: number;
}

/**
 * What the herd simulator (bench/herd/) predicts for the same N, the admission rate R measured in
 * the same run (a token bucket of R per second, 100 ms of burst, queueing) and the outage the
 * clients saw (the kill to the server being ready: the outage plus the restart).
 */
export async function predict(policy: 'blazor' | 'ours', clients: number, admissionPerSecond: number, outageMs: number): Promise<Prediction> {
  const name = policy === 'blazor' ? BLAZOR : OURS;
  const herdPolicy = HERD_POLICIES.find((each) => each.name === name);
  if (herdPolicy === undefined) throw new RangeError(`No herd policy ${name}`);
  const result = await runHerd({
    clients,
    policy: herdPolicy,
    seed: 20261203,
    // A local negotiate + WebSocket + handshake + ConnectCircuit takes milliseconds, not the simulator's default 100.
    server: { model: 'queue', downForMs: Math.round(outageMs), admissionPerSecond, burstMs: 100, handshakeMs: 20 },
  });
  return { peakPer100ms: result.peakAfterReturnPer100ms, p50Ms: result.p50Ms, p95Ms: result.p95Ms, failed: result.failed };
}
