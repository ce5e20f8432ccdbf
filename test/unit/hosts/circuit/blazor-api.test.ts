import { expectErrorLog } from '../../support/verify-logs';
import { describe, expect, it, vi } from 'vitest';
import { createBlazorApi } from '../../../../src/hosts/circuit/blazor-api';
import {
  AlreadyStartedError,
  CircuitNotInitializedError,
  EnvironmentError,
  InvalidOptionError,
  StartFailedError,
} from '../../../../src/errors/index';
import type { ReconnectionHandler } from '../../../../src/options/types';
import { DefaultReconnectionHandler } from '../../../../src/reconnection/default-reconnection-handler';
import { FakeServer } from '../../support/fake-hub-connection';
import { RecordingLogger } from '../../support/recording-logger';

function apiWith(server = new FakeServer()) {
  const logger = new RecordingLogger();
  const api = createBlazorApi({
    createConnection: server.factory,
    logger,
  });
  return { api, server, logger };
}

describe('start()', () => {
  it('resolves to the connected Circuit handle when the circuit is started', async () => {
    const { api, server } = apiWith();
    await expect(api.start()).resolves.toMatchObject({ state: 'connected', connection: server.last });
    expect(server.last.invocations.map((call) => call.method)).toEqual(['StartCircuit']);
  });

  it('a second call throws synchronously Error("Blazor has already started.")', async () => {
    const { api } = apiWith();
    const first = api.start();
    let caught: unknown;
    try {
      void api.start();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toBeInstanceOf(AlreadyStartedError);
    expect((caught as Error).message).toBe('Blazor has already started.');
    await first;
  });

  it('bad options throw synchronously, name the option, and leave the API startable', async () => {
    const { api } = apiWith();
    expect(() => api.start({ reconnectionOptions: { maxRetries: -1 } })).toThrow(
      new InvalidOptionError('reconnectionOptions.maxRetries', -1, 'a non-negative integer'),
    );
    await expect(api.start({ reconnectionOptions: { maxRetries: 3 } })).resolves.toMatchObject({ state: 'connected' });
  });

  it('accepts the Web App shape', async () => {
    const { api, server } = apiWith();
    const onConnectionDown = vi.fn();
    await api.start({
      circuit: {
        reconnectionOptions: { maxRetries: 3, retryIntervalMilliseconds: 2000 },
        reconnectionHandler: { onConnectionDown, onConnectionUp: () => undefined },
      },
    });
    server.last.drop();
    expect(onConnectionDown).toHaveBeenCalledWith(expect.objectContaining({ maxRetries: 3, retryIntervalMilliseconds: 2000 }), expect.any(Error));
  });

  it('without a DOM the error comes at start(), not at creation, and names what is missing', () => {
    vi.stubGlobal('window', undefined);
    try {
      const api = createBlazorApi();
      expect(() => api.start()).toThrow(EnvironmentError);
      expect(() => api.start()).toThrow('circuit-reconnect needs a browser (no window.document).');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('gives the page modal components-reconnect-hide at start', async () => {
    const modal = document.createElement('div');
    modal.id = 'my-modal';
    document.body.append(modal);
    const { api } = apiWith();
    await api.start({ reconnectionOptions: { dialogId: 'my-modal' } });
    expect([...modal.classList]).toEqual(['components-reconnect-hide']);
  });

  it('installs the default handler and exposes it as defaultReconnectionHandler', async () => {
    const { api } = apiWith();
    expect(api.defaultReconnectionHandler).toBeUndefined();
    await api.start();
    expect(api.defaultReconnectionHandler).toBeInstanceOf(DefaultReconnectionHandler);
  });

  it('a custom handler replaces the default one and hears down and up', async () => {
    const events: string[] = [];
    const handler: ReconnectionHandler = {
      onConnectionDown: (options, error) => events.push(`down ${String(options.maxRetries)} ${error?.message ?? ''}`),
      onConnectionUp: () => events.push('up'),
    };
    const { api, server } = apiWith();
    await api.start({ reconnectionHandler: handler });
    expect(api.defaultReconnectionHandler).toBeUndefined();
    server.last.drop(new Error('gone'));
    await expect(api.reconnect()).resolves.toBe(true);
    expect(events).toEqual(['down 92 gone', 'up']);
  });

  it('disconnect() does not call onConnectionDown', async () => {
    const onConnectionDown = vi.fn();
    const { api } = apiWith();
    await api.start({ reconnectionHandler: { onConnectionDown, onConnectionUp: () => undefined } });
    api.disconnect();
    expect(onConnectionDown).not.toHaveBeenCalled();
  });

  it('an unreachable first start retries with the policy and rejects only when the retries end failed', async () => {
    expectErrorLog(/^Start failed: the server was not reached after 3 attempt\(s\)\.$/);
    vi.useFakeTimers();
    const server = new FakeServer();
    server.reachable = false;
    const { api } = apiWith(server);
    const started = api.start({ reconnectionOptions: { maxRetries: 2, retryIntervalMilliseconds: 1000 } });
    const settled = started.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2000);
    // The first start, the grace period's extra attempt at 499 ms, and the policy's two retries.
    expect(server.connections).toHaveLength(4);
    const error = await settled;
    expect(error).toBeInstanceOf(StartFailedError);
    // The first start and both retries of the policy (the grace period's attempt is not one).
    expect(error).toMatchObject({ attempts: 3, message: 'Start failed: the server was not reached after 3 attempt(s).' });
    expect((error as Error).cause).toMatchObject({ message: 'Failed to fetch' });
    api.defaultReconnectionHandler?.dispose();
  });

  it('an unreachable first start that comes back resolves start()', async () => {
    vi.useFakeTimers();
    const server = new FakeServer();
    server.reachable = false;
    const { api } = apiWith(server);
    const started = api.start({ reconnectionOptions: { retryIntervalMilliseconds: 1000 } });
    await vi.advanceTimersByTimeAsync(1500);
    server.reachable = true;
    await vi.advanceTimersByTimeAsync(1000);
    await expect(started).resolves.toMatchObject({ state: 'connected' });
    expect(document.querySelector('[data-reconnect-dialog]')?.classList.contains('visible') ?? false).toBe(false);
  });
});

describe('reconnect() and disconnect() before start', () => {
  it('reconnect() rejects with "Circuit host not initialized."', async () => {
    const { api } = apiWith();
    await expect(api.reconnect()).rejects.toThrow(new CircuitNotInitializedError());
  });

  it('disconnect() does nothing', () => {
    const { api } = apiWith();
    expect(() => {
      api.disconnect();
    }).not.toThrow();
  });
});
