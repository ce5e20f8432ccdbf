// Types for demo/hub/index.mjs, so TypeScript tests can import the hub without `any`.
// Keep in step with the JSDoc in the .mjs files (checked with `tsc --allowJs --checkJs`).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export type EndpointKind = 'circuit' | 'stateless';

export interface Endpoint {
  /** Starts with "/", no trailing "/": e.g. "/_blazor". */
  path: string;
  /** `circuit`: StartCircuit/ConnectCircuit/PauseCircuit/ResumeCircuit/Echo + /disconnect. `stateless`: Echo. */
  kind: EndpointKind;
}

export interface HubOptions {
  /** @default [{ path: '/_blazor', kind: 'circuit' }] */
  endpoints?: Endpoint[];
  /** How long a disconnected circuit is kept. @default 180000 */
  retentionMs?: number;
  /** Server → client ping period. @default 15000 */
  keepAliveIntervalMs?: number;
  /** @default 15000 */
  handshakeTimeoutMs?: number;
  log?: HubLog;
  /** Keep the circuits in this file across restarts (write-through; read back at start). */
  circuitsFile?: string;
}

export type HubLogKind =
  | 'negotiate'
  | 'connect'
  | 'upgrade-rejected'
  | 'handshake'
  | 'invocation'
  | 'completion'
  | 'close'
  | 'beacon'
  | 'circuit'
  | 'fault';

/** One flat shape for every kind; which fields are set depends on `kind`. */
export interface HubLogEntry {
  /** Increasing from 1. */
  seq: number;
  /** `Date.now()` when it happened. */
  at: number;
  kind: HubLogKind;
  /** The endpoint's path. */
  path?: string;
  connectionId?: string;
  /** HTTP status answered (negotiate, upgrade-rejected, beacon). */
  status?: number;
  /** Hub method name as the client sent it (invocation, completion). */
  method?: string;
  args?: unknown[];
  invocationId?: string;
  result?: unknown;
  /** Completion error, close reason, handshake error, refusal reason. */
  error?: string;
  /** The circuit id secret (circuit, beacon). Never printed. */
  circuitId?: string;
  /**
   * circuit: started | connected | rejected | refused | disconnected | expired | dropped | paused | resumed | forgotten.
   * fault: drop | down | up | restart | reject-next | slow | flap | flap-end | refuse-starts | reject-negotiation | close-connections | reset.
   * close: who closed it: client | server | fault.
   */
  event?: string;
  /** WebSocket close code (close). */
  code?: number;
  /** A fault's argument; a handshake's protocol version. */
  value?: unknown;
  /** beacon: whether the circuit was held. */
  known?: boolean;
}

export type CounterName =
  | 'negotiations'
  | 'negotiationsRefused'
  | 'connections'
  | 'upgradesRejected'
  | 'handshakes'
  | 'invocations'
  | 'completions'
  | 'pingsSent'
  | 'pingsReceived'
  | 'closes'
  | 'beacons'
  | 'circuitsStarted'
  | 'circuitsConnected'
  | 'circuitsRejected'
  | 'circuitsExpired'
  | 'circuitsDropped'
  | 'drops';

export type HubCounters = Record<CounterName, number>;

export declare const COUNTER_NAMES: readonly CounterName[];

export declare class HubLog {
  constructor(options?: { limit?: number });
  counters: HubCounters;
  add(kind: HubLogKind, fields?: Omit<HubLogEntry, 'seq' | 'at' | 'kind'>): HubLogEntry;
  count(name: CounterName, by?: number): void;
  /** A copy, oldest first; with `kind`, only those. */
  entries(kind?: HubLogKind): HubLogEntry[];
  /** @returns unsubscribe */
  subscribe(listener: (entry: HubLogEntry) => void): () => void;
  clear(): void;
}

/** One human line for an entry (circuit ids redacted), or null when not worth printing. */
export declare function describeEntry(entry: HubLogEntry): string | null;

export type CircuitState = 'connected' | 'disconnected' | 'paused' | 'unknown';

export interface CircuitRegistryView {
  readonly retentionMs: number;
  /** Circuits held (connected or within retention). */
  readonly size: number;
  /** Circuits with a live connection; the others are held for a reconnect. */
  readonly connectedCount: number;
  has(id: string): boolean;
  state(id: string): CircuitState;
}

/** The fault switches as they stand (read-only view; use the Hub's methods to change them). */
export interface FaultStateView {
  readonly isDown: boolean;
  readonly downRemainingMs: number;
  readonly isFlapping: boolean;
  readonly slowMs: number;
  readonly rejectNextCount: number;
  readonly refuseStarts: boolean;
  /** Forced negotiate status by endpoint path ('*' = every endpoint). */
  readonly negotiateStatus: ReadonlyMap<string, number>;
  readonly negotiateRetryAfter: ReadonlyMap<string, number>;
}

export interface CloseOptions {
  error?: string;
  allowReconnect?: boolean;
}

export interface Hub {
  readonly log: HubLog;
  readonly circuits: CircuitRegistryView;
  readonly faults: FaultStateView;
  readonly endpoints: Endpoint[];
  /** Open hub connections. */
  readonly connectionCount: number;
  /** Serves a hub HTTP request; false when the path is not a hub endpoint's. */
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** Accepts or refuses a WebSocket upgrade; false when the path is not a hub endpoint's. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** `Message(text)` to every connection on a circuit endpoint, as the ASP.NET Core sample's `POST /push`. */
  push(text: string): void;
  /** Serves hub requests and upgrades on `server`; other requests go to `fallback` (else 404). */
  attach(server: Server, fallback?: (req: IncomingMessage, res: ServerResponse) => void): Hub;

  /** Every hub socket closed abruptly (no Close message). */
  drop(): void;
  /** 503 for negotiations and upgrades for `ms`, then back by itself; open sockets dropped unless told not to. Circuits kept. */
  down(ms: number, options?: { dropConnections?: boolean; extend?: boolean }): void;
  /** Every circuit forgotten, every socket dropped. */
  restart(): void;
  /** The next ConnectCircuit answers false (once per call). */
  rejectNext(): void;
  /** Every hub frame delayed by `ms`, both directions; 0 turns it off. */
  slow(ms: number): void;
  /** Drop now and every second for `seconds`. */
  flap(seconds: number): void;
  /** StartCircuit answers null while on. */
  refuseStarts(on?: boolean): void;
  /** Negotiate (and upgrades) answer `status` on `path` (every endpoint without one); null turns it off. */
  rejectNegotiation(status: number | null, path?: string, retryAfterSeconds?: number): void;
  /** Graceful Close message to every client. */
  closeConnections(options?: CloseOptions): void;
  /** Every fault cleared; with `{ log: true }` the log and counters too. */
  reset(options?: { log?: boolean }): void;
  /** Close messages, sockets ended (abruptly after graceMs, default 1000), timers cleared, listeners detached. */
  close(options?: { graceMs?: number }): Promise<void>;
}

export declare function createHub(options?: HubOptions): Hub;

export interface RunningHubServer {
  hub: Hub;
  server: Server;
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** An http.Server on 127.0.0.1 (ephemeral port by default) serving only the hub. */
export declare function startHubServer(options?: HubOptions & { port?: number; host?: string }): Promise<RunningHubServer>;

export declare const DEFAULT_RETENTION_MS: number;

export declare function parseForm(contentType: string | undefined, body: Buffer): Map<string, string>;
export declare function parseMultipart(body: Buffer, boundary: string): Map<string, string>;

export declare const MessageType: Readonly<{
  Invocation: 1;
  StreamItem: 2;
  Completion: 3;
  StreamInvocation: 4;
  CancelInvocation: 5;
  Ping: 6;
  Close: 7;
  Ack: 8;
  Sequence: 9;
}>;
export declare const RECORD_SEPARATOR: '\x1e';
export declare function writeRecord(message: unknown): string;
export declare class RecordReader {
  push(text: string): string[];
  readonly pendingLength: number;
}
