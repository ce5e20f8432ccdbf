// The ASP.NET Core sample's hubs with the Node @microsoft/signalr client: the circuit hub's app
// method and server push, /chat with stateful reconnect over MessagePack, and /secure refusing
// negotiation once the sign-in is expired. Real Kestrel, real sockets, no mocks.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import type { HubConnection } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import { waitUntil } from '../support/wait';

const skip = skipWithoutDotnetApps([DOTNET_PROJECTS.aspnetcore]);

describe.skipIf(skip)('ASP.NET Core sample, hubs from Node', () => {
  let app: DotnetApp;
  let proxy: TcpProxy;
  let connections: HubConnection[] = [];

  /** A connection to `url` over WebSockets, silent (outages are expected here), closed after the test. */
  function connect(url: string, configure: (builder: HubConnectionBuilder) => HubConnectionBuilder = (b) => b, headers?: Record<string, string>) {
    const connection = configure(
      new HubConnectionBuilder()
        .withUrl(url, { transport: HttpTransportType.WebSockets, skipNegotiation: false, ...(headers ? { headers } : {}) })
        .configureLogging(LogLevel.None),
    ).build();
    connections.push(connection);
    return connection;
  }

  beforeAll(async () => {
    app = await startDotnetApp({ project: DOTNET_PROJECTS.aspnetcore });
    proxy = await startTcpProxy(app.port);
  });

  afterEach(async () => {
    await Promise.all(connections.map((connection) => connection.stop()));
    connections = [];
  });

  afterAll(async () => {
    await proxy.close();
    await app.stop();
  });

  it('/_blazor: a circuit\'s connection answers Echo and receives what POST /push sends', async () => {
    const connection = connect(`${app.url}/_blazor`, (b) => b.withHubProtocol(new MessagePackHubProtocol()));
    const messages: string[] = [];
    connection.on('Message', (text: string) => messages.push(text));
    await connection.start();
    const circuitId = await connection.invoke<string | null>('StartCircuit', `${app.url}/`, `${app.url}/page`, '[]', '');
    expect(circuitId).toMatch(/^[0-9A-F]{64}$/);
    expect(await connection.invoke<string>('Echo', 'ping')).toBe('ping');
    expect((await fetch(`${app.url}/push?text=${encodeURIComponent('from the app')}`, { method: 'POST' })).status).toBe(200);
    await waitUntil(() => messages.includes('from the app'), 10_000, 'the pushed message');
  });

  it('/chat over MessagePack with stateful reconnect: a drop keeps the connection and loses no message', async () => {
    const listener = connect(`${proxy.url}/chat`, (b) => b.withHubProtocol(new MessagePackHubProtocol()).withStatefulReconnect());
    const sender = connect(`${app.url}/chat`, (b) => b.withHubProtocol(new MessagePackHubProtocol()));
    const received: string[] = [];
    let closed = false;
    listener.on('Message', (_user: string, text: string) => received.push(text));
    listener.onclose(() => {
      closed = true;
    });
    await Promise.all([listener.start(), sender.start()]);
    const connectionId = listener.connectionId;
    expect(await listener.invoke<string>('Echo', 'msgpack')).toBe('msgpack');

    // The listener's transport reconnects at once after the cut; the stall holds it off for 1.5 s,
    // and the message sent meanwhile waits in the server's stateful-reconnect buffer.
    const before = proxy.attempts.length;
    proxy.stall(1_500);
    proxy.cut();
    await sender.invoke('Send', 'sender', 'sent during the drop');
    await waitUntil(() => received.includes('sent during the drop'), 15_000, 'the message sent during the drop');
    expect(proxy.attempts.slice(before).map((a) => a.outcome)).toContain('stalled');
    expect(closed).toBe(false);
    expect(listener.state).toBe(HubConnectionState.Connected);
    expect(listener.connectionId).toBe(connectionId);
    expect(await listener.invoke<string>('Echo', 'after')).toBe('after');
  });

  it('/secure: signed in it connects; after POST /expire it is closed and negotiation answers 401', async () => {
    const negotiate = (cookie?: string) =>
      fetch(`${app.url}/secure/negotiate?negotiateVersion=1`, { method: 'POST', headers: cookie ? { Cookie: cookie } : {} });
    expect((await negotiate()).status).toBe(401);

    const signIn = await fetch(`${app.url}/signin?name=ada`, { method: 'POST' });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
    expect((await negotiate(cookie)).status).toBe(200);

    const connection = connect(`${app.url}/secure`, (b) => b, { Cookie: cookie });
    const closed = new Promise<void>((resolve) => { connection.onclose(() => { resolve(); }); });
    await connection.start();
    expect(await connection.invoke<string>('WhoAmI')).toBe('ada');

    expect((await fetch(`${app.url}/expire`, { method: 'POST' })).status).toBe(200);
    await closed;
    expect((await negotiate(cookie)).status).toBe(401);
    const again = connect(`${app.url}/secure`, (b) => b, { Cookie: cookie });
    await expect(again.start()).rejects.toThrow(/401/);
  });
});
