import { ServerBusyError } from '../../src/errors/server-busy-error';
import type { EventClock } from './event-clock';

/**
 * How a server meets a wall of reconnects; real servers sit between the two, so both are measured:
 * - `queue`: attempts over capacity wait in line (FIFO) and are served at the admission rate;
 *   one that would finish after the handshake timeout fails when that timeout expires.
 * - `drop`: attempts over capacity fail at once (503, refused upgrade, thread-pool starvation).
 * - `retry-after`: as `drop`, but the refusal is a 429 with `Retry-After`, as ASP.NET Core's
 *   token-bucket rate limiter with no queue answers it: the time until its next token, rounded
 *   up to whole seconds (the header's unit), so 1 s. The client gets a `ServerBusyError`.
 */
export type ServerModel = 'queue' | 'drop' | 'retry-after';

export interface ServerSpec {
  readonly model: ServerModel;
  /** The server is down from t = 0 until this time; attempts arriving before it are refused. */
  readonly downForMs: number;
  /** Connections admitted per second once up. @default 2000 */
  readonly admissionPerSecond?: number;
  /** Admissions the rate limiter lets through at once after idling, in ms of the rate (200 at 2,000/s). @default 100 */
  readonly burstMs?: number;
  /** Time from admission to a connected client (the handshake's own work). @default 100 */
  readonly handshakeMs?: number;
  /** A queued attempt that would finish later than this after arriving fails (queue model). @default 15000 */
  readonly handshakeTimeoutMs?: number;
  /** One-way network latency, drawn uniformly per message in [min, max] ms. @default [1, 5] */
  readonly latencyMs?: readonly [number, number];
}

/** Shared by every failed attempt: an `Error` per failure would cost a stack trace each. */
const UNREACHABLE = new Error('simulated server unreachable or over capacity');

/** The header is whole seconds, at least 1. */
const retryAfterSeconds = (waitMs: number): number => Math.max(1, Math.ceil(waitMs / 1000));

/**
 * The server side of the herd: `connect()` is a client's `attempt`. Admission is a token bucket
 * (the generic cell rate algorithm): one connection per `1000 / admissionPerSecond` ms, with a
 * burst of `burstMs` worth after idling. In the queue model an arrival waits for its token (FIFO);
 * in the drop model an arrival without a token is refused. An admitted client is connected
 * `handshakeMs` later. Arrivals are counted per millisecond for the load figures.
 */
export class SimulatedServer {
  private arrivalsPerMs = new Int32Array(1 << 16);
  private lastArrivalMs = -1;
  /** The bucket's theoretical arrival time: when the next token would be due at the steady rate. */
  private theoreticalArrival = 0;
  private readonly tokenIntervalMs: number;
  private readonly burstToleranceMs: number;
  private readonly spec: Required<ServerSpec>;

  constructor(
    private readonly clock: EventClock,
    spec: ServerSpec,
    private readonly random: () => number,
  ) {
    this.spec = {
      admissionPerSecond: 2000,
      burstMs: 100,
      handshakeMs: 100,
      handshakeTimeoutMs: 15000,
      latencyMs: [1, 5],
      ...spec,
    };
    this.tokenIntervalMs = 1000 / this.spec.admissionPerSecond;
    const burst = Math.max(1, Math.round((this.spec.admissionPerSecond * this.spec.burstMs) / 1000));
    this.burstToleranceMs = (burst - 1) * this.tokenIntervalMs;
  }

  /** One reconnection attempt: resolves `true` when admitted, rejects when refused or timed out. */
  connect(): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.clock.setTimeout(() => {
        this.arrive(resolve, reject);
      }, this.latency());
    });
  }

  /** Attempts that reached the server in each millisecond of simulated time, up to the last one. */
  get arrivals(): Int32Array {
    return this.arrivalsPerMs.subarray(0, this.lastArrivalMs + 1);
  }

  private countArrival(ms: number): void {
    if (ms >= this.arrivalsPerMs.length) {
      let length = this.arrivalsPerMs.length;
      while (length <= ms) length *= 2;
      const grown = new Int32Array(length);
      grown.set(this.arrivalsPerMs);
      this.arrivalsPerMs = grown;
    }
    this.arrivalsPerMs[ms] = (this.arrivalsPerMs[ms] ?? 0) + 1;
    if (ms > this.lastArrivalMs) this.lastArrivalMs = ms;
  }

  /** One error per advised wait: an `Error` per refusal would cost a stack trace each. */
  private readonly busyErrors = new Map<number, ServerBusyError>();

  private busy(seconds: number): ServerBusyError {
    let error = this.busyErrors.get(seconds);
    if (error === undefined) {
      error = new ServerBusyError('simulated', 429, seconds * 1000, { cause: UNREACHABLE });
      this.busyErrors.set(seconds, error);
    }
    return error;
  }

  private latency(): number {
    const [min, max] = this.spec.latencyMs;
    return min + this.random() * (max - min);
  }

  private arrive(resolve: (value: boolean) => void, reject: (reason: Error) => void): void {
    const now = this.clock.now();
    this.countArrival(now);
    const refuse = (afterMs: number, error: Error = UNREACHABLE): void => {
      this.clock.setTimeout(() => {
        this.clock.markSettled();
        reject(error);
      }, afterMs + this.latency());
    };
    if (now < this.spec.downForMs) {
      refuse(0);
      return;
    }
    const admittedAt = Math.max(now, this.theoreticalArrival - this.burstToleranceMs);
    if (this.spec.model === 'drop' && admittedAt > now) {
      refuse(0);
      return;
    }
    if (this.spec.model === 'retry-after' && admittedAt > now) {
      refuse(0, this.busy(retryAfterSeconds(admittedAt - now)));
      return;
    }
    const finish = admittedAt + this.spec.handshakeMs;
    if (finish - now > this.spec.handshakeTimeoutMs) {
      refuse(this.spec.handshakeTimeoutMs);
      return;
    }
    this.theoreticalArrival = Math.max(this.theoreticalArrival, admittedAt) + this.tokenIntervalMs;
    this.clock.setTimeout(() => {
      this.clock.markSettled();
      resolve(true);
    }, finish - now + this.latency());
  }
}
