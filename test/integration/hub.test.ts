// The circuit contract of demo/hub, driven by the real @microsoft/signalr client in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeEntry, startHubServer } from '../../demo/hub/index.mjs';
import type { RunningHubServer } from '../../demo/hub/index.mjs';
import {
  BASE_URI,
  ClientPool,
  HubConnectionState,
  PAGE_URI,
  connectCircuit,
  nextClose,
  sendBeacon,
  startCircuit,
  within,
} from './support/hub-client';

const HUB = '/_blazor';

let server: RunningHubServer;
const clients = new ClientPool(() => server.url);

async function startServer(retentionMs?: number): Promise<void> {
  server = await startHubServer({ retentionMs, endpoints: [{ path: HUB, kind: 'circuit' }] });
}

/** A fresh circuit on a fresh connection. */
async function newCircuit(): Promise<{ id: string; connection: Awaited<ReturnType<ClientPool['start']>> }> {
  const connection = await clients.start(HUB);
  const id = await startCircuit(connection);
  if (typeof id !== 'string') throw new Error(`StartCircuit answered ${String(id)}`);
  return { id, connection };
}

afterEach(async () => {
  await clients.stopAll();
  await server.close();
});

describe('with the default retention', () => {
  beforeEach(async () => {
    await startServer();
  });

  it('completes the handshake and StartCircuit returns a fresh unguessable id', async () => {
    const a = await newCircuit();
    const b = await newCircuit();
    expect(a.connection.state).toBe(HubConnectionState.Connected);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22,}$/); // base64url, at least 128 bits
    expect(a.id).not.toBe(b.id);
    expect(server.hub.circuits.state(a.id)).toBe('connected');
    const start = server.hub.log.entries('invocation').find((e) => e.method === 'StartCircuit');
    expect(start?.args).toEqual([BASE_URI, PAGE_URI, '[]', '']);
    expect(server.hub.log.counters.circuitsStarted).toBe(2);
  });

  it('drop() closes the client with an error; a new connection resumes the circuit', async () => {
    const { id, connection } = await newCircuit();
    const closed = nextClose(connection);
    server.hub.drop();
    const error = await within(closed, 5000, 'onclose after drop()');
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toMatch(/1006/);
    await vi.waitFor(() => {
      expect(server.hub.circuits.state(id)).toBe('disconnected');
    });
    expect(server.hub.log.entries('close').at(-1)?.event).toBe('fault');

    const again = await clients.start(HUB);
    await expect(connectCircuit(again, id)).resolves.toBe(true);
    expect(server.hub.circuits.state(id)).toBe('connected');
    expect(server.hub.log.counters.circuitsConnected).toBe(1);
  });

  it('restart() forgets every circuit: ConnectCircuit answers false', async () => {
    const { id, connection } = await newCircuit();
    const closed = nextClose(connection);
    server.hub.restart();
    await within(closed, 5000, 'onclose after restart()');
    const again = await clients.start(HUB);
    await expect(connectCircuit(again, id)).resolves.toBe(false);
    expect(server.hub.circuits.size).toBe(0);
    expect(server.hub.log.counters.circuitsRejected).toBe(1);
  });

  it('rejectNext() makes exactly the next ConnectCircuit answer false', async () => {
    const { id, connection } = await newCircuit();
    await connection.stop();
    server.hub.rejectNext();
    const again = await clients.start(HUB);
    await expect(connectCircuit(again, id)).resolves.toBe(false);
    await expect(connectCircuit(again, id)).resolves.toBe(true);
  });

  it('ConnectCircuit with an unknown or malformed id answers false', async () => {
    const connection = await clients.start(HUB);
    await expect(connectCircuit(connection, 'not-a-circuit')).resolves.toBe(false);
    await expect(connection.invoke('ConnectCircuit', 42)).resolves.toBe(false);
  });

  it('a ConnectCircuit from a second connection takes the circuit over', async () => {
    const { id, connection: first } = await newCircuit();
    const second = await clients.start(HUB);
    await expect(connectCircuit(second, id)).resolves.toBe(true);
    // The first connection closing must not detach a circuit it no longer carries.
    await first.stop();
    await vi.waitFor(() => {
      expect(server.hub.log.entries('close')).toHaveLength(1);
    });
    expect(server.hub.circuits.state(id)).toBe('connected');
    await expect(startCircuit(second)).resolves.toBeNull(); // one circuit per connection
  });

  it('the disconnect beacon (multipart FormData) drops the circuit at once', async () => {
    const { id, connection } = await newCircuit();
    await connection.stop();
    const form = new FormData();
    form.append('circuitId', id);
    const response = await sendBeacon(server, HUB, form);
    expect(response.status).toBe(200);
    expect(server.hub.circuits.state(id)).toBe('unknown');
    const beacon = server.hub.log.entries('beacon').at(-1);
    expect(beacon).toMatchObject({ circuitId: id, known: true, status: 200, path: HUB });
    const again = await clients.start(HUB);
    await expect(connectCircuit(again, id)).resolves.toBe(false);
  });

  it('the beacon accepts urlencoded bodies, answers 200 for unknown ids and 400 without one', async () => {
    const { id } = await newCircuit();
    const urlencoded = await sendBeacon(server, HUB, new URLSearchParams({ circuitId: id }));
    expect(urlencoded.status).toBe(200);
    expect(server.hub.circuits.has(id)).toBe(false);

    const unknown = await sendBeacon(server, HUB, new URLSearchParams({ circuitId: 'gone' }));
    expect(unknown.status).toBe(200);
    expect(server.hub.log.entries('beacon').at(-1)?.known).toBe(false);

    const missing = await sendBeacon(server, HUB, new FormData());
    expect(missing.status).toBe(400);
    const get = await fetch(`${server.url}${HUB}/disconnect`);
    expect(get.status).toBe(405);
  });

  it('refuseStarts() makes StartCircuit answer null until turned off', async () => {
    server.hub.refuseStarts(true);
    const connection = await clients.start(HUB);
    await expect(startCircuit(connection)).resolves.toBeNull();
    server.hub.refuseStarts(false);
    await expect(startCircuit(connection)).resolves.toMatch(/^[A-Za-z0-9_-]{22,}$/);
  });

  it('StartCircuit refuses bad URIs and a second circuit on one connection', async () => {
    const connection = await clients.start(HUB);
    await expect(connection.invoke('StartCircuit', 'relative', 'also-relative', '[]', '')).resolves.toBeNull();
    await expect(connection.invoke('StartCircuit', BASE_URI, 'http://elsewhere.test/', '[]', '')).resolves.toBeNull();
    await expect(startCircuit(connection)).resolves.toEqual(expect.any(String));
    await expect(startCircuit(connection)).resolves.toBeNull();
  });

  it('answers a wrong argument count or an unknown method with a hub error', async () => {
    const connection = await clients.start(HUB);
    await expect(connection.invoke('StartCircuit', BASE_URI)).rejects.toThrow(/provides 1 argument\(s\) but target expects 4/);
    await expect(connection.invoke('NoSuchMethod')).rejects.toThrow(/Method does not exist/);
    await expect(connection.invoke('echo', { a: [1] })).resolves.toEqual({ a: [1] });
  });

  it('PauseCircuit persists the circuit; ResumeCircuit trades it once for a new id', async () => {
    const { id, connection } = await newCircuit();
    await expect(connection.invoke('PauseCircuit')).resolves.toBe(true);
    expect(server.hub.circuits.state(id)).toBe('paused');
    const again = await clients.start(HUB);
    await expect(connectCircuit(again, id)).resolves.toBe(false);
    const resumed = await again.invoke<string | null>('ResumeCircuit', id, BASE_URI, PAGE_URI, '[]', '');
    expect(resumed).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(resumed).not.toBe(id);
    const third = await clients.start(HUB);
    await expect(third.invoke('ResumeCircuit', id, BASE_URI, PAGE_URI, '[]', '')).resolves.toBeNull();
  });

  it('never puts a circuit id in the printable description of any log entry', async () => {
    const { id, connection } = await newCircuit();
    await connectCircuit(connection, id);
    await sendBeacon(server, HUB, new URLSearchParams({ circuitId: id }));
    const entries = server.hub.log.entries();
    expect(entries.some((e) => e.circuitId === id)).toBe(true);
    const lines = entries.map(describeEntry).filter((line): line is string => line !== null);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).not.toContain(id);
  });
});

describe('with a short retention (300 ms)', () => {
  beforeEach(async () => {
    await startServer(300);
  });

  it('keeps a disconnected circuit within retention, then forgets it', async () => {
    const { id, connection } = await newCircuit();
    await connection.stop();
    await vi.waitFor(() => {
      expect(server.hub.circuits.state(id)).toBe('disconnected');
    });
    const back = await clients.start(HUB);
    await expect(connectCircuit(back, id)).resolves.toBe(true);

    await back.stop();
    await vi.waitFor(
      () => {
        expect(server.hub.circuits.state(id)).toBe('unknown');
      },
      { timeout: 5000, interval: 50 },
    );
    const expired = server.hub.log.entries('circuit').filter((e) => e.event === 'expired');
    expect(expired.map((e) => e.circuitId)).toEqual([id]);
    const late = await clients.start(HUB);
    await expect(connectCircuit(late, id)).resolves.toBe(false);
  });
});
