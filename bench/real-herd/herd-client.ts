import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { HubConnection } from '@microsoft/signalr';
import { classifyConnectFailure } from '../../src/hosts/circuit/connect-failure';
import { ServerBusyError } from '../../src/errors/server-busy-error';
import { negotiationStatus } from '../../src/hosts/circuit/negotiation-status';
import { ServerAdviceHttpClient } from '../../src/hosts/circuit/server-advice-http-client';
import { createSignalRLogger } from '../../src/hosts/circuit/signalr-logger';
import { createGuard } from '../../src/logging/guard';
import { silentLogger } from '../../src/logging/logger';
import { defaultReconnectionOptions } from '../../src/options/defaults';
import type { ReconnectionOptions } from '../../src/options/types';
import type { PageSignals } from '../../src/reconnection/page-signals';
import type { OutageState } from '../../src/reconnection/outage-state';
import { createReconnectionProcess } from '../../src/reconnection/reconnection-process';
import type { ReconnectionProcess } from '../../src/reconnection/process-types';
import { systemClock } from '../../src/timing/clock';
import type { HerdPolicy } from '../herd/herd';
import { createRecordingDisplay } from './recording-display';
import type { DisplayRecord } from './recording-display';

/** How one outage ended for one client, in this machine's wall clock (Unix ms). */
export interface OutageEnd {
  /** Which client (unique across the herd's processes): a client may have two outages in one run. */
  readonly client: string;
  /**
   * The policy that ran this outage ('blazor' or 'ours'): the one armed when the connection
   * dropped, even if the benchmark armed another since.
   */
  readonly policy: string;
  readonly outcome: 'resumed' | 'rejected' | 'failed' | 'resume-failed' | 'disposed';
  readonly at: number;
  readonly attempts: number;
  readonly display: DisplayRecord;
}

/** A client's last outage, for `--diagnose`. */
export interface OutageDiagnosis {
  /** The policy armed when the connection dropped. */
  readonly policy: string;
  state: OutageState;
  attempts: number;
  /** What the failed attempts threw, counted by {@link errorKey}. */
  readonly errors: Record<string, number>;
  /** From the last `waiting` to the attempt that ended it, in ms: the wait the process chose. */
  lastWaitMs: number | undefined;
}

/** One client's state now, for `--diagnose`. */
export interface ClientDiagnosis extends OutageDiagnosis {
  readonly client: string;
  readonly connected: boolean;
}

/** An error's class, with the status of a busy answer or the start of any other message. */
function errorKey(error: unknown): string {
  if (error instanceof ServerBusyError) return `${error.name} ${error.status}, Retry-After ${error.retryAfterMs} ms`;
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 70)}` : String(error);
}

/** A Node process's page: always online, never hidden. */
const quietPageSignals: PageSignals = { isOnline: () => true, subscribe: () => () => undefined };
const guard = createGuard(silentLogger);

/**
 * One page of the real-server herd: a real `@microsoft/signalr` connection that starts a circuit,
 * and, when that connection closes, the library's real reconnection process with the real
 * policy and a recording display. Every attempt is a real one: a new connection (negotiate +
 * WebSocket + handshake) and `ConnectCircuit(id)` on it; `true` resumes, `false` is a rejection.
 */
export class HerdClient {
  private connection: HubConnection | undefined;
  private circuitId = '';
  private process: ReconnectionProcess | undefined;
  /** The next outage's retry options; none before the benchmark arms the client. */
  private armed: Pick<ReconnectionOptions, 'maxRetries' | 'retryIntervalMilliseconds'> | undefined;
  /** Sent as the negotiation's `herd` query parameter, so the server counts each policy's attempts. */
  private tag = '';
  /** The last outage, as `--diagnose` reports it. */
  private outage: OutageDiagnosis = { policy: '', state: 'idle', attempts: 0, errors: {}, lastWaitMs: undefined };

  constructor(
    private readonly id: string,
    private readonly url: string,
    private readonly onEnd: (end: OutageEnd) => void,
  ) {}

  /** Whether an outage is under way (its process has not ended). */
  get inOutage(): boolean {
    return this.process !== undefined;
  }

  /** Connected with no outage under way: ready for the next outage. */
  get ready(): boolean {
    return this.connection !== undefined && this.process === undefined;
  }

  /**
   * Connects and starts a circuit (the page's first load). A rate-limited server refuses most of
   * a burst of first loads with 429: the page is loaded again a second or two later, as a person
   * would, for up to a minute.
   */
  async start(): Promise<void> {
    let connection: HubConnection | undefined;
    for (let tries = 1; connection === undefined; tries++) {
      try {
        connection = await this.open();
      } catch (error) {
        if (tries >= 60 || negotiationStatus(error) !== 429) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 1000));
      }
    }
    const id = await connection.invoke<string | null>('StartCircuit', this.url, this.url, '[]', '');
    if (typeof id !== 'string') throw new Error('StartCircuit refused the circuit');
    this.circuitId = id;
    this.adopt(connection);
  }

  /** The policy the next outage runs (a fresh interval: stateful policies keep their own state). */
  arm(tag: string, policy: HerdPolicy, random: () => number): void {
    this.tag = tag;
    this.armed = { maxRetries: policy.maxRetries, retryIntervalMilliseconds: policy.interval(random) };
  }

  /**
   * Ends an outage left over from an earlier run without reporting it, and loads the page again
   * (a new circuit). A run's clients must all be connected when it starts: a client still in the
   * last run's outage would otherwise go on with that run's policy (Blazor's 30 s steps) and its
   * late resume be counted in this run.
   */
  async reload(): Promise<void> {
    const process = this.process;
    this.process = undefined;
    process?.dispose();
    const connection = this.connection;
    this.connection = undefined;
    await connection?.stop();
    await this.start();
  }

  /** What this client is doing now, for `--diagnose`: why a client did not resume. */
  diagnosis(): ClientDiagnosis {
    return { client: this.id, connected: this.connection !== undefined, ...this.outage, attempts: this.process?.attempts ?? this.outage.attempts };
  }

  /** Closes the connection and ends any outage without counting it. */
  async stop(): Promise<void> {
    this.process?.dispose();
    this.process = undefined;
    const connection = this.connection;
    this.connection = undefined;
    await connection?.stop();
  }

  /**
   * A new connection. Ours reads a busy server's `Retry-After` as the library's own connection
   * factory does (and its host turns the answer into a `ServerBusyError`); Blazor's client cannot.
   */
  private async open(): Promise<HubConnection> {
    const url = `${this.url}?herd=${this.tag}`;
    const ours = this.tag === 'ours';
    const connection = new HubConnectionBuilder()
      .withUrl(url, { transport: HttpTransportType.WebSockets, ...(ours ? { httpClient: new ServerAdviceHttpClient(createSignalRLogger(LogLevel.None), systemClock) } : {}) })
      .configureLogging(LogLevel.None)
      .build();
    try {
      await connection.start();
    } catch (error) {
      if (!ours) throw error;
      const failure = classifyConnectFailure(error, { url, firstTry: false, starting: false, circuitHandshake: true });
      throw 'raise' in failure ? failure.raise : failure.refuse;
    }
    return connection;
  }

  private adopt(connection: HubConnection): void {
    this.connection = connection;
    connection.onclose(() => {
      if (this.connection !== connection) return;
      this.connection = undefined;
      this.down();
    });
  }

  /** The connection dropped: the real process, with this client's policy, takes over. */
  private down(): void {
    if (this.armed === undefined) return;
    const { display, record } = createRecordingDisplay();
    const outage: OutageDiagnosis = { policy: this.tag, state: 'idle', attempts: 0, errors: {}, lastWaitMs: undefined };
    let waitingSince = 0;
    const process = createReconnectionProcess({
      options: { ...defaultReconnectionOptions(), ...this.armed },
      display,
      host: {
        attempt: () =>
          this.attempt().catch((error: unknown) => {
            const key = errorKey(error);
            outage.errors[key] = (outage.errors[key] ?? 0) + 1;
            throw error;
          }),
      },
      logger: silentLogger,
      guard,
      clock: systemClock,
      signals: quietPageSignals,
      onStateChange: (state) => {
        if (state === 'attempting' && outage.state === 'waiting') outage.lastWaitMs = Date.now() - waitingSince;
        if (state === 'waiting') waitingSince = Date.now();
        outage.state = state;
      },
      onEnd: (outcome, attempts) => {
        outage.attempts = attempts;
        // An outage the benchmark ended itself (`reload`) belongs to no run.
        if (this.process !== process) return;
        this.process = undefined;
        this.onEnd({ client: this.id, policy: outage.policy, outcome, at: Date.now(), attempts, display: record });
      },
    });
    this.process = process;
    this.outage = outage;
    process.start('dropped');
  }

  /** One real attempt: negotiate + WebSocket + handshake, then ConnectCircuit on the new connection. */
  private async attempt(): Promise<boolean> {
    const connection = await this.open();
    let resumed: boolean;
    try {
      resumed = await connection.invoke<boolean>('ConnectCircuit', this.circuitId);
    } catch (error) {
      await connection.stop();
      throw error;
    }
    if (!resumed) {
      await connection.stop();
      return false;
    }
    this.adopt(connection);
    return true;
  }
}
