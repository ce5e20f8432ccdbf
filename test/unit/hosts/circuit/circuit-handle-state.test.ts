// The handle's `state` and `onStateChange`: derived from the circuit host and the outage, each
// change announced once, in order, to every listener, each behind the guard.
import { describe, expect, it, vi } from 'vitest';
import { createBlazorApi } from '../../../../src/hosts/circuit/blazor-api';
import { FakeServer } from '../../support/fake-hub-connection';
import { RecordingLogger } from '../../support/recording-logger';
import { expectErrorLog } from '../../support/verify-logs';
import { dropAndReconnect, RETRY_MS, startCircuit } from './handle-fixture';
import { MessagingServer } from './messaging-server';

describe('onStateChange', () => {
  it('drop → reconnecting → connected, once each, twice over', async () => {
    const { server, circuit, states } = await startCircuit();
    expect(circuit.state).toBe('connected');
    await dropAndReconnect(server);
    await dropAndReconnect(server);
    expect(states).toEqual(['reconnecting', 'connected', 'reconnecting', 'connected']);
  });

  it('failed attempts stay reconnecting (no repeat); offline and back; then failed when the policy stops', async () => {
    const { server, circuit, signals, states } = await startCircuit({ reconnectionOptions: { maxRetries: 3 } });
    server.circuit.reachable = false;
    server.last.drop();
    await vi.advanceTimersByTimeAsync(RETRY_MS * 2);
    expect(states).toEqual(['reconnecting']);
    signals.fire('offline');
    signals.fire('online');
    await vi.advanceTimersByTimeAsync(RETRY_MS * 3);
    expect(states).toEqual(['reconnecting', 'offline', 'reconnecting', 'failed']);
    expect(circuit.state).toBe('failed');
    // Retry by hand (a page signal) with the server back: connected again.
    server.circuit.reachable = true;
    signals.fire('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['reconnecting', 'offline', 'reconnecting', 'failed', 'reconnecting', 'connected']);
  });

  it('rejected when the server no longer holds the circuit', async () => {
    const { server, states } = await startCircuit();
    server.circuit.circuits.clear();
    await dropAndReconnect(server);
    expect(states).toEqual(['reconnecting', 'rejected']);
  });

  it('disconnected after disconnect(), and nothing after that', async () => {
    const { api, server, circuit, states } = await startCircuit();
    api.disconnect();
    server.push('Message', 'late');
    await vi.advanceTimersByTimeAsync(RETRY_MS * 5);
    expect(states).toEqual(['disconnected']);
    expect(circuit.state).toBe('disconnected');
  });

  it('a listener that throws is logged once at Error; the others still hear every change', async () => {
    expectErrorLog(/^onStateChange listener threw\.$/);
    const { server, circuit, logger, states } = await startCircuit();
    circuit.onStateChange(() => {
      throw new Error('page bug');
    });
    const after: string[] = [];
    circuit.onStateChange((state) => after.push(state));
    await dropAndReconnect(server);
    expect(states).toEqual(['reconnecting', 'connected']);
    expect(after).toEqual(['reconnecting', 'connected']);
    expect(logger.errors()).toHaveLength(1);
  });

  it('the unsubscribe it returns stops that listener only', async () => {
    const { server, circuit, states } = await startCircuit();
    const heard: string[] = [];
    const unsubscribe = circuit.onStateChange((state) => heard.push(state));
    server.last.drop();
    unsubscribe();
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(heard).toEqual(['reconnecting']);
    expect(states).toEqual(['reconnecting', 'connected']);
  });

  it('with a page\'s own reconnection handler (no outage states): reconnecting and connected', async () => {
    vi.useFakeTimers();
    const server = new MessagingServer();
    const api = createBlazorApi({ createConnection: server.factory, logger: new RecordingLogger() });
    const circuit = await api.start({ reconnectionHandler: { onConnectionDown: () => undefined, onConnectionUp: () => undefined } });
    const states: string[] = [];
    circuit.onStateChange((state) => states.push(state));
    server.last.drop();
    await expect(api.reconnect()).resolves.toBe(true);
    expect(states).toEqual(['reconnecting', 'connected']);
    api.disconnect();
  });
});

describe('a start that retries', () => {
  it('the handle comes when the retried start succeeds, connected', async () => {
    vi.useFakeTimers();
    const circuitServer = new FakeServer();
    circuitServer.reachable = false;
    const server = new MessagingServer(circuitServer);
    const api = createBlazorApi({ createConnection: server.factory, logger: new RecordingLogger() });
    const started = api.start({ reconnectionOptions: { retryIntervalMilliseconds: RETRY_MS } });
    await vi.advanceTimersByTimeAsync(RETRY_MS / 2);
    circuitServer.reachable = true;
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    const circuit = await started;
    expect(circuit.state).toBe('connected');
    expect(circuit.connection).toBe(server.last);
    api.disconnect();
    api.defaultReconnectionHandler?.dispose();
  });
});
