// The HTTP client the Blazor handler script gives Blazor's connection builder: every SignalR
// request mapped onto fetch as SignalR's own FetchHttpClient does (fetch stubbed), the errors
// SignalR expects, and a busy negotiation's Retry-After recorded for the Blazor host.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdviceHttpClient } from '../../../../src/hosts/blazor/advice-http-client';
import { BusyAdvice } from '../../../../src/hosts/blazor/busy-advice';
import { systemClock } from '../../../../src/timing/clock';

const NEGOTIATE = 'http://localhost/app/_blazor/negotiate?negotiateVersion=1';
const answer = (status: number, headers: Record<string, string> = {}, body: BodyInit = '') =>
  vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(() => Promise.resolve(new Response(status === 204 ? null : body, { status, headers })));
const clientWith = (fetch: ReturnType<typeof answer>) => {
  vi.stubGlobal('fetch', fetch);
  const advice = new BusyAdvice();
  return { advice, client: new AdviceHttpClient(advice, systemClock) };
};
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('requests, as SignalR’s FetchHttpClient sends them', () => {
  it('a negotiation: POST, no body, no-cache, X-Requested-With, credentials only with withCredentials', async () => {
    const fetch = answer(200, {}, '{"negotiateVersion":1}');
    const { client, advice } = clientWith(fetch);
    const response = await client.post(NEGOTIATE, { content: '', headers: { A: 'b' }, withCredentials: true, timeout: 100_000 });
    expect(response).toEqual({ statusCode: 200, statusText: '', content: '{"negotiateVersion":1}' });
    expect(fetch).toHaveBeenCalledWith(NEGOTIATE, expect.objectContaining({
      method: 'POST',
      body: undefined,
      cache: 'no-cache',
      credentials: 'include',
      mode: 'cors',
      redirect: 'follow',
      headers: { 'X-Requested-With': 'XMLHttpRequest', A: 'b' },
    }));
    await client.post(NEGOTIATE, { withCredentials: false });
    expect(fetch.mock.calls[1]?.[1]).toMatchObject({ credentials: 'same-origin' });
    expect(advice.take()).toBeUndefined();
  });

  it('a long poll: GET with the relative URL resolved, an ArrayBuffer back when binary', async () => {
    const fetch = answer(200, {}, new Uint8Array([1, 2, 3]));
    const { client } = clientWith(fetch);
    const response = await client.get('_blazor?id=abc&_=1', { responseType: 'arraybuffer' });
    expect(response.content).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(response.content as ArrayBuffer)]).toEqual([1, 2, 3]);
    expect(fetch.mock.calls[0]?.[0]).toBe(new URL('_blazor?id=abc&_=1', document.baseURI).href);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'GET', body: undefined });
  });

  it('sends: text as text/plain, binary as application/octet-stream; DELETE; 204 with no body', async () => {
    const fetch = answer(204);
    const { client } = clientWith(fetch);
    const binary = new Uint8Array([7]).buffer;
    await client.post('http://localhost/_blazor?id=a', { content: 'hi' });
    await client.post('http://localhost/_blazor?id=a', { content: binary });
    expect(await client.delete('http://localhost/_blazor?id=a')).toMatchObject({ statusCode: 204, content: '' });
    expect(fetch.mock.calls.map(([, init]) => [init?.method, (init?.headers as Record<string, string>)['Content-Type'], init?.body])).toEqual([
      ['POST', 'text/plain;charset=UTF-8', 'hi'],
      ['POST', 'application/octet-stream', binary],
      ['DELETE', undefined, undefined],
    ]);
  });

  it('a browser sends its own cookies: getCookieString adds none', () => {
    expect(new AdviceHttpClient(new BusyAdvice(), systemClock).getCookieString()).toBe('');
  });
});

describe('errors SignalR can read', () => {
  it('non-2xx: an HttpError with statusCode, its message naming the request, the body and the status', async () => {
    const { client } = clientWith(answer(404, {}, 'No such hub'));
    const error = await failure(client.post(NEGOTIATE));
    expect(error).toMatchObject({
      name: 'HttpError',
      statusCode: 404,
      message: `POST ${NEGOTIATE} answered No such hub: Status code '404'`,
    });
    // SignalR writes the inner error into its own: the status stays readable there.
    expect(`Failed to complete negotiation with the server: ${String(error)}`).toContain("Status code '404'");
  });

  it('the timeout aborts the request with a TimeoutError', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn((_url: string, init?: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => { reject(new DOMException('aborted', 'AbortError')); });
    }));
    vi.stubGlobal('fetch', fetch);
    const client = new AdviceHttpClient(new BusyAdvice(), systemClock);
    const pending = failure(client.get('http://localhost/_blazor?id=a', { timeout: 100_000 }));
    await vi.advanceTimersByTimeAsync(99_999);
    expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ name: 'TimeoutError', message: 'GET http://localhost/_blazor?id=a timed out after 100000 ms.' });
  });

  it('SignalR’s abort signal aborts the request with an AbortError, and is released after', async () => {
    const fetch = vi.fn((_url: string, init?: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => { reject(new DOMException('aborted', 'AbortError')); });
    }));
    vi.stubGlobal('fetch', fetch);
    const client = new AdviceHttpClient(new BusyAdvice(), systemClock);
    const signal: { aborted: boolean; onabort: (() => void) | null } = { aborted: false, onabort: null };
    const pending = failure(client.get('http://localhost/_blazor?id=a', { abortSignal: signal }));
    await Promise.resolve();
    signal.aborted = true;
    signal.onabort?.();
    expect(await pending).toMatchObject({ name: 'AbortError', message: 'GET http://localhost/_blazor?id=a was aborted.' });
    expect(signal.onabort).toBeNull();
    // Already aborted: nothing is sent.
    expect(await failure(client.get('http://localhost/_blazor?id=b', { abortSignal: signal }))).toMatchObject({ name: 'AbortError' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a network failure is thrown as fetch threw it', async () => {
    const offline = new TypeError('Failed to fetch');
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(offline)));
    const client = new AdviceHttpClient(new BusyAdvice(), systemClock);
    expect(await failure(client.post(NEGOTIATE))).toBe(offline);
  });
});

describe('a busy negotiation’s Retry-After, recorded for the Blazor host', () => {
  it('429 with seconds, 503 with an HTTP date read against Date: the hub URL, status and wait', async () => {
    const { client, advice } = clientWith(answer(429, { 'Retry-After': '2' }));
    await failure(client.post(NEGOTIATE));
    expect(advice.take()).toEqual({ url: 'http://localhost/app/_blazor', status: 429, retryAfterMs: 2000 });
    expect(advice.take()).toBeUndefined();
    vi.stubGlobal('fetch', answer(503, { 'Retry-After': 'Thu, 03 Dec 2026 08:00:10 GMT', Date: 'Thu, 03 Dec 2026 08:00:04 GMT' }));
    await failure(client.post(NEGOTIATE));
    expect(advice.take()).toEqual({ url: 'http://localhost/app/_blazor', status: 503, retryAfterMs: 6000 });
  });

  it('nothing without the header, for another status, or for a request that is not a negotiation', async () => {
    const { client, advice } = clientWith(answer(429));
    await failure(client.post(NEGOTIATE));
    vi.stubGlobal('fetch', answer(500, { 'Retry-After': '2' }));
    await failure(client.post(NEGOTIATE));
    vi.stubGlobal('fetch', answer(429, { 'Retry-After': '2' }));
    await failure(client.post('http://localhost/app/_blazor?id=a', { content: 'x' }));
    await failure(client.get('http://localhost/app/negotiate'));
    expect(advice.take()).toBeUndefined();
  });

  it('the last negotiation counts: a later one that went through clears a busy one', async () => {
    const { client, advice } = clientWith(answer(503, { 'Retry-After': '5' }));
    await failure(client.post(NEGOTIATE));
    vi.stubGlobal('fetch', answer(200, {}, '{}'));
    await client.post(NEGOTIATE);
    expect(advice.take()).toBeUndefined();
  });
});
