// The ASP.NET Core sample's circuit stores (Circuits:Store): a file store keeps circuits across a
// killed process, so ConnectCircuit after the restart answers true; the distributed store (Redis)
// lets a second node resume a circuit the first one started. Real Kestrel, real Redis, the Node
// @microsoft/signalr client.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { HubConnection } from '@microsoft/signalr';
import { startRedis } from '../../demo/farm/redis.mjs';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, skipLoudly, skipWithoutDotnetApps } from '../support/dotnet-apps';

interface CircuitCounts {
  started: number;
  reconnected: number;
  refused: number;
}

const skip = skipWithoutDotnetApps([DOTNET_PROJECTS.aspnetcore]);
const skipRedis =
  skip || skipLoudly(spawnSync('redis-server', ['--version']).status === 0 ? undefined : 'redis-server is not on PATH (apt-get install redis-server)');

describe.skipIf(skip)('ASP.NET Core sample, circuit stores', () => {
  const dir = mkdtempSync(join(tmpdir(), 'circuit-store-'));
  const cleanups: (() => Promise<unknown>)[] = [];

  async function start(env: Record<string, string>): Promise<DotnetApp> {
    const app = await startDotnetApp({ project: DOTNET_PROJECTS.aspnetcore, env, healthPath: '/circuits' });
    cleanups.push(() => app.stop());
    return app;
  }

  /** A started connection to the app's circuit hub (silent: the kills below are expected). */
  async function connect(app: DotnetApp): Promise<HubConnection> {
    const connection = new HubConnectionBuilder()
      .withUrl(`${app.url}/_blazor`, { transport: HttpTransportType.WebSockets })
      .configureLogging(LogLevel.None)
      .build();
    await connection.start();
    cleanups.push(() => connection.stop());
    return connection;
  }

  const startCircuit = (connection: HubConnection, app: DotnetApp) =>
    connection.invoke<string>('StartCircuit', `${app.url}/`, `${app.url}/`, '[]', '');
  const counts = async (app: DotnetApp) => (await (await fetch(`${app.url}/circuits`)).json()) as CircuitCounts;

  afterEach(async () => {
    await Promise.allSettled(cleanups.splice(0).reverse().map((cleanup) => cleanup()));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('file: a circuit survives the process being killed, and the file holds no circuit id', async () => {
    const file = join(dir, 'circuits.txt');
    const app = await start({ Circuits__Store: 'file', Circuits__File: file });
    const circuitId = await startCircuit(await connect(app), app);
    const held = await startCircuit(await connect(app), app);

    await app.kill();
    await app.restart();
    expect(readFileSync(file, 'utf8')).not.toContain(circuitId);

    expect(await (await connect(app)).invoke<boolean>('ConnectCircuit', circuitId)).toBe(true);
    expect(await (await connect(app)).invoke<boolean>('ConnectCircuit', 'F'.repeat(64))).toBe(false);
    expect(await counts(app)).toEqual({ started: 0, reconnected: 1, refused: 1 });

    // Freed by the beacon, it stays freed across another kill.
    const form = new URLSearchParams({ circuitId: held });
    expect((await fetch(`${app.url}/_blazor/disconnect`, { method: 'POST', body: form })).status).toBe(200);
    await app.kill();
    await app.restart();
    expect(await (await connect(app)).invoke<boolean>('ConnectCircuit', held)).toBe(false);
    expect(await (await connect(app)).invoke<boolean>('ConnectCircuit', circuitId)).toBe(true);
  });

  it('file: a circuit held after its connection closed expires after the retention period, across a restart', async () => {
    const file = join(dir, 'expiring.txt');
    const env = { Circuits__Store: 'file', Circuits__File: file, CircuitOptions__DisconnectedCircuitRetentionPeriod: '00:00:01' };
    const app = await start(env);
    const connection = await connect(app);
    const circuitId = await startCircuit(connection, app);
    await app.kill();
    await app.restart();
    // Loaded as disconnected at the restart: held for one second from then.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await (await connect(app)).invoke<boolean>('ConnectCircuit', circuitId)).toBe(false);
  });

  it('memory (the default): a restart loses the circuits', async () => {
    const app = await start({});
    const circuitId = await startCircuit(await connect(app), app);
    await app.kill();
    await app.restart();
    expect(await (await connect(app)).invoke<boolean>('ConnectCircuit', circuitId)).toBe(false);
  });

  it.skipIf(skipRedis)('distributed (Redis): a circuit started on node 1 resumes on node 2 after node 1 is killed', async () => {
    const redis = await startRedis(dir);
    cleanups.push(() => redis.server.stop());
    const env = { Circuits__Store: 'distributed', Farm__Redis: redis.connection };
    const node1 = await start({ ...env, Farm__Node: '1' });
    const node2 = await start({ ...env, Farm__Node: '2' });
    const circuitId = await startCircuit(await connect(node1), node1);

    await node1.kill();
    expect(await (await connect(node2)).invoke<boolean>('ConnectCircuit', circuitId)).toBe(true);
    expect(await (await connect(node2)).invoke<boolean>('ConnectCircuit', 'F'.repeat(64))).toBe(false);
    expect(await counts(node2)).toEqual({ started: 0, reconnected: 1, refused: 1 });
  });
});
