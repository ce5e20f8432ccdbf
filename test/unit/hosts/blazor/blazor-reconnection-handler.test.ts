// The Blazor host through its public factory, with `window.Blazor` replaced by a scripted stand-in
// of the three functions the host calls. The real blazor.web.js is exercised by the dotnet suite.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvalidOptionError } from '../../../../src/errors/invalid-option-error';
import { blazorReconnectionHandler } from '../../../../src/hosts/blazor/blazor-reconnection-handler';
import { defaultReconnectionOptions } from '../../../../src/options/defaults';
import { LogLevel } from '@microsoft/signalr';
import type { ReconnectionOptions } from '../../../../src/options/types';
import { pageModal } from '../../support/page-modal';

/** What Blazor 10 passes to onConnectionDown when the page set nothing. */
const blazorDefaults: ReconnectionOptions = {
  ...defaultReconnectionOptions(),
  maxRetries: 30,
  retryIntervalMilliseconds: (previous) => (previous < 10 ? 0 : 5000),
};

interface FakeBlazor {
  reconnect?: ReturnType<typeof vi.fn<() => Promise<boolean>>>;
  resumeCircuit?: ReturnType<typeof vi.fn<() => Promise<boolean>>>;
}
const win = window as Window & { Blazor?: FakeBlazor };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  delete win.Blazor;
});

describe('attempts go through Blazor', () => {
  it('an attempt is Blazor.reconnect(); Blazor calling onConnectionUp itself ends the outage once', async () => {
    const states = pageModal();
    const handler = blazorReconnectionHandler({ dialogDelayMilliseconds: 0 });
    win.Blazor = {
      reconnect: vi.fn(() => {
        handler.onConnectionUp(); // as blazor.web.js does before its promise resolves
        return Promise.resolve(true);
      }),
    };
    handler.onConnectionDown(blazorDefaults, new Error('closed'));
    await vi.advanceTimersByTimeAsync(0);
    expect(win.Blazor.reconnect).toHaveBeenCalledTimes(1);
    expect(states.filter((state) => state !== 'retrying')).toEqual(['show', 'hide']);
  });

  it('false, then resumeCircuit() true (.NET 10): resumed, no rejection', async () => {
    const states = pageModal();
    win.Blazor = { reconnect: vi.fn(() => Promise.resolve(false)), resumeCircuit: vi.fn(() => Promise.resolve(true)) };
    const handler = blazorReconnectionHandler();
    handler.onConnectionDown(blazorDefaults);
    await vi.advanceTimersByTimeAsync(0);
    expect(win.Blazor.resumeCircuit).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toBe('hide');
  });

  it('false without resumeCircuit (.NET 8, 9): rejected at once; the page decides (no reload by the modal display)', async () => {
    const states = pageModal();
    win.Blazor = { reconnect: vi.fn(() => Promise.resolve(false)) };
    const handler = blazorReconnectionHandler();
    handler.onConnectionDown(blazorDefaults);
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('rejected');
  });

  it('before the circuit exists (no Blazor.reconnect yet) an attempt fails and the policy retries', async () => {
    pageModal();
    const handler = blazorReconnectionHandler({ retryIntervalMilliseconds: 1000 });
    handler.onConnectionDown(blazorDefaults);
    await vi.advanceTimersByTimeAsync(500);
    win.Blazor = { reconnect: vi.fn(() => Promise.resolve(true)) };
    await vi.advanceTimersByTimeAsync(2000);
    expect(win.Blazor.reconnect).toHaveBeenCalled();
    handler.onConnectionUp();
  });
});

describe('pause (Blazor 10)', () => {
  it('show then paused, no attempt; the socket closing after the pause changes nothing', async () => {
    const states = pageModal();
    win.Blazor = { reconnect: vi.fn(() => Promise.resolve(true)), resumeCircuit: vi.fn(() => Promise.resolve(true)) };
    const handler = blazorReconnectionHandler();
    handler.onConnectionDown(blazorDefaults, undefined, true, false);
    handler.onConnectionDown(blazorDefaults, undefined);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(win.Blazor.reconnect).not.toHaveBeenCalled();
    expect(states).toEqual(['show', 'paused remote=false']);
    handler.onConnectionUp();
    expect(states.at(-1)).toBe('hide');
  });
});

describe('options', () => {
  it("are this library's, validated like start()'s", () => {
    expect(() => blazorReconnectionHandler({ maxRetries: -1 })).toThrow(InvalidOptionError);
  });

  it("Blazor's own reconnectionOptions decide nothing, and setting them is said once at Information", async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const states = pageModal();
    win.Blazor = { reconnect: vi.fn(() => Promise.reject(new Error('down'))) };
    const handler = blazorReconnectionHandler({ maxRetries: 1, retryIntervalMilliseconds: 0, logLevel: LogLevel.Information });
    handler.onConnectionDown({ ...blazorDefaults, maxRetries: 99, retryIntervalMilliseconds: 60_000 });
    await vi.advanceTimersByTimeAsync(100);
    expect(states.at(-1)).toBe('failed');
    const said = info.mock.calls.map(([message]) => String(message));
    expect(said.filter((message) => message.includes("Blazor's reconnectionOptions are ignored"))).toHaveLength(1);
    handler.onConnectionUp();
    handler.onConnectionDown({ ...blazorDefaults, maxRetries: 99 });
    expect(info.mock.calls.filter(([message]) => String(message).includes('ignored'))).toHaveLength(1);
    handler.onConnectionUp();
  });

  it("Blazor's defaults are not reported", () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    pageModal();
    const handler = blazorReconnectionHandler({ logLevel: LogLevel.Information });
    handler.onConnectionDown(blazorDefaults);
    handler.onConnectionUp();
    handler.onConnectionDown({ ...blazorDefaults, maxRetries: 8, retryIntervalMilliseconds: 20_000 });
    handler.onConnectionUp();
    expect(info.mock.calls.filter(([message]) => String(message).includes('ignored'))).toHaveLength(0);
  });
});
