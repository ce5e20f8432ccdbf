// Retry-After from a real negotiation: the connection the factory builds sends its negotiate
// through ServerAdviceHttpClient (fetch stubbed), and the error SignalR rejects start() with
// carries the advice to the host's classification.
import { HttpError, LogLevel, NullLogger } from '@microsoft/signalr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerBusyError } from '../../../../src/errors/index';
import { classifyConnectFailure } from '../../../../src/hosts/circuit/connect-failure';
import { createConnectionFactory } from '../../../../src/hosts/circuit/connection-factory';
import { negotiationRetryAfterMs, negotiationStatus } from '../../../../src/hosts/circuit/negotiation-status';
import { retryAfterMs } from '../../../../src/retry/retry-after';
import { ServerAdviceHttpClient } from '../../../../src/hosts/circuit/server-advice-http-client';

import { resolveOptions } from '../../../../src/options/resolve-options';
import { systemClock } from '../../../../src/timing/clock';

const answer = (status: number, headers: Record<string, string> = {}, body = '') =>
  vi.fn(() => Promise.resolve(new Response(body, { status, headers })));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates (against the answer’s Date header when there is one)', () => {
    expect(retryAfterMs('5', null, 0)).toBe(5000);
    expect(retryAfterMs(' 0 ', null, 0)).toBe(0);
    expect(retryAfterMs('Thu, 03 Dec 2026 08:00:10 GMT', 'Thu, 03 Dec 2026 08:00:00 GMT', 0)).toBe(10_000);
    expect(retryAfterMs('Thu, 03 Dec 2026 08:00:10 GMT', null, Date.parse('Thu, 03 Dec 2026 08:00:04 GMT'))).toBe(6000);
    expect(retryAfterMs('Thu, 03 Dec 2026 07:00:00 GMT', 'Thu, 03 Dec 2026 08:00:00 GMT', 0)).toBe(0);
  });

  it('is undefined when missing or unreadable', () => {
    expect(retryAfterMs(null, null, 0)).toBeUndefined();
    expect(retryAfterMs('', null, 0)).toBeUndefined();
    expect(retryAfterMs('-1', null, 0)).toBeUndefined();
    expect(retryAfterMs('soon', null, 0)).toBeUndefined();
  });
});

describe('ServerAdviceHttpClient', () => {
  it('notes Retry-After on a 503 negotiation, keeping the status and body', async () => {
    vi.stubGlobal('fetch', answer(503, { 'Retry-After': '7' }, 'busy'));
    const client = new ServerAdviceHttpClient(NullLogger.instance, systemClock);
    const error = await client.post('http://localhost/hub/negotiate?negotiateVersion=1', { content: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ statusCode: 503, message: "busy (Retry-After: 7000 ms): Status code '503'" });
  });

  it('adds no note without the header, nor for other statuses', async () => {
    vi.stubGlobal('fetch', answer(503));
    const client = new ServerAdviceHttpClient(NullLogger.instance, systemClock);
    const plain = await client.post('http://localhost/hub/negotiate', {}).catch((e: unknown) => e);
    expect(negotiationRetryAfterMs(plain)).toBeUndefined();
    vi.stubGlobal('fetch', answer(500, { 'Retry-After': '7' }));
    const other = await client.post('http://localhost/hub/negotiate', {}).catch((e: unknown) => e);
    expect(negotiationRetryAfterMs(other)).toBeUndefined();
  });

  it('sends the negotiation as SignalR does and returns its answer', async () => {
    const fetch = answer(200, {}, '{"negotiateVersion":1}');
    vi.stubGlobal('fetch', fetch);
    const client = new ServerAdviceHttpClient(NullLogger.instance, systemClock);
    const response = await client.post('http://localhost/hub/negotiate', { content: '', headers: { A: 'b' }, withCredentials: true });
    expect(response).toMatchObject({ statusCode: 200, content: '{"negotiateVersion":1}' });
    expect(fetch).toHaveBeenCalledWith('http://localhost/hub/negotiate', expect.objectContaining({
      method: 'POST',
      body: undefined,
      cache: 'no-cache',
      credentials: 'include',
      headers: { 'X-Requested-With': 'XMLHttpRequest', A: 'b' },
    }));
  });

  it('gives a real connection’s start() an error the host turns into a ServerBusyError', async () => {
    vi.stubGlobal('fetch', answer(429, { 'Retry-After': '3' }));
    const create = createConnectionFactory(resolveOptions({ logLevel: LogLevel.None }), 'http://localhost:5000/');
    const error = await (create() as unknown as { start(): Promise<void> }).start().catch((e: unknown) => e);
    expect(negotiationStatus(error)).toBe(429);
    expect(negotiationRetryAfterMs(error)).toBe(3000);
    const failure = classifyConnectFailure(error, { url: 'http://localhost:5000/_blazor', firstTry: false, starting: false, circuitHandshake: true });
    expect('raise' in failure && failure.raise).toBeInstanceOf(ServerBusyError);
    expect(failure).toMatchObject({ raise: { status: 429, retryAfterMs: 3000 } });
  });

  it('keeps its client when configureSignalR calls withUrl again with other options', async () => {
    vi.stubGlobal('fetch', answer(503, { 'Retry-After': '2' }));
    const options = resolveOptions({ logLevel: LogLevel.None, configureSignalR: (builder) => builder.withUrl('http://localhost:5000/chat', { withCredentials: false }) });
    const error = await (createConnectionFactory(options, 'http://localhost:5000/')() as unknown as { start(): Promise<void> }).start().catch((e: unknown) => e);
    expect(negotiationRetryAfterMs(error)).toBe(2000);
  });
});
