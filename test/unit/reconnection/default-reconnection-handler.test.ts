import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CircuitNotInitializedError } from '../../../src/errors/circuit-not-initialized-error';
import { defaultReconnectionOptions } from '../../../src/options/defaults';
import type { ReconnectionOptions } from '../../../src/options/types';
import { DefaultReconnectionHandler } from '../../../src/reconnection/default-reconnection-handler';
import type { ReconnectionHost } from '../../../src/reconnection/host';
import type { ReconnectionDisplay } from '../../../src/ui/reconnection-display';
import { FakePageSignals } from '../support/fake-page-signals';
import { RecordingDisplay } from '../support/recording-display';
import { RecordingLogger } from '../support/recording-logger';
import { expectErrorLog } from '../support/verify-logs';

const options = (overrides: Partial<ReconnectionOptions> = {}): ReconnectionOptions => ({
  ...defaultReconnectionOptions(),
  dialogDelayMilliseconds: 0,
  retryIntervalMilliseconds: 1000,
  ...overrides,
});

function handlerWith(display: ReconnectionDisplay, host?: ReconnectionHost) {
  const logger = new RecordingLogger();
  const handler = new DefaultReconnectionHandler({
    selectDisplay: () => display,
    logger,
    signals: new FakePageSignals(),
    ...(host ? { host } : {}),
  });
  return { handler, logger };
}

/** A display whose `method` always throws, recording the other calls. */
function throwingDisplay(method: keyof RecordingDisplay): RecordingDisplay {
  const display = new RecordingDisplay();
  Object.assign(display, {
    [method]: () => {
      throw new Error(`${method} broke`);
    },
  });
  return display;
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe('a display that throws never stops reconnection', () => {
  it('show() throwing: the attempts still run, and the next outage is handled too', async () => {
    expectErrorLog(/^display\.show threw\.$/);
    const attempt = vi.fn(() => Promise.reject(new Error('down')));
    const { handler } = handlerWith(throwingDisplay('show'), { attempt });
    handler.onConnectionDown(options());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(attempt.mock.calls.length).toBeGreaterThanOrEqual(9);
    handler.onConnectionUp();
    attempt.mockClear();
    handler.onConnectionDown(options());
    await vi.advanceTimersByTimeAsync(2_000);
    expect(attempt).toHaveBeenCalled();
    handler.dispose();
  });

  it('update() throwing on every tick: the countdown goes on, logged once at Error', async () => {
    expectErrorLog(/^display\.update threw\.$/);
    const attempt = vi.fn(() => Promise.reject(new Error('down')));
    const { handler, logger } = handlerWith(throwingDisplay('update'), { attempt });
    handler.onConnectionDown(options({ retryIntervalMilliseconds: 3000 }));
    await vi.advanceTimersByTimeAsync(9_000);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(logger.errors()).toHaveLength(1);
    handler.dispose();
  });

  it('selectDisplay throwing: the built-in dialog is used instead', async () => {
    expectErrorLog(/^selectDisplay threw\.$/);
    const logger = new RecordingLogger();
    const handler = new DefaultReconnectionHandler({
      selectDisplay: () => {
        throw new Error('page bug');
      },
      logger,
      signals: new FakePageSignals(),
      host: { attempt: () => Promise.resolve(true) },
    });
    handler.onConnectionDown(options());
    expect(document.querySelector('[data-reconnect-dialog]')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    handler.dispose();
  });
});

describe('pause (Blazor 10)', () => {
  it('isPausing is no outage: no attempt, and the second connection-down of the closing socket is ignored', async () => {
    const display = new RecordingDisplay();
    const attempt = vi.fn(() => Promise.resolve(true));
    const { handler } = handlerWith(display, { attempt, resume: () => Promise.resolve(true) });
    handler.onConnectionDown(options(), undefined, true, false);
    handler.onConnectionDown(options());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempt).not.toHaveBeenCalled();
    expect(display.take()).toEqual(['show', 'paused false']);
    handler.onConnectionUp();
    expect(display.take()).toEqual(['hide']);
  });
});

describe('hosts', () => {
  it('a handler built without a host is attached to the host it is given to, which hears each outcome', async () => {
    const settled = vi.fn();
    const { handler } = handlerWith(new RecordingDisplay());
    handler.attach({ attempt: () => Promise.reject(new Error('down')), settled });
    handler.onConnectionDown(options({ maxRetries: 2 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(settled).toHaveBeenCalledExactlyOnceWith('failed', 2, expect.objectContaining({ message: 'down' }));
    handler.dispose();
  });

  it('without any host, attempts reject with "Circuit host not initialized." as Blazor\'s do', async () => {
    const logger = new RecordingLogger();
    const handler = new DefaultReconnectionHandler({ selectDisplay: () => new RecordingDisplay(), logger, signals: new FakePageSignals() });
    handler.onConnectionDown(options({ maxRetries: 1 }));
    await vi.advanceTimersByTimeAsync(5_000);
    const failure = logger.entries.find((entry) => entry.message === 'Attempt 1 failed.');
    expect(failure?.error).toBeInstanceOf(CircuitNotInitializedError);
    handler.dispose();
  });

  it('options given to the handler win over the ones onConnectionDown receives', async () => {
    const display = new RecordingDisplay();
    const logger = new RecordingLogger();
    const handler = new DefaultReconnectionHandler({
      selectDisplay: () => display,
      logger,
      signals: new FakePageSignals(),
      options: options({ maxRetries: 1, retryIntervalMilliseconds: 0 }),
      host: { attempt: () => Promise.reject(new Error('down')) },
    });
    handler.onConnectionDown(options({ maxRetries: 30, retryIntervalMilliseconds: 5000 }));
    await vi.advanceTimersByTimeAsync(100);
    expect(display.take()).toEqual(['show', 'update 1 0', 'failed']);
    handler.dispose();
  });
});
