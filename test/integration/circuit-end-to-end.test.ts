// The library's own circuit host and reconnection process, with the real @microsoft/signalr
// client, against the demo hub over real sockets: start, drop, resume, rejection, the
// initial-start retry and the disconnect beacon, end to end.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHubServer } from '../../demo/hub/index.mjs';
import type { RunningHubServer } from '../../demo/hub/index.mjs';
import type { CircuitHost } from '../../src/hosts/circuit/circuit-host';
import { createCircuitHost } from '../../src/hosts/circuit/circuit-host';
import { createConnectionFactory } from '../../src/hosts/circuit/connection-factory';
import { LogLevel } from '@microsoft/signalr';
import { resolveOptions } from '../../src/options/resolve-options';
import type { CircuitStartOptions } from '../../src/options/types';
import { DefaultReconnectionHandler } from '../../src/reconnection/default-reconnection-handler';
import type { PageSignals } from '../../src/reconnection/page-signals';
import { RecordingDisplay } from '../unit/support/recording-display';
import { RecordingLogger } from '../unit/support/recording-logger';

/** Node has no page: no signal ever fires, and the network is always there. */
const quietPageSignals: PageSignals = { isOnline: () => true, subscribe: () => () => undefined };

let server: RunningHubServer;
let hosts: CircuitHost[] = [];

/** Enough of `window` for the circuit in Node; the beacon is a real POST. */
function fakeWindow(baseUrl: string, beacons: Promise<Response>[]): Window {
  const target = new EventTarget();
  return Object.assign(target, {
    document: { baseURI: `${baseUrl}/`, defaultView: null },
    location: { href: `${baseUrl}/page` },
    navigator: {
      sendBeacon: (url: string, body: FormData) => {
        beacons.push(fetch(url, { method: 'POST', body }));
        return true;
      },
    },
  }) as unknown as Window;
}

function startClient(options: CircuitStartOptions = {}) {
  const logger = new RecordingLogger();
  const display = new RecordingDisplay();
  const beacons: Promise<Response>[] = [];
  const resolved = resolveOptions({
    logLevel: LogLevel.Information,
    reconnectionOptions: { maxRetries: 40, retryIntervalMilliseconds: 100 },
    ...options,
  });
  const win = fakeWindow(server.url, beacons);
  const createConnection = createConnectionFactory(resolved, win.document.baseURI);
  const host = createCircuitHost(
    resolved,
    // Attached by the host: the handler restores this circuit and reports how a start ends.
    new DefaultReconnectionHandler({
      selectDisplay: () => display,
      logger,
      signals: quietPageSignals,
      document: win.document,
    }),
    logger,
    win,
    createConnection,
  );
  hosts.push(host);
  return { host, display, logger, beacons };
}

function invocations(method: string) {
  return server.hub.log.entries('invocation').filter((entry) => entry.method === method);
}

beforeEach(async () => {
  hosts = [];
  server = await startHubServer({ retentionMs: 60_000, keepAliveIntervalMs: 1000 });
});

afterEach(async () => {
  hosts.forEach((host) => {
    host.dispose();
  });
  await server.close();
});

describe('the circuit against a real SignalR hub', () => {
  it('starts a circuit with StartCircuit(baseUri, uri, "[]", "")', async () => {
    const { host } = startClient();
    await host.started;
    expect(host.state).toBe('connected');
    const [start] = invocations('StartCircuit');
    expect(start?.args).toEqual([`${server.url}/`, `${server.url}/page`, '[]', '']);
    expect(server.hub.circuits.size).toBe(1);
  });

  it('drop → the process reconnects with ConnectCircuit and hides the display', async () => {
    const { host, display } = startClient();
    await host.started;
    server.hub.drop();
    await vi.waitFor(() => {
      expect(display.calls.at(-1)).toBe('hide');
    }, 5000);
    expect(display.calls[0]).toBe('show');
    expect(host.state).toBe('connected');
    const connects = invocations('ConnectCircuit');
    expect(connects).toHaveLength(1);
    expect(server.hub.log.entries('completion').some((entry) => entry.method === 'ConnectCircuit' && entry.result === true)).toBe(true);
  });

  it('restart → ConnectCircuit answers false → rejected', async () => {
    const { host, display } = startClient();
    await host.started;
    server.hub.restart();
    await vi.waitFor(() => {
      expect(display.calls.at(-1)).toBe('rejected');
    }, 5000);
    expect(host.state).toBe('down');
  });

  it('down for a while → attempts fail as unreachable, then the circuit resumes', async () => {
    const { host, display } = startClient();
    await host.started;
    server.hub.down(700);
    await vi.waitFor(() => {
      expect(display.calls.at(-1)).toBe('hide');
    }, 8000);
    const updates = display.calls.filter((call) => call.startsWith('update'));
    expect(updates.length).toBeGreaterThan(2);
    expect(display.calls).not.toContain('rejected');
    expect(display.calls).not.toContain('failed');
  });

  it('a server down at start is retried by the same process, and start() resolves when it returns', async () => {
    server.hub.down(600);
    const { host, display } = startClient();
    const started = host.started;
    await expect(started).resolves.toBeUndefined();
    expect(display.calls[0]).toBe('show');
    expect(display.calls.at(-1)).toBe('hide');
    expect(invocations('StartCircuit')).toHaveLength(1);
  });

  it('disconnect() sends the beacon with the circuit id and the server forgets the circuit', async () => {
    const { host, beacons } = startClient();
    await host.started;
    host.disconnect();
    expect(beacons).toHaveLength(1);
    const response = await beacons[0];
    expect(response?.ok).toBe(true);
    const [beacon] = server.hub.log.entries('beacon');
    expect(beacon?.known).toBe(true);
    expect(beacon?.path).toBe('/_blazor');
    expect(server.hub.circuits.size).toBe(0);
  });

  it('circuitHandshake: false serves a stateless hub and treats a 404 negotiation as rejected', async () => {
    await server.close();
    server = await startHubServer({ endpoints: [{ path: '/hub', kind: 'stateless' }] });
    const { host, display } = startClient({
      circuitHandshake: false,
      configureSignalR: (builder) => builder.withUrl(`${server.url}/hub`),
    });
    await host.started;
    expect(server.hub.log.entries('invocation')).toEqual([]);
    server.hub.rejectNegotiation(404);
    server.hub.drop();
    await vi.waitFor(() => {
      expect(display.calls.at(-1)).toBe('rejected');
    }, 5000);
  });
});
