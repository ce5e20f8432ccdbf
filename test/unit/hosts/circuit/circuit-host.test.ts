import { describe, expect, it, vi } from 'vitest';
import { CircuitRefusedError, StartFailedError } from '../../../../src/errors/index';
import { LogLevel } from '@microsoft/signalr';
import { setup } from './circuit-fixture';
import { expectErrorLog } from '../../support/verify-logs';

describe('start', () => {
  it('starts the connection, then StartCircuit(baseUri, uri, "[]", "")', async () => {
    const { server, host, events } = setup();
    await host.started;
    expect(host.state).toBe('connected');
    expect(server.last.invocations).toEqual([
      { method: 'StartCircuit', args: [document.baseURI, location.href, '[]', ''] },
    ]);
    expect(events).toEqual(['opened']);
  });

  it('rejects with "The server refused the circuit." on a null circuit id', async () => {
    expectErrorLog(/^The server refused the circuit\.$/);
    const { server, host, events } = setup({}, (s) => {
      s.refuseStart = true;
    });
    await expect(host.started).rejects.toThrow(new CircuitRefusedError());
    expect(events).toEqual([]);
    expect(server.last.stopCalls).toBe(1);
  });

  it('a hub without StartCircuit refuses the start and says why: the method, the answer, the option', async () => {
    const said =
      'The server refused the circuit (StartCircuit failed on the server: "An unexpected error occurred ' +
      'invoking \'StartCircuit\' on the server. HubException: Method does not exist."). If this is a plain ' +
      'SignalR hub without the circuit contract, start with circuitHandshake: false.';
    expectErrorLog(/^The server refused the circuit \(StartCircuit failed/);
    const { host, server, logger } = setup({}, (s) => {
      s.plainHub = true;
    });
    const error = await host.started.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CircuitRefusedError);
    expect((error as Error).message).toBe(said);
    expect(logger.errors().map((entry) => entry.message)).toEqual([said]);
    const cause = (error as Error).cause as Error;
    expect(cause.name).toBe('HubMethodError');
    expect((cause.cause as Error).message).toMatch(/Method does not exist/);
    expect(server.last.stopCalls).toBe(1);
  });

  it('an unreachable server is reported as a connection-down and retried through reconnect()', async () => {
    const { server, host, events } = setup({}, (s) => {
      s.reachable = false;
    });
    const started = host.started;
    await vi.waitFor(() => {
      expect(events).toEqual(['down: Failed to fetch']);
    });
    await expect(host.reconnect()).rejects.toThrow('Failed to fetch');
    server.reachable = true;
    await expect(host.reconnect()).resolves.toBe(true);
    await expect(started).resolves.toBeUndefined();
    expect(events).toEqual(['down: Failed to fetch', 'opened', 'up']);
    expect(server.last.invocations.map((call) => call.method)).toEqual(['StartCircuit']);
  });

  it('the first start rejects with StartFailedError when the retries end failed, counting the first start', async () => {
    expectErrorLog(/^Start failed: the server was not reached after 2 attempt\(s\)\.$/);
    const { host, reportOutcome } = setup({}, (s) => {
      s.reachable = false;
    });
    const started = host.started;
    const retryError = await host.reconnect().catch((caught: unknown) => caught);
    reportOutcome('failed', 1, retryError);
    const error = await started.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartFailedError);
    expect(error).toMatchObject({ outcome: 'failed', attempts: 2, cause: retryError });
  });

  it('a refusal during the start retries makes reconnect() false, and start() rejects when the outage ends', async () => {
    expectErrorLog(/^Start failed: the server refused the circuit after 2 attempt\(s\)\.$/);
    const { server, host, reportOutcome } = setup({}, (s) => {
      s.reachable = false;
    });
    const started = host.started;
    let settledEarly = false;
    started.catch(() => undefined).finally(() => (settledEarly = true));
    server.reachable = true;
    server.refuseStart = true;
    await vi.waitFor(() => {
      expect(server.connections.length).toBe(1);
    });
    await expect(host.reconnect()).resolves.toBe(false);
    await Promise.resolve();
    expect(settledEarly).toBe(false);
    reportOutcome('rejected', 1);
    const error = await started.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartFailedError);
    expect(error).toMatchObject({ outcome: 'rejected', attempts: 2 });
    expect((error as Error).cause).toBeInstanceOf(CircuitRefusedError);
  });
});

describe('reconnect', () => {
  it('is true at once when already connected, without a new connection', async () => {
    const { server, host } = setup();
    await host.started;
    await expect(host.reconnect()).resolves.toBe(true);
    expect(server.connections).toHaveLength(1);
  });

  it('after a drop, resumes with ConnectCircuit(id) on a new connection and calls onConnectionUp', async () => {
    const { server, host, events } = setup();
    await host.started;
    const id = [...server.circuits][0];
    server.last.drop();
    expect(host.state).toBe('down');
    await expect(host.reconnect()).resolves.toBe(true);
    expect(server.connections).toHaveLength(2);
    expect(server.last.invocations).toEqual([{ method: 'ConnectCircuit', args: [id] }]);
    expect(events).toEqual(['opened', 'down: WebSocket closed with status code: 1006.', 'up']);
    expect(host.state).toBe('connected');
  });

  it('is false when the server no longer holds the circuit, and stops that connection', async () => {
    const { server, host, events, logger } = setup();
    await host.started;
    server.last.drop();
    server.circuits.clear();
    await expect(host.reconnect()).resolves.toBe(false);
    expect(server.last.stopCalls).toBe(1);
    expect(events).not.toContain('up');
    expect(logger.atOrAbove(LogLevel.Information).map((entry) => entry.message)).toContain('The server rejected the circuit: its state is gone.');
  });

  it('throws (unreachable, retry) when negotiation works but the transport fails: never "rejected"', async () => {
    const { server, host } = setup();
    await host.started;
    server.last.drop();
    server.reachable = false;
    await expect(host.reconnect()).rejects.toThrow('Failed to fetch');
    expect(host.state).toBe('down');
  });

  it('shares one attempt between concurrent calls', async () => {
    const { server, host } = setup();
    await host.started;
    server.last.drop();
    const [a, b, c] = [host.reconnect(), host.reconnect(), host.reconnect()];
    expect(a).toBe(b);
    expect(b).toBe(c);
    await expect(Promise.all([a, b, c])).resolves.toEqual([true, true, true]);
    expect(server.connections).toHaveLength(2);
  });

  it('ignores closes of failed attempts and of connections it replaced', async () => {
    const { server, host, events } = setup();
    await host.started;
    const first = server.last;
    first.drop();
    await host.reconnect();
    first.drop(new Error('late close of the old connection'));
    expect(events.filter((event) => event.startsWith('down'))).toHaveLength(1);
  });

  it('a throwing onConnectionDown is logged and the host keeps working', async () => {
    const { server, host, logger } = setup({
      reconnectionHandler: {
        onConnectionDown: () => {
          throw new Error('page bug');
        },
        onConnectionUp: () => undefined,
      },
    });
    expectErrorLog(/^reconnectionHandler\.onConnectionDown threw\.$/);
    await host.started;
    server.last.drop();
    expect(logger.errors().map((entry) => entry.message)).toEqual(['reconnectionHandler.onConnectionDown threw.']);
    await expect(host.reconnect()).resolves.toBe(true);
  });
});

describe('circuitHandshake: false', () => {
  it('invokes no hub method; a reconnect is true once a new connection starts', async () => {
    const { server, host } = setup({ circuitHandshake: false });
    await host.started;
    server.last.drop();
    await expect(host.reconnect()).resolves.toBe(true);
    expect(server.connections.flatMap((connection) => connection.invocations)).toEqual([]);
  });

  it('a negotiation answered 404 is a rejection (false)', async () => {
    const { server, host } = setup({ circuitHandshake: false });
    await host.started;
    server.last.drop();
    server.negotiateStatus = 404;
    await expect(host.reconnect()).resolves.toBe(false);
  });

  it('a negotiation answered 503 is unreachable (throws)', async () => {
    const { server, host } = setup({ circuitHandshake: false });
    await host.started;
    server.last.drop();
    server.negotiateStatus = 503;
    await expect(host.reconnect()).rejects.toThrow("Status code '503'");
  });
});

describe('disconnect', () => {
  it('stops the connection, beacons <hub>/disconnect with the circuit id in a form body, and calls onCircuitClosed', async () => {
    const sendBeacon = vi.fn(() => true);
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: sendBeacon });
    const { server, host, events } = setup();
    await host.started;
    const id = [...server.circuits][0];
    host.disconnect();
    expect(server.last.stopCalls).toBe(1);
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    const [url, body] = sendBeacon.mock.calls[0] as unknown as [string, FormData];
    expect(url).toBe('http://localhost/_blazor/disconnect');
    expect(url).not.toContain(String(id));
    expect(body.get('circuitId')).toBe(id);
    expect(events).toEqual(['opened', 'closed']);
    expect(events.some((event) => event.startsWith('down'))).toBe(false);
    host.disconnect();
    expect(sendBeacon).toHaveBeenCalledTimes(1);
  });

  it('runs on pagehide, and a page restored from the back/forward cache tries to resume', async () => {
    const sendBeacon = vi.fn(() => true);
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: sendBeacon });
    const { host, events } = setup();
    await host.started;
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(events.at(-1)).toBe('down: Restored from the back/forward cache.');
    expect(host.state).toBe('down');
  });

  it('never writes the circuit id above Trace', async () => {
    const { server, host, logger } = setup({ logLevel: LogLevel.Trace });
    await host.started;
    server.last.drop();
    server.circuits.clear();
    await host.reconnect();
    const id = 'secret-circuit-1';
    expect(server.circuits.size).toBe(0);
    expect(logger.visibleText()).not.toContain(id);
    expect(logger.entries.filter((entry) => entry.message.includes(id)).map((entry) => entry.level)).toEqual([LogLevel.Trace]);
  });
});
