// The host's optional `outageChanged` hook: told of every state of an outage, in order, once
// each, so a connection handle can follow it; a throwing hook never stops the outage.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultReconnectionOptions } from '../../../src/options/defaults';
import type { ReconnectionOptions } from '../../../src/options/types';
import { DefaultReconnectionHandler } from '../../../src/reconnection/default-reconnection-handler';
import type { ReconnectionHost } from '../../../src/reconnection/host';
import type { OutageState } from '../../../src/reconnection/reconnection-process';
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

function handlerFor(host: ReconnectionHost, signals = new FakePageSignals()) {
  return new DefaultReconnectionHandler({
    selectDisplay: () => new RecordingDisplay(),
    logger: new RecordingLogger(),
    signals,
    host,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe('ReconnectionHost.outageChanged', () => {
  it('hears every state of an outage in order: waiting, attempting, waiting, attempting, resumed', async () => {
    const states: OutageState[] = [];
    let answers = 0;
    const handler = handlerFor({
      attempt: () => (++answers === 1 ? Promise.reject(new Error('down')) : Promise.resolve(true)),
      outageChanged: (state) => states.push(state),
    });
    handler.onConnectionDown(options());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(states).toEqual(['waiting', 'attempting', 'waiting', 'attempting', 'resumed']);
    handler.dispose();
  });

  it('hears offline, failed and rejected, and disposed when the connection comes back from outside', async () => {
    const states: OutageState[] = [];
    const signals = new FakePageSignals();
    signals.online = false;
    const handler = handlerFor({ attempt: () => Promise.reject(new Error('down')), outageChanged: (s) => states.push(s) }, signals);
    handler.onConnectionDown(options({ maxRetries: 1 }));
    expect(states).toEqual(['waiting', 'offline']);
    signals.fire('online');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(states).toEqual(['waiting', 'offline', 'attempting', 'failed']);
    handler.onConnectionUp();
    expect(states.at(-1)).toBe('disposed');

    const rejectedStates: OutageState[] = [];
    const rejecting = handlerFor({ attempt: () => Promise.resolve(false), outageChanged: (s) => rejectedStates.push(s) });
    rejecting.onConnectionDown(options());
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rejectedStates).toEqual(['waiting', 'attempting', 'rejected']);
    handler.dispose();
    rejecting.dispose();
  });

  it('a hook that throws is logged once and the outage goes on to resume', async () => {
    expectErrorLog(/^host\.outageChanged threw\.$/);
    const attempt = vi.fn(() => Promise.resolve(true));
    const handler = handlerFor({
      attempt,
      outageChanged: () => {
        throw new Error('page bug');
      },
    });
    handler.onConnectionDown(options());
    await vi.advanceTimersByTimeAsync(1_000);
    expect(attempt).toHaveBeenCalledTimes(1);
    handler.dispose();
  });
});
