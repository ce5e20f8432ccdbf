// The ASP.NET Core sample as a farm node (Farm:Node) being stopped: examples/aspnetcore/HubStop.cs
// closes every hub connection itself. ASP.NET Core 10.0.12 leaves a stateful-reconnect connection
// that has carried no message open until Kestrel aborts it, 30 s after SIGTERM; its client would
// hear nothing all that time. Real Kestrel, the Node @microsoft/signalr client.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, builtDll, projectFolder, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { within } from '../integration/support/hub-client';

const APP = DOTNET_PROJECTS.aspnetcore;
const skip = skipWithoutDotnetApps([APP]);

describe.skipIf(skip)('ASP.NET Core sample, a farm node stopping', () => {
  let app: DotnetApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('closes an idle stateful-reconnect connection when SIGTERM arrives, and says so', async () => {
    app = await startDotnetApp({ project: APP, env: { Farm__Node: '1' } });
    const connection = new HubConnectionBuilder()
      .withUrl(`${app.url}/chat`, { transport: HttpTransportType.WebSockets })
      .withStatefulReconnect()
      .configureLogging(LogLevel.None)
      .build();
    const closed = new Promise<void>((resolve) => { connection.onclose(() => { resolve(); }); });
    await connection.start();

    // The test's stop sends SIGKILL after 5 s; the close must come well before, from the node.
    const stopped = app.stop();
    await within(closed, 4_000, 'the node to close the idle connection');
    await stopped;
    expect(app.output()).toMatch(/Stop: 1 hub connections kept 0 ms after the stop began, then closed; 0 still open after \d+ ms\./);
  });

  it('refuses to start with a Farm:StopDelayMs that is not a number of milliseconds, naming the value', async () => {
    const child = spawn('dotnet', [builtDll(APP), '--urls', 'http://127.0.0.1:0', '--Farm:Node=1', '--Farm:StopDelayMs=soon'], {
      cwd: projectFolder(APP),
      env: { ...process.env, DOTNET_NOLOGO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const code = await within(new Promise<number | null>((resolve) => child.once('exit', resolve)), 30_000, 'the app to exit').finally(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    expect(code).not.toBe(0);
    expect(output).toContain('Farm:StopDelayMs must be a whole number of milliseconds from 0 to 60000, got "soon".');
  });
});
