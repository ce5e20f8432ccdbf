// A TCP proxy between the browser (or a Node client) and Kestrel: the tests' network, which they
// can cut, refuse or black-hole while the server stays up.
import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/** One connection attempt the proxy saw, so tests can read the client's retry schedule. */
export interface ConnectionAttempt {
  /** `Date.now()` when the connection arrived. */
  readonly at: number;
  /** What the proxy did with it. */
  readonly outcome: 'forwarded' | 'stalled' | 'refused' | 'black-holed';
}

export interface TcpProxy {
  /** `http://127.0.0.1:<port>`: give this to the client instead of the server's URL. */
  readonly url: string;
  readonly port: number;
  /** Every connection attempt so far, oldest first. */
  readonly attempts: readonly ConnectionAttempt[];
  /** How many connections are open now. */
  readonly openConnections: number;
  /** Resets every open connection (both sides), as a network drop does; new ones are forwarded. */
  cut(): void;
  /**
   * Resets every new connection at accept for `ms` (from now; a later call replaces it), as a
   * server that is down does, while the real server stays up and keeps its state.
   */
  refuse(ms: number): void;
  /**
   * While on, new connections are accepted and never answered, as behind a dead network path
   * (the client waits for its own timeouts). Turning it off resets those connections.
   */
  blackHole(on: boolean): void;
  /**
   * Holds every new connection for `ms` (from now) before forwarding it, as a slow network path
   * does: a client's reconnect then takes at least that long, a window for events to happen in.
   */
  stall(ms: number): void;
  /** Closes the proxy and every connection through it. */
  close(): Promise<void>;
}

/**
 * Listens on a free port of 127.0.0.1 and forwards each connection to `127.0.0.1:targetPort`. The
 * target is connected per connection, so a killed and restarted server is reached again without
 * touching the proxy; a connection the target refuses is reset for the client.
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const attempts: ConnectionAttempt[] = [];
  const open = new Set<Socket>();
  const clients = new Set<Socket>();
  const held = new Set<Socket>();
  let refuseUntil = 0;
  let stallUntil = 0;
  let blackHoled = false;

  const track = (socket: Socket, set: Set<Socket>) => {
    set.add(socket);
    socket.once('close', () => set.delete(socket));
    // A reset from either side is the expected end of a proxied connection, not a test failure.
    socket.on('error', () => undefined);
  };

  const server: Server = createServer((client) => {
    const at = Date.now();
    if (at < refuseUntil) {
      attempts.push({ at, outcome: 'refused' });
      client.on('error', () => undefined);
      client.resetAndDestroy();
      return;
    }
    if (blackHoled) {
      attempts.push({ at, outcome: 'black-holed' });
      track(client, held);
      return;
    }
    attempts.push({ at, outcome: at < stallUntil ? 'stalled' : 'forwarded' });
    track(client, open);
    track(client, clients);
    // Paused so that what the client sends while stalled waits in its socket, not in the void.
    client.pause();
    setTimeout(() => {
      forward(client);
    }, Math.max(0, stallUntil - at));
  });

  function forward(client: Socket): void {
    if (client.destroyed) return;
    const upstream = connect(targetPort, '127.0.0.1');
    track(upstream, open);
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
    // Whichever side goes away first takes the other with it, so the client sees the drop.
    upstream.once('close', () => client.resetAndDestroy());
    client.once('close', () => upstream.destroy());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { resolve(); });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('startTcpProxy: no TCP address');
  const port = address.port;

  const resetAll = (sockets: Set<Socket>) => {
    for (const socket of [...sockets]) socket.resetAndDestroy();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    attempts,
    get openConnections() {
      return clients.size;
    },
    cut: () => { resetAll(open); },
    refuse: (ms) => {
      refuseUntil = Date.now() + ms;
    },
    stall: (ms) => {
      stallUntil = Date.now() + ms;
    },
    blackHole: (on) => {
      blackHoled = on;
      if (!on) resetAll(held);
    },
    close: async () => {
      resetAll(open);
      resetAll(held);
      await new Promise<void>((resolve) => server.close(() => { resolve(); }));
    },
  };
}
