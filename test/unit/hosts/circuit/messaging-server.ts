// The fake SignalR server with an app beside the circuit contract: `Echo`, `Count` (a stream),
// `Send` (recorded), and messages the app pushes to every connected client, as
// `Clients.All.SendAsync` does. Its connections carry SignalR's on/off/send/stream.
import { HubConnectionState } from '@microsoft/signalr';
import type { IStreamResult } from '@microsoft/signalr';
import { FakeServer } from '../../support/fake-hub-connection';
import type { FakeHubConnection } from '../../support/fake-hub-connection';

type Handler = (...args: unknown[]) => unknown;

/** What a messaging connection adds to the fake: SignalR's client-side messaging. */
interface Messaging {
  on(method: string, handler: Handler): void;
  off(method: string, handler: Handler): void;
  send(method: string, ...args: unknown[]): Promise<void>;
  stream<T>(method: string, ...args: unknown[]): IStreamResult<T>;
  /** How many handlers this connection holds for `method`. */
  handlerCount(method: string): number;
  /** The server sends `method(args)` to this connection (dropped unless it is connected). */
  receive(method: string, ...args: unknown[]): void;
}

export type MessagingConnection = FakeHubConnection & Messaging;

export class MessagingServer {
  readonly circuit: FakeServer;
  readonly connections: MessagingConnection[] = [];
  /** Called as each connection's `start()` succeeds, before any hub method: a server's `OnConnectedAsync`. */
  onConnected: ((connection: MessagingConnection) => void) | undefined;
  /** While set, each new connection's `start()` waits for it: an attempt held in flight. */
  hold: Promise<void> | undefined;
  /** What `send` delivered, in order. */
  readonly sent: { method: string; args: unknown[] }[] = [];

  constructor(circuit = new FakeServer()) {
    this.circuit = circuit;
  }

  get last(): MessagingConnection {
    const connection = this.connections.at(-1);
    if (!connection) throw new Error('no connection was made');
    return connection;
  }

  readonly factory = (): MessagingConnection => {
    const base = this.circuit.factory();
    const connection = Object.assign(base, this.messaging(base));
    const start = base.start.bind(base);
    connection.start = async () => {
      // SignalR's start() is Connecting from its first, synchronous step.
      base.state = HubConnectionState.Connecting;
      await this.hold;
      await start();
      this.onConnected?.(connection);
    };
    this.connections.push(connection);
    return connection;
  };

  /** The app sends `method(args)` to every connected client. */
  push(method: string, ...args: unknown[]): void {
    this.connections.forEach((connection) => {
      connection.receive(method, ...args);
    });
  }

  private messaging(base: FakeHubConnection): Messaging {
    const methods = new Map<string, Handler[]>();
    const circuitInvoke = base.invoke.bind(base);
    const connected = (): boolean => base.state === HubConnectionState.Connected;
    // The app's own hub methods, beside the circuit contract (or alone, on a plain hub).
    base.invoke = <T>(method: string, ...args: unknown[]): Promise<T> => {
      if (method !== 'Echo') return circuitInvoke<T>(method, ...args);
      base.invocations.push({ method, args });
      return connected() ? Promise.resolve(args[0] as T) : Promise.reject(new Error('Invocation canceled: the connection closed.'));
    };
    return {
      on: (method, handler) => {
        const handlers = methods.get(method) ?? [];
        if (!handlers.includes(handler)) methods.set(method, [...handlers, handler]);
      },
      off: (method, handler) => {
        methods.set(method, (methods.get(method) ?? []).filter((entry) => entry !== handler));
      },
      send: (method, ...args) => {
        if (!connected()) return Promise.reject(new Error('Cannot send data if the connection is not in the Connected state.'));
        this.sent.push({ method, args });
        return Promise.resolve();
      },
      stream: <T>(method: string, ...args: unknown[]): IStreamResult<T> => ({
        subscribe: (subscriber) => {
          if (method !== 'Count' || !connected()) subscriber.error(new Error(`stream ${method} failed`));
          else {
            for (let i = 1; i <= Number(args[0]); i += 1) subscriber.next(i as T);
            subscriber.complete();
          }
          return { dispose: () => undefined };
        },
      }),
      handlerCount: (method) => methods.get(method)?.length ?? 0,
      receive: (method, ...args) => {
        if (!connected()) return;
        [...(methods.get(method) ?? [])].forEach((handler) => handler(...args));
      },
    };
  }
}
