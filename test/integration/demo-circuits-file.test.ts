// `node demo/server.mjs --circuits-file <path>`: the demo hub's circuits survive the process being
// killed (SIGKILL) and started again, so ConnectCircuit answers true after the restart; a circuit
// freed by the beacon stays freed; without the option a restart loses every circuit.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { HubConnection } from '@microsoft/signalr';
import { startDemoProcess } from '../support/demo-process';
import type { ServerProcess } from '../support/server-process';

describe('demo server --circuits-file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-circuits-'));
  const cleanups: (() => Promise<unknown>)[] = [];

  async function start(args: readonly string[] = []): Promise<ServerProcess> {
    const server = await startDemoProcess(args);
    cleanups.push(() => server.stop());
    return server;
  }

  async function connect(server: ServerProcess): Promise<HubConnection> {
    const connection = new HubConnectionBuilder()
      .withUrl(`${server.url}/_blazor`, { transport: HttpTransportType.WebSockets })
      .configureLogging(LogLevel.None)
      .build();
    await connection.start();
    cleanups.push(() => connection.stop());
    return connection;
  }

  const startCircuit = async (server: ServerProcess) =>
    (await connect(server)).invoke<string>('StartCircuit', `${server.url}/`, `${server.url}/`, '[]', '');
  const connectCircuit = async (server: ServerProcess, id: string) => (await connect(server)).invoke<boolean>('ConnectCircuit', id);

  afterEach(async () => {
    await Promise.allSettled(cleanups.splice(0).reverse().map((cleanup) => cleanup()));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps circuits across a kill and a restart, in a file only its owner reads', async () => {
    const file = join(dir, 'circuits.txt');
    const server = await start(['--circuits-file', file]);
    const kept = await startCircuit(server);
    const freed = await startCircuit(server);
    expect((await fetch(`${server.url}/_blazor/disconnect`, { method: 'POST', body: new URLSearchParams({ circuitId: freed }) })).status).toBeLessThan(300);

    await server.kill();
    await server.restart();
    expect(await connectCircuit(server, kept)).toBe(true);
    expect(await connectCircuit(server, freed)).toBe(false);
    expect(statSync(file).mode & 0o077).toBe(0);

    // Twice: the compacted file written at the first restart is read back by the second.
    await server.kill();
    await server.restart();
    expect(await connectCircuit(server, kept)).toBe(true);
  });

  it('without it, a restart loses every circuit', async () => {
    const server = await start();
    const id = await startCircuit(server);
    await server.kill();
    await server.restart();
    expect(await connectCircuit(server, id)).toBe(false);
  });
});
