// An expired sign-in through the whole ES-module path: start(), the default handler, the core, the
// circuit host and the handle. No negotiation follows a 401 until the app signs in again.
import { describe, expect, it, vi } from 'vitest';
import { RETRY_MS, startCircuit } from './handle-fixture';
import type { MessagingServer } from './messaging-server';

describe.each([true, false])('circuitHandshake: %s', (circuitHandshake) => {
  it('a drop whose reconnect answers 401: unauthorized, no further negotiation, calls refused at once', async () => {
    const { server, circuit, states } = await startCircuit({ circuitHandshake });
    server.circuit.negotiateStatus = 401;
    server.last.drop();
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(states).toEqual(['reconnecting', 'unauthorized']);
    const made = server.connections.length;
    await vi.advanceTimersByTimeAsync(RETRY_MS * 100);
    expect(server.connections.length).toBe(made);
    await expect(circuit.invoke('Echo', 'x')).rejects.toMatchObject({ name: 'NotConnectedError', state: 'unauthorized' });
  });

  it('onUnauthorized signs in again: one automatic call, then an attempt at once → connected', async () => {
    const onUnauthorized = vi.fn();
    const { server, circuit, states } = await startCircuit({ circuitHandshake, reconnectionOptions: { onUnauthorized } });
    server.circuit.negotiateStatus = 403;
    onUnauthorized.mockImplementation(() => {
      server.circuit.negotiateStatus = undefined;
    });
    server.last.drop();
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['reconnecting', 'unauthorized', 'reconnecting', 'connected']);
    await expect(circuit.invoke('Echo', 'back')).resolves.toBe('back');
  });
});

it('a first start answered 401 waits, unauthorized, for the sign-in; start() resolves once it succeeds', async () => {
  let scripted: MessagingServer | undefined;
  const onUnauthorized = vi.fn(() => {
    if (scripted) scripted.circuit.negotiateStatus = undefined;
  });
  const { circuit, server } = await startCircuit({ reconnectionOptions: { onUnauthorized } }, (prepared) => {
    scripted = prepared;
    prepared.circuit.negotiateStatus = 401;
  });
  expect(onUnauthorized).toHaveBeenCalledTimes(1);
  expect(circuit.state).toBe('connected');
  expect(server.connections).toHaveLength(2);
});
