// Both entries pair their Blazor handler with their configureSignalR on one page: the handler
// script's `window.CircuitReconnect` and the ES module's `blazorReconnectionHandler` /
// `blazorConfigureSignalR`. A stand-in Blazor builds a real @microsoft/signalr connection with the
// page's configureSignalR at each reconnect, as blazor.web.js does (fetch stubbed, fake timers).
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignalRBuilder } from '../../../../src/hosts/blazor/configure-signalr';
import { defaultReconnectionOptions } from '../../../../src/options/defaults';
import type { ReconnectionHandler } from '../../../../src/options/types';
import { pageModal } from '../../support/page-modal';

const HUB = 'http://localhost/_blazor';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0);
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('', { status: 429, headers: { 'Retry-After': '2' } }))));
});
afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window, 'Blazor');
});

/** The times of Blazor.reconnect() calls after a drop: the first negotiates and is refused. */
async function attemptTimes(handler: ReconnectionHandler, configureSignalR: (builder: SignalRBuilder) => void): Promise<number[]> {
  pageModal();
  const start = Date.now();
  const calls: number[] = [];
  (window as Window & { Blazor?: unknown }).Blazor = {
    reconnect: async () => {
      calls.push(Date.now() - start);
      if (calls.length > 1) {
        handler.onConnectionUp();
        return true;
      }
      const builder = new HubConnectionBuilder().withUrl('_blazor').configureLogging(LogLevel.None);
      configureSignalR(builder);
      await builder.withUrl(HUB).build().start();
      return true;
    },
  };
  handler.onConnectionDown(defaultReconnectionOptions(), new Error('closed'));
  await vi.advanceTimersByTimeAsync(5000);
  return calls;
}

const options = { retryIntervalMilliseconds: 100, dialogDelayMilliseconds: 0 };

describe('a page’s handler and configureSignalR share what the negotiation said', () => {
  it('the handler script: CircuitReconnect.reconnectionHandler with CircuitReconnect.configureSignalR', async () => {
    await import('../../../../src/blazor');
    const api = window.CircuitReconnect;
    if (!api) throw new Error('the handler script defined no window.CircuitReconnect');
    expect(await attemptTimes(api.reconnectionHandler(options), api.configureSignalR)).toEqual([100, 2100]);
  });

  it('the ES module: blazorReconnectionHandler with blazorConfigureSignalR', async () => {
    const { blazorConfigureSignalR, blazorReconnectionHandler } = await import('../../../../src/index');
    expect(await attemptTimes(blazorReconnectionHandler(options), blazorConfigureSignalR)).toEqual([100, 2100]);
  });

  it('a handler without configureSignalR on the page: the policy’s wait', async () => {
    const { blazorReconnectionHandler } = await import('../../../../src/index');
    expect(await attemptTimes(blazorReconnectionHandler(options), () => undefined)).toEqual([100, 200]);
  });
});
