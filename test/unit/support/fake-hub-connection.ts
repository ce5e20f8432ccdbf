import { HubConnectionState } from '@microsoft/signalr';
import type { HubConnectionLike } from '../../../src/hosts/circuit/hub-connection';
import { retryAfterNote } from '../../../src/hosts/circuit/server-advice-http-client';

type InvokeHandler = (method: string, args: unknown[]) => unknown;

/**
 * A hub connection whose `start()` and `invoke()` results a test scripts. Each `start()` and
 * `invoke()` returns a promise the test can settle later (`pendingStart`), or settles at once
 * from `startBehaviour`/`onInvoke`.
 */
export class FakeHubConnection implements HubConnectionLike {
  state: HubConnectionState = HubConnectionState.Disconnected;
  readonly invocations: { method: string; args: unknown[] }[] = [];
  stopCalls = 0;
  private closeCallbacks: ((error?: Error) => void)[] = [];

  constructor(
    readonly baseUrl: string,
    private readonly startBehaviour: () => Promise<void>,
    private readonly onInvoke: InvokeHandler,
  ) {}

  async start(): Promise<void> {
    this.state = HubConnectionState.Connecting;
    try {
      await this.startBehaviour();
    } catch (error) {
      this.state = HubConnectionState.Disconnected;
      throw error;
    }
    this.state = HubConnectionState.Connected;
  }

  stop(): Promise<void> {
    this.stopCalls += 1;
    this.state = HubConnectionState.Disconnected;
    return Promise.resolve();
  }

  invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
    this.invocations.push({ method, args });
    try {
      return Promise.resolve(this.onInvoke(method, args) as T);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  onclose(callback: (error?: Error) => void): void {
    this.closeCallbacks.push(callback);
  }

  /** The server or network dropped the connection. */
  drop(error: Error = new Error('WebSocket closed with status code: 1006.')): void {
    this.state = HubConnectionState.Disconnected;
    for (const callback of this.closeCallbacks) callback(error);
  }
}

/** A scripted server: what the next connections do when started, and how hub methods answer. */
export class FakeServer {
  reachable = true;
  /** Circuit ids the server still holds. */
  readonly circuits = new Set<string>();
  refuseStart = false;
  /** A plain hub: hub methods of the circuit contract do not exist there. */
  plainHub = false;
  negotiateStatus: number | undefined;
  /** With `negotiateStatus`: the `Retry-After` the answer carried, noted as the real client notes it. */
  negotiateRetryAfterMs: number | undefined;
  readonly connections: FakeHubConnection[] = [];
  private nextId = 1;

  constructor(readonly hubUrl = 'http://localhost/_blazor') {}

  readonly factory = (): FakeHubConnection => {
    const connection = new FakeHubConnection(
      this.hubUrl,
      () => this.answerStart(),
      (method, args) => this.answerInvoke(method, args),
    );
    this.connections.push(connection);
    return connection;
  };

  get last(): FakeHubConnection {
    const connection = this.connections.at(-1);
    if (!connection) throw new Error('no connection was made');
    return connection;
  }

  private answerStart(): Promise<void> {
    if (this.negotiateStatus !== undefined) {
      return Promise.reject(
        new Error(
          `Failed to complete negotiation with the server: Error: Forbidden${
            this.negotiateRetryAfterMs === undefined ? '' : retryAfterNote(this.negotiateRetryAfterMs)
          }: Status code '${this.negotiateStatus}'`,
        ),
      );
    }
    return this.reachable ? Promise.resolve() : Promise.reject(new Error('Failed to fetch'));
  }

  private answerInvoke(method: string, args: unknown[]): unknown {
    if (this.plainHub) throw new Error(`An unexpected error occurred invoking '${method}' on the server. HubException: Method does not exist.`);
    if (method === 'StartCircuit') {
      if (this.refuseStart) return null;
      const id = `secret-circuit-${this.nextId++}`;
      this.circuits.add(id);
      return id;
    }
    if (method === 'ConnectCircuit') return this.circuits.has(String(args[0]));
    throw new Error(`Method does not exist: ${method}`);
  }
}
