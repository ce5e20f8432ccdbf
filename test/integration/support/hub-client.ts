// Helpers for integration tests that drive demo/hub with the real @microsoft/signalr client.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import type { HubConnection, ILogger } from '@microsoft/signalr';
import type { RunningHubServer } from '../../../demo/hub/index.mjs';

export { HubConnectionState };

/** Keeps the client's log lines instead of printing them; tests may assert on them. */
export class CollectingLogger implements ILogger {
  readonly lines: { level: LogLevel; message: string }[] = [];
  log(level: LogLevel, message: string): void {
    this.lines.push({ level, message });
  }
}

export interface ClientOptions {
  serverTimeoutMs?: number;
  keepAliveIntervalMs?: number;
}

/** Opens connections and stops every one of them in `stopAll()` (call it in afterEach). */
export class ClientPool {
  private readonly connections = new Set<HubConnection>();
  readonly logger = new CollectingLogger();

  constructor(private readonly baseUrl: () => string) {}

  build(path: string, options: ClientOptions = {}): HubConnection {
    let builder = new HubConnectionBuilder().withUrl(`${this.baseUrl()}${path}`).configureLogging(this.logger);
    if (options.serverTimeoutMs !== undefined) builder = builder.withServerTimeout(options.serverTimeoutMs);
    if (options.keepAliveIntervalMs !== undefined) builder = builder.withKeepAliveInterval(options.keepAliveIntervalMs);
    const connection = builder.build();
    this.connections.add(connection);
    return connection;
  }

  async start(path: string, options: ClientOptions = {}): Promise<HubConnection> {
    const connection = this.build(path, options);
    await connection.start();
    return connection;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.connections].map((c) => c.stop()));
    this.connections.clear();
  }
}

/** Settles with the error (if any) the next time the connection closes. */
export function nextClose(connection: HubConnection): Promise<Error | undefined> {
  return new Promise((resolve) => {
    connection.onclose((error) => {
      resolve(error);
    });
  });
}

/** Rejects after `ms` so a missing event fails the test instead of hanging it. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const BASE_URI = 'http://app.test/';
export const PAGE_URI = 'http://app.test/counter';

/** StartCircuit with the arguments blazor.server.js sends. */
export async function startCircuit(connection: HubConnection): Promise<string | null> {
  return connection.invoke<string | null>('StartCircuit', BASE_URI, PAGE_URI, '[]', '');
}

export async function connectCircuit(connection: HubConnection, circuitId: string): Promise<boolean> {
  return connection.invoke<boolean>('ConnectCircuit', circuitId);
}

/** POSTs the disconnect beacon the way `navigator.sendBeacon(url, formData)` does. */
export async function sendBeacon(server: RunningHubServer, path: string, body: FormData | URLSearchParams): Promise<Response> {
  return fetch(`${server.url}${path}/disconnect`, { method: 'POST', body });
}
