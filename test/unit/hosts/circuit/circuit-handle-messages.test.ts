// The handle's `on`/`off`: handlers registered once live on every connection the circuit makes,
// are on each before it starts, run behind the guard, and are removed exactly as asked.
import { HubConnectionState } from '@microsoft/signalr';
import { describe, expect, it } from 'vitest';
import { expectErrorLog } from '../../support/verify-logs';
import { dropAndReconnect, startCircuit } from './handle-fixture';

describe('Circuit.on', () => {
  it('is on every connection before it starts: a message sent as a reconnect connects is handled', async () => {
    const { server, circuit } = await startCircuit();
    const received: unknown[] = [];
    circuit.on('Message', (text) => received.push(text));
    server.onConnected = (connection) => {
      connection.receive('Message', `hello ${String(server.connections.indexOf(connection))}`);
    };
    await dropAndReconnect(server);
    await dropAndReconnect(server);
    expect(server.connections).toHaveLength(3);
    expect(received).toEqual(['hello 1', 'hello 2']);
    expect(server.connections.map((connection) => connection.handlerCount('Message'))).toEqual([1, 1, 1]);
  });

  it('reaches the live connection at once, and the app\'s messages before and after a reconnect', async () => {
    const { server, circuit } = await startCircuit();
    const received: string[] = [];
    circuit.on('Message', (text: string) => received.push(text));
    server.push('Message', 'before');
    server.last.drop();
    server.push('Message', 'during: sent to a dead connection, lost');
    await dropAndReconnect(server);
    server.push('Message', 'after');
    expect(received).toEqual(['before', 'after']);
  });

  it('passes every argument, and one handler registered twice for a method runs once', async () => {
    const { server, circuit } = await startCircuit();
    const calls: unknown[][] = [];
    const handler = (...args: unknown[]) => calls.push(args);
    circuit.on('Message', handler);
    circuit.on('Message', handler);
    server.push('Message', 'ada', 'hi', 3);
    expect(calls).toEqual([['ada', 'hi', 3]]);
  });

  it('works the same on a plain hub (circuitHandshake: false)', async () => {
    const { server, circuit } = await startCircuit({ circuitHandshake: false }, (s) => {
      s.circuit.plainHub = true;
    });
    const received: unknown[] = [];
    circuit.on('Message', (user, text) => received.push(`${String(user)}: ${String(text)}`));
    await dropAndReconnect(server);
    server.push('Message', 'ada', 'back');
    expect(received).toEqual(['ada: back']);
    expect(server.connections.every((connection) => connection.invocations.length === 0)).toBe(true);
  });
});

describe('Circuit.off', () => {
  it('off(method, handler) removes that handler only, from this and every later connection', async () => {
    const { server, circuit } = await startCircuit();
    const received: string[] = [];
    const first = (text: unknown) => received.push(`first ${String(text)}`);
    circuit.on('Message', first);
    circuit.on('Message', (text) => received.push(`second ${String(text)}`));
    circuit.off('Message', first);
    server.push('Message', 'a');
    await dropAndReconnect(server);
    server.push('Message', 'b');
    expect(received).toEqual(['second a', 'second b']);
  });

  it('off(method) removes every handler of the method and leaves other methods alone', async () => {
    const { server, circuit } = await startCircuit();
    const received: string[] = [];
    circuit.on('Message', () => received.push('message 1'));
    circuit.on('Message', () => received.push('message 2'));
    circuit.on('Joined', () => received.push('joined'));
    circuit.off('Message');
    await dropAndReconnect(server);
    server.push('Message');
    server.push('Joined');
    expect(received).toEqual(['joined']);
    expect(server.last.handlerCount('Message')).toBe(0);
  });

  it('the remover on() returns removes that registration, once; a later on() of the same handler is its own', async () => {
    const { server, circuit } = await startCircuit();
    const received: unknown[] = [];
    const handler = (text: unknown) => received.push(text);
    const remove = circuit.on('Message', handler);
    remove();
    server.push('Message', 'removed');
    circuit.on('Message', handler);
    remove();
    server.push('Message', 'kept');
    await dropAndReconnect(server);
    server.push('Message', 'kept after a reconnect');
    expect(received).toEqual(['kept', 'kept after a reconnect']);
  });

  it('a handler removed while the connection is down is not on the reconnect\'s connection', async () => {
    const { server, circuit } = await startCircuit();
    const remove = circuit.on('Message', () => undefined);
    server.last.drop();
    remove();
    await dropAndReconnect(server);
    expect(server.last.handlerCount('Message')).toBe(0);
  });
});

describe('a handler that throws', () => {
  it('is logged (once at Error) and the other handlers and the connection go on', async () => {
    expectErrorLog(/^on\('Message'\) handler threw\.$/);
    const { server, circuit, logger } = await startCircuit();
    const received: unknown[] = [];
    circuit.on('Message', () => {
      throw new Error('page bug');
    });
    circuit.on('Message', (text) => received.push(text));
    server.push('Message', 'one');
    server.push('Message', 'two');
    expect(received).toEqual(['one', 'two']);
    expect(logger.errors()).toHaveLength(1);
    expect(circuit.state).toBe('connected');
    await expect(circuit.invoke('Echo', 'still up')).resolves.toBe('still up');
  });
});

describe('100 reconnect cycles', () => {
  it('each message is handled exactly once, by handlers registered once', async () => {
    const { server, circuit } = await startCircuit();
    const received: number[] = [];
    circuit.on('Message', (n: number) => received.push(n));
    for (let cycle = 0; cycle < 100; cycle += 1) {
      server.push('Message', cycle);
      await dropAndReconnect(server);
    }
    server.push('Message', 100);
    expect(server.connections).toHaveLength(101);
    expect(received).toEqual(Array.from({ length: 101 }, (_, n) => n));
    expect(server.connections.filter((connection) => connection.state === HubConnectionState.Connected)).toHaveLength(1);
  });
});
