// Liveness, outages and the stateless endpoint of demo/hub, with the real @microsoft/signalr client.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHubServer } from '../../demo/hub/index.mjs';
import type { HubOptions, RunningHubServer } from '../../demo/hub/index.mjs';
import { ClientPool, HubConnectionState, connectCircuit, nextClose, startCircuit, within } from './support/hub-client';

const CIRCUIT_HUB = '/_blazor';
const STATELESS_HUB = '/hub';

let server: RunningHubServer | undefined;
const clients = new ClientPool(() => {
  if (server === undefined) throw new Error('server not started');
  return server.url;
});

async function startServer(options: HubOptions = {}): Promise<RunningHubServer> {
  server = await startHubServer({
    endpoints: [
      { path: CIRCUIT_HUB, kind: 'circuit' },
      { path: STATELESS_HUB, kind: 'stateless' },
    ],
    ...options,
  });
  return server;
}

afterEach(async () => {
  await clients.stopAll();
  await server?.close();
  server = undefined;
});

describe('keep-alive', () => {
  it('sends pings every keep-alive interval, which keep a short client server-timeout satisfied', async () => {
    const { hub } = await startServer({ keepAliveIntervalMs: 50 });
    const connection = await clients.start(STATELESS_HUB, { serverTimeoutMs: 400, keepAliveIntervalMs: 100 });
    let closedWith: Error | undefined | null = null;
    connection.onclose((error) => {
      closedWith = error;
    });
    // 12 pings at 50 ms span longer than the client's 400 ms server timeout.
    await vi.waitFor(
      () => {
        expect(hub.log.counters.pingsSent).toBeGreaterThanOrEqual(12);
      },
      { timeout: 5000, interval: 25 },
    );
    expect(closedWith).toBeNull();
    expect(connection.state).toBe(HubConnectionState.Connected);
    expect(hub.log.counters.pingsReceived).toBeGreaterThan(0); // the client pings too
  });

  it('without pings in time, the client closes with its server-timeout error', async () => {
    await startServer({ keepAliveIntervalMs: 60_000 });
    const connection = await clients.start(STATELESS_HUB, { serverTimeoutMs: 300, keepAliveIntervalMs: 150 });
    const error = await within(nextClose(connection), 5000, 'the client server timeout');
    expect(error?.message).toMatch(/Server timeout elapsed without receiving a message from the server/);
  });
});

describe('down(ms)', () => {
  it('drops open connections, fails negotiation with 503, then recovers by itself', async () => {
    const { hub } = await startServer();
    const connection = await clients.start(CIRCUIT_HUB);
    const id = await startCircuit(connection);
    const closed = nextClose(connection);
    hub.down(1000);
    await within(closed, 5000, 'onclose after down()');

    await expect(clients.start(CIRCUIT_HUB)).rejects.toThrow(/Status code '503'/);
    expect(hub.log.entries('negotiate').at(-1)?.status).toBe(503);

    const back = await vi.waitFor(() => clients.start(CIRCUIT_HUB), { timeout: 5000, interval: 100 });
    expect(back.state).toBe(HubConnectionState.Connected);
    // An outage is not a restart: the circuit survived it.
    await expect(connectCircuit(back, id ?? '')).resolves.toBe(true);
    expect(hub.log.entries('fault').map((e) => e.event)).toEqual(['down', 'up']);
  });
});

describe('the stateless endpoint', () => {
  it('answers Echo and has no circuit methods', async () => {
    await startServer();
    const connection = await clients.start(STATELESS_HUB);
    await expect(connection.invoke('Echo', 'hello')).resolves.toBe('hello');
    await expect(startCircuit(connection)).rejects.toThrow(/Method does not exist/);
    const beacon = await fetch(`${server?.url ?? ''}${STATELESS_HUB}/disconnect`, { method: 'POST' });
    expect(beacon.status).toBe(404);
  });

  it.each([401, 403, 404])('rejectNegotiation(%i) makes the client fail with that status, on that path only', async (status) => {
    const { hub } = await startServer();
    hub.rejectNegotiation(status, STATELESS_HUB);
    await expect(clients.start(STATELESS_HUB)).rejects.toThrow(new RegExp(`Status code '${status}'`));
    const circuit = await clients.start(CIRCUIT_HUB);
    expect(circuit.state).toBe(HubConnectionState.Connected);
    hub.rejectNegotiation(null, STATELESS_HUB);
    const stateless = await clients.start(STATELESS_HUB);
    await expect(stateless.invoke('Echo', status)).resolves.toBe(status);
  });
});

describe('other faults', () => {
  it('slow(ms) delays frames both ways (a round trip takes at least twice ms), in order', async () => {
    const { hub } = await startServer();
    const connection = await clients.start(STATELESS_HUB);
    hub.slow(150);
    const started = performance.now();
    const results = await Promise.all([1, 2, 3].map((n) => connection.invoke<number>('Echo', n)));
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(results).toEqual([1, 2, 3]);
    const echoed = hub.log.entries('invocation').map((e) => e.args?.[0]);
    expect(echoed).toEqual([1, 2, 3]);
    hub.slow(0);
    await expect(connection.invoke('Echo', 'fast again')).resolves.toBe('fast again');
  });

  it('flap(seconds) drops every connection repeatedly until it ends', async () => {
    const { hub } = await startServer();
    const first = await clients.start(STATELESS_HUB);
    const firstClosed = nextClose(first);
    hub.flap(2);
    await within(firstClosed, 5000, 'the first flap drop');
    // A connection made during the flap is dropped by a later tick.
    const second = await clients.start(STATELESS_HUB);
    await within(nextClose(second), 5000, 'a later flap drop');
    await vi.waitFor(
      () => {
        expect(hub.log.entries('fault').map((e) => e.event)).toContain('flap-end');
      },
      { timeout: 5000, interval: 100 },
    );
    expect(hub.log.counters.drops).toBeGreaterThanOrEqual(2);
    const after = await clients.start(STATELESS_HUB);
    await expect(after.invoke('Echo', 1)).resolves.toBe(1);
  });

  it('closeConnections() sends a Close message the client reports as the close error', async () => {
    const { hub } = await startServer();
    const connection = await clients.start(CIRCUIT_HUB);
    const closed = nextClose(connection);
    hub.closeConnections({ error: 'maintenance' });
    const error = await within(closed, 5000, 'onclose after closeConnections()');
    expect(error?.message).toBe('Server returned an error on close: maintenance');
    await vi.waitFor(() => {
      expect(hub.log.entries('close').at(-1)?.event).toBe('server');
    });
  });

  it('close() ends every connection and forgets every circuit', async () => {
    const { hub } = await startServer();
    const connection = await clients.start(CIRCUIT_HUB);
    await startCircuit(connection);
    const closed = nextClose(connection);
    await hub.close();
    await within(closed, 5000, 'onclose after close()');
    expect(hub.connectionCount).toBe(0);
    expect(hub.circuits.size).toBe(0);
  });
});
