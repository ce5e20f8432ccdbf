// A busy server's Retry-After in a real Blazor app's page, without blazor.web.js: configureSignalR
// composed with a real @microsoft/signalr HubConnectionBuilder (as Blazor's own copy builds its
// connection), and the Blazor host turning a refused attempt into a ServerBusyError whose wait
// the handler keeps (fetch stubbed, fake timers).
import { HttpClient, HttpError, HttpResponse, HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { HttpRequest } from '@microsoft/signalr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerBusyError } from '../../../../src/errors/server-busy-error';
import { createBlazorHost } from '../../../../src/hosts/blazor/blazor-host';
import { blazorReconnectionHandler } from '../../../../src/hosts/blazor/blazor-reconnection-handler';
import { BusyAdvice } from '../../../../src/hosts/blazor/busy-advice';
import { configureServerAdvice } from '../../../../src/hosts/blazor/configure-signalr';
import { defaultReconnectionOptions } from '../../../../src/options/defaults';
import { pageModal } from '../../support/page-modal';

const refused = (status: number, retryAfter: string) =>
  vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(() => Promise.resolve(new Response('', { status, headers: { 'Retry-After': retryAfter } })));
/**
 * Blazor's hub. blazor.web.js gives its builder `withUrl('_blazor')`, which a browser resolves
 * against the base URI; SignalR's Node build (these tests) resolves no relative URL, so each test
 * sets the absolute one after configureSignalR, as an app's own withUrl would.
 */
const HUB = 'http://localhost/_blazor';
const NEGOTIATE = `${HUB}/negotiate?negotiateVersion=1`;
/** What blazor.web.js does before it calls configureSignalR. */
const blazorBuilder = () => new HubConnectionBuilder().withUrl('_blazor').configureLogging(LogLevel.None);
const busy = { url: 'http://localhost/_blazor', status: 429, retryAfterMs: 2000 };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  Reflect.deleteProperty(window, 'Blazor');
});

describe('configureSignalR on Blazor’s builder', () => {
  it('the connection negotiates through our client: a 429 is recorded, SignalR’s error names it', async () => {
    const fetch = refused(429, '3');
    vi.stubGlobal('fetch', fetch);
    const advice = new BusyAdvice();
    const builder = blazorBuilder();
    configureServerAdvice(builder, advice);
    const error = await builder.withUrl(HUB).build().start().catch((e: unknown) => e);
    expect(String(error)).toContain("Status code '429'");
    expect(fetch.mock.calls[0]?.[0]).toBe(NEGOTIATE);
    expect(advice.take()).toEqual({ url: HUB, status: 429, retryAfterMs: 3000 });
  });

  it('composes with the app’s own withUrl afterwards: its options apply, our client stays', async () => {
    const fetch = refused(503, '4');
    vi.stubGlobal('fetch', fetch);
    const advice = new BusyAdvice();
    const builder = blazorBuilder();
    configureServerAdvice(builder, advice);
    builder.withUrl(HUB, { transport: HttpTransportType.LongPolling, headers: { 'X-App': 'yes' } });
    await builder.build().start().catch(() => undefined);
    expect(fetch.mock.calls[0]?.[1]?.headers).toMatchObject({ 'X-App': 'yes', 'X-Requested-With': 'XMLHttpRequest' });
    expect(advice.take()).toMatchObject({ status: 503, retryAfterMs: 4000 });
  });

  it('never replaces the app’s own httpClient: an app that sets one keeps it, and nothing is recorded', async () => {
    const fetch = refused(429, '3');
    vi.stubGlobal('fetch', fetch);
    const sent: string[] = [];
    class AppClient extends HttpClient {
      send(request: HttpRequest): Promise<HttpResponse> {
        sent.push(`${request.method ?? ''} ${request.url ?? ''}`);
        return Promise.reject(new HttpError('Too Many Requests', 429));
      }
    }
    const advice = new BusyAdvice();
    const builder = blazorBuilder();
    configureServerAdvice(builder, advice);
    builder.withUrl(HUB, { httpClient: new AppClient() });
    await builder.build().start().catch(() => undefined);
    expect(sent).toEqual([`POST ${NEGOTIATE}`]);
    expect(fetch).not.toHaveBeenCalled();
    expect(advice.take()).toBeUndefined();
  });
});

describe('the Blazor host', () => {
  const failingBlazor = (advice: BusyAdvice, error: Error) => ({
    reconnect: () => {
      advice.record(busy);
      return Promise.reject(error);
    },
  });

  it('an attempt whose negotiation answered busy throws a ServerBusyError with Blazor’s error as cause', async () => {
    const advice = new BusyAdvice();
    const blazorError = new Error("Failed to complete negotiation with the server: HttpError: …: Status code '429'");
    const host = createBlazorHost(() => failingBlazor(advice, blazorError), busy.url, advice);
    const error = await host.attempt().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerBusyError);
    expect(error).toMatchObject({ ...busy, cause: blazorError });
  });

  it('otherwise throws what Blazor threw: without advice, or when the busy answer came before the attempt', async () => {
    const offline = new Error('Failed to fetch');
    const plain = createBlazorHost(() => ({ reconnect: () => Promise.reject(offline) }), busy.url);
    expect(await plain.attempt().catch((e: unknown) => e)).toBe(offline);
    const advice = new BusyAdvice();
    advice.record(busy); // e.g. the page's first start, refused
    const host = createBlazorHost(() => ({ reconnect: () => Promise.reject(offline) }), busy.url, advice);
    expect(await host.attempt().catch((e: unknown) => e)).toBe(offline);
  });
});

describe('the handler waits what the server asked', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });

  /** The times (ms after the drop) of Blazor.reconnect() calls, the first refused with `advice`. */
  async function attemptTimes(recordAdvice: boolean): Promise<number[]> {
    pageModal();
    const advice = new BusyAdvice();
    const handler = blazorReconnectionHandler({ retryIntervalMilliseconds: 100, dialogDelayMilliseconds: 0 }, advice);
    const start = Date.now();
    const calls: number[] = [];
    (window as Window & { Blazor?: unknown }).Blazor = {
      reconnect: () => {
        calls.push(Date.now() - start);
        if (calls.length > 1) {
          handler.onConnectionUp();
          return Promise.resolve(true);
        }
        if (recordAdvice) advice.record(busy);
        return Promise.reject(new Error("Status code '429'"));
      },
    };
    handler.onConnectionDown(defaultReconnectionOptions(), new Error('closed'));
    await vi.advanceTimersByTimeAsync(5000);
    return calls;
  }

  it('with the advice: the next attempt after Retry-After (2 s, jitter 0), not the policy’s 100 ms', async () => {
    expect(await attemptTimes(true)).toEqual([100, 2100]);
  });

  it('without it (a page not using configureSignalR): the policy’s wait, as before', async () => {
    expect(await attemptTimes(false)).toEqual([100, 200]);
  });
});
