// The wire format of demo/hub: negotiate, upgrade, handshake and hub message framing, by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageType, RECORD_SEPARATOR, parseForm, parseMultipart, startHubServer } from '../../demo/hub/index.mjs';
import type { HubOptions, RunningHubServer } from '../../demo/hub/index.mjs';
import { RawHubClient, negotiate } from './support/raw-hub-client';

const HUB = '/_blazor';
const STATELESS = '/hub';

let server: RunningHubServer;
const raw: RawHubClient[] = [];

async function open(url: string): Promise<RawHubClient> {
  const client = await RawHubClient.open(url);
  raw.push(client);
  return client;
}

async function connect(path = HUB): Promise<RawHubClient> {
  const { connectionToken } = await negotiate(server.url, path);
  const client = await RawHubClient.connect(`${server.url}${path}?id=${String(connectionToken)}`);
  raw.push(client);
  return client;
}

async function restartWith(options: HubOptions): Promise<void> {
  await server.close();
  server = await startHubServer({ endpoints: [{ path: HUB, kind: 'circuit' }], ...options });
}

beforeEach(async () => {
  server = await startHubServer({
    endpoints: [
      { path: HUB, kind: 'circuit' },
      { path: STATELESS, kind: 'stateless' },
    ],
  });
});

afterEach(async () => {
  for (const client of raw.splice(0)) client.terminate();
  await server.close();
});

describe('negotiate', () => {
  it('answers version 1 with a connection id, a separate token and WebSockets only', async () => {
    const body = await negotiate(server.url, HUB);
    expect(body).toEqual({
      negotiateVersion: 1,
      connectionId: expect.stringMatching(/^[\w-]{22}$/) as unknown,
      connectionToken: expect.stringMatching(/^[\w-]{22}$/) as unknown,
      availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }],
    });
    expect(body.connectionToken).not.toBe(body.connectionId);
  });

  it('answers version 0 without a token, refuses GET, and 404s unknown sub-paths', async () => {
    const v0 = await negotiate(server.url, HUB, null);
    expect(v0.negotiateVersion).toBe(0);
    expect(v0).not.toHaveProperty('connectionToken');
    expect((await fetch(`${server.url}${HUB}/negotiate`)).status).toBe(405);
    expect((await fetch(`${server.url}${HUB}/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}${HUB}`)).status).toBe(400); // WebSockets only
    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
    const initializers = await fetch(`${server.url}${HUB}/initializers`);
    expect(await initializers.json()).toEqual([]);
    expect(server.hub.log.counters.negotiations).toBe(1);
  });
});

describe('WebSocket upgrade', () => {
  it('refuses an unknown token, a used token and a token from another endpoint', async () => {
    await expect(open(`${server.url}${HUB}?id=unknown`)).rejects.toThrow(/404/);
    const { connectionToken } = await negotiate(server.url, HUB);
    await open(`${server.url}${HUB}?id=${String(connectionToken)}`);
    await expect(open(`${server.url}${HUB}?id=${String(connectionToken)}`)).rejects.toThrow(/404/);
    const other = await negotiate(server.url, STATELESS);
    await expect(open(`${server.url}${HUB}?id=${String(other.connectionToken)}`)).rejects.toThrow(/404/);
    await expect(open(`${server.url}/not-a-hub`)).rejects.toThrow(/404/);
    expect(server.hub.log.counters.upgradesRejected).toBe(3);
  });

  it('accepts a connection without an id (skipNegotiation)', async () => {
    const client = await RawHubClient.connect(`${server.url}${STATELESS}`);
    raw.push(client);
    client.sendRecord({ type: MessageType.Invocation, invocationId: '1', target: 'Echo', arguments: ['x'] });
    expect(await client.nextNonPing()).toEqual({ type: MessageType.Completion, invocationId: '1', result: 'x' });
  });

  it('refuses upgrades with 503 while down, even with a negotiated token', async () => {
    const { connectionToken } = await negotiate(server.url, HUB);
    server.hub.down(60_000);
    await expect(open(`${server.url}${HUB}?id=${String(connectionToken)}`)).rejects.toThrow(/503/);
    expect(server.hub.log.entries('upgrade-rejected').at(-1)).toMatchObject({ status: 503, path: HUB });
  });
});

describe('handshake', () => {
  it.each([1, 2])('accepts json version %i with an empty response', async (version) => {
    const { connectionToken } = await negotiate(server.url, HUB);
    const client = await open(`${server.url}${HUB}?id=${String(connectionToken)}`);
    client.sendRecord({ protocol: 'json', version });
    expect(await client.next()).toEqual({});
  });

  it.each([
    ['messagepack', { protocol: 'messagepack', version: 1 }, /protocol 'messagepack' is not supported/],
    ['a future version', { protocol: 'json', version: 3 }, /does not support version 3/],
    ['no protocol', { version: 1 }, /must have a string "protocol"/],
  ])('answers %s with an error and closes', async (_name, request, message) => {
    const { connectionToken } = await negotiate(server.url, HUB);
    const client = await open(`${server.url}${HUB}?id=${String(connectionToken)}`);
    client.sendRecord(request);
    const response = (await client.next()) as { error?: string };
    expect(response.error).toMatch(message);
    await expect(client.closed).resolves.toMatchObject({ code: 1002 });
  });

  it('closes a connection that sends no handshake in time', async () => {
    await restartWith({ handshakeTimeoutMs: 100 });
    const { connectionToken } = await negotiate(server.url, HUB);
    const client = await open(`${server.url}${HUB}?id=${String(connectionToken)}`);
    await expect(client.closed).resolves.toMatchObject({ code: 1011 });
  });
});

describe('hub messages', () => {
  it('handles a handshake and an invocation in one frame, and a record split across frames', async () => {
    const { connectionToken } = await negotiate(server.url, STATELESS);
    const client = await open(`${server.url}${STATELESS}?id=${String(connectionToken)}`);
    const invocation = JSON.stringify({ type: 1, invocationId: '7', target: 'Echo', arguments: [{ deep: [1, 2] }] });
    client.sendText(`{"protocol":"json","version":1}${RECORD_SEPARATOR}${invocation}${RECORD_SEPARATOR}`);
    expect(await client.next()).toEqual({});
    expect(await client.nextNonPing()).toEqual({ type: 3, invocationId: '7', result: { deep: [1, 2] } });

    const split = `${JSON.stringify({ type: 1, invocationId: '8', target: 'Echo', arguments: ['whole'] })}${RECORD_SEPARATOR}`;
    client.sendText(split.slice(0, 10));
    client.sendText(split.slice(10));
    expect(await client.nextNonPing()).toEqual({ type: 3, invocationId: '8', result: 'whole' });
  });

  it('ignores unknown types, cancels and client completions; sends no completion without an invocation id', async () => {
    const client = await connect(STATELESS);
    client.sendRecord({ type: 99, whatever: true });
    client.sendRecord({ type: MessageType.CancelInvocation, invocationId: '1' });
    client.sendRecord({ type: MessageType.Completion, invocationId: '1', result: null });
    client.sendRecord({ type: MessageType.Invocation, target: 'Echo', arguments: ['no id'] });
    client.sendRecord({ type: MessageType.Invocation, invocationId: '2', target: 'Echo', arguments: ['with id'] });
    expect(await client.nextNonPing()).toEqual({ type: 3, invocationId: '2', result: 'with id' });
    expect(server.hub.log.entries('invocation').map((e) => e.args)).toEqual([['no id'], ['with id']]);
    expect(server.hub.log.counters.completions).toBe(1);
  });

  it('answers a stream invocation with a completion error', async () => {
    const client = await connect(STATELESS);
    client.sendRecord({ type: MessageType.StreamInvocation, invocationId: '3', target: 'Echo', arguments: [1] });
    expect(await client.nextNonPing()).toMatchObject({ type: 3, invocationId: '3', error: expect.stringMatching(/not supported/) as unknown });
  });

  it('answers a malformed record with a Close message carrying an error, then closes', async () => {
    const client = await connect();
    client.sendText(`this is not json${RECORD_SEPARATOR}`);
    expect(await client.nextNonPing()).toMatchObject({ type: MessageType.Close, error: expect.stringMatching(/invalid hub message/) as unknown });
    await expect(client.closed).resolves.toMatchObject({ code: 1011 });
  });

  it('sends pings every keep-alive interval', async () => {
    await restartWith({ keepAliveIntervalMs: 50 });
    const client = await connect();
    expect(await client.next()).toEqual({ type: MessageType.Ping });
    expect(await client.next()).toEqual({ type: MessageType.Ping });
  });

  it('closeConnections() sends Close with error and allowReconnect, then a normal close', async () => {
    const client = await connect();
    server.hub.closeConnections({ error: 'bye', allowReconnect: true });
    expect(await client.nextNonPing()).toEqual({ type: MessageType.Close, error: 'bye', allowReconnect: true });
    await expect(client.closed).resolves.toMatchObject({ code: 1000 });
  });
});

describe('form parsing for the beacon', () => {
  it('reads multipart fields with a quoted boundary and UTF-8 values', () => {
    const body = Buffer.from(
      [
        'preamble',
        '--a"b',
        'Content-Disposition: form-data; name="circuitId"',
        '',
        'abc_-DEF',
        '--a"b',
        'Content-Disposition: form-data; name="note"; filename="n.txt"',
        'Content-Type: text/plain',
        '',
        'héllo\r\nworld',
        '--a"b--',
        '',
      ].join('\r\n'),
      'utf8',
    );
    const fields = parseForm('multipart/form-data; boundary="a\\"b"', body);
    expect(Object.fromEntries(fields)).toEqual({ circuitId: 'abc_-DEF', note: 'héllo\r\nworld' });
    expect(parseMultipart(Buffer.from('garbage'), 'x').size).toBe(0);
  });

  it('reads urlencoded bodies and ignores other types', () => {
    expect(parseForm('application/x-www-form-urlencoded; charset=UTF-8', Buffer.from('circuitId=a%2Bb&x=1')).get('circuitId')).toBe('a+b');
    expect(parseForm('text/plain', Buffer.from('circuitId=a')).size).toBe(0);
    expect(parseForm(undefined, Buffer.from('')).size).toBe(0);
  });
});
