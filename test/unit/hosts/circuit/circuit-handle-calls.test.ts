// The handle's `invoke`/`send`/`stream`: on the connection that carries the circuit now, and
// refused at once with NotConnectedError while there is none: no queue, no connection made.
import { describe, expect, it, vi } from 'vitest';
import { NotConnectedError } from '../../../../src/errors/index';
import { RETRY_MS, startCircuit } from './handle-fixture';

/** Subscribes to a stream and collects what it gives until it completes or errs. */
function collect<T>(stream: { subscribe(s: { next(v: T): void; complete(): void; error(e: unknown): void }): unknown }) {
  const result: { items: T[]; done: boolean; error: unknown } = { items: [], done: false, error: undefined };
  stream.subscribe({
    next: (item) => result.items.push(item),
    complete: () => {
      result.done = true;
    },
    error: (error) => {
      result.error = error;
    },
  });
  return result;
}

describe('while connected', () => {
  it('invoke answers, send delivers, stream streams, on the live connection', async () => {
    const { server, circuit } = await startCircuit();
    await expect(circuit.invoke<string>('Echo', 'ping')).resolves.toBe('ping');
    await circuit.send('Send', 'ada', 'hi');
    expect(server.sent).toEqual([{ method: 'Send', args: ['ada', 'hi'] }]);
    expect(collect<number>(circuit.stream<number>('Count', 3))).toEqual({ items: [1, 2, 3], done: true, error: undefined });
    expect(circuit.connection).toBe(server.last);
  });
});

describe('while down', () => {
  it('invoke, send and stream are refused at once with NotConnectedError and the state; nothing is sent', async () => {
    const { server, circuit } = await startCircuit();
    server.last.drop();
    const connections = server.connections.length;
    const sentBefore = server.last.invocations.length;
    const outcomes: unknown[] = [];
    circuit.invoke('Echo', 'x').catch((error: unknown) => outcomes.push(error));
    circuit.send('Send', 'ada', 'x').catch((error: unknown) => outcomes.push(error));
    // One microtask turn, no clock: the refusals are already there.
    await Promise.resolve();
    await Promise.resolve();
    expect(outcomes).toHaveLength(2);
    const [invokeError, sendError] = outcomes;
    expect(invokeError).toBeInstanceOf(NotConnectedError);
    expect(invokeError).toMatchObject({
      name: 'NotConnectedError',
      state: 'reconnecting',
      method: 'Echo',
      message: "Cannot invoke 'Echo': the circuit is reconnecting, not connected.",
    });
    expect(sendError).toMatchObject({ name: 'NotConnectedError', state: 'reconnecting', method: 'Send' });
    const streamed = collect(circuit.stream('Count', 3));
    expect(streamed.items).toEqual([]);
    expect(streamed.error).toMatchObject({ name: 'NotConnectedError', state: 'reconnecting', message: "Cannot stream 'Count': the circuit is reconnecting, not connected." });
    expect(circuit.connection).toBeUndefined();
    expect(server.connections).toHaveLength(connections);
    expect(server.last.invocations).toHaveLength(sentBefore);
    expect(server.sent).toEqual([]);
  });

  it('carries the state of the outage: offline, then failed', async () => {
    const { server, circuit, signals } = await startCircuit({ reconnectionOptions: { maxRetries: 1 } });
    signals.fire('offline');
    server.circuit.reachable = false;
    server.last.drop();
    await expect(circuit.invoke('Echo', 'x')).rejects.toMatchObject({ state: 'offline' });
    signals.fire('online');
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(circuit.state).toBe('failed');
    await expect(circuit.send('Send', 'x')).rejects.toMatchObject({ state: 'failed' });
  });

  it('after the reconnect, invoke answers on the new connection; nothing refused earlier is replayed', async () => {
    const { server, circuit } = await startCircuit();
    server.last.drop();
    await expect(circuit.invoke('Echo', 'lost')).rejects.toBeInstanceOf(NotConnectedError);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(circuit.state).toBe('connected');
    await expect(circuit.invoke<string>('Echo', 'x')).resolves.toBe('x');
    expect(server.last.invocations.map(({ method, args }) => `${method} ${String(args[0])}`)).toEqual([
      `ConnectCircuit secret-circuit-1`,
      'Echo x',
    ]);
  });

  it('on a plain hub (circuitHandshake: false) the same: refused while down, answered after', async () => {
    const { server, circuit } = await startCircuit({ circuitHandshake: false }, (s) => {
      s.circuit.plainHub = true;
    });
    server.last.drop();
    await expect(circuit.invoke('Echo', 'x')).rejects.toMatchObject({ name: 'NotConnectedError', state: 'reconnecting' });
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await expect(circuit.invoke<string>('Echo', 'y')).resolves.toBe('y');
  });

  it('after disconnect() calls are refused with state disconnected', async () => {
    const { api, circuit } = await startCircuit();
    api.disconnect();
    await expect(circuit.invoke('Echo', 'x')).rejects.toMatchObject({ state: 'disconnected' });
    expect(circuit.connection).toBeUndefined();
  });

  it('while a reconnect is in flight (attempting) the call is refused too: the new connection is not yet the circuit\'s', async () => {
    const { server, circuit } = await startCircuit();
    let release: () => void = () => undefined;
    server.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.last.drop();
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(server.connections).toHaveLength(2);
    expect(server.last.state).toBe('Connecting');
    expect(circuit.state).toBe('reconnecting');
    await expect(circuit.invoke('Echo', 'x')).rejects.toMatchObject({ state: 'reconnecting' });
    // A handler registered meanwhile reaches the connection being started.
    const received: unknown[] = [];
    circuit.on('Message', (text) => received.push(text));
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(circuit.state).toBe('connected');
    server.push('Message', 'registered during the attempt');
    expect(received).toEqual(['registered during the attempt']);
  });
});
