// A started circuit and its handle over the messaging fake server, with this library's own
// reconnection handler (so the handle hears the outage's states), page signals the test fires,
// and a recording display.
import { afterEach, vi } from 'vitest';
import { createBlazorApi } from '../../../../src/hosts/circuit/blazor-api';
import type { Circuit } from '../../../../src/hosts/circuit/circuit-handle';
import type { CircuitState } from '../../../../src/hosts/circuit/circuit-state';
import type { CircuitStartOptions } from '../../../../src/options/types';
import { DefaultReconnectionHandler } from '../../../../src/reconnection/default-reconnection-handler';
import { FakePageSignals } from '../../support/fake-page-signals';
import { RecordingDisplay } from '../../support/recording-display';
import { RecordingLogger } from '../../support/recording-logger';
import { MessagingServer } from './messaging-server';

/** Each attempt after a drop waits this long (no jitter): `drop()` then `advance(RETRY_MS)` reconnects. */
export const RETRY_MS = 1000;

const teardown: (() => void)[] = [];
afterEach(() => {
  teardown.splice(0).forEach((end) => {
    end();
  });
});

/** Starts a circuit (fake timers on); `prepare` scripts the server before the first start. */
export async function startCircuit(options: CircuitStartOptions = {}, prepare: (server: MessagingServer) => void = () => undefined) {
  vi.useFakeTimers();
  const server = new MessagingServer();
  prepare(server);
  const logger = new RecordingLogger();
  const signals = new FakePageSignals();
  const handler = new DefaultReconnectionHandler({ logger, signals, selectDisplay: () => new RecordingDisplay() });
  const api = createBlazorApi({ createConnection: server.factory, logger });
  const started = api.start({
    reconnectionHandler: handler,
    ...options,
    reconnectionOptions: { dialogDelayMilliseconds: 0, retryIntervalMilliseconds: RETRY_MS, ...options.reconnectionOptions },
  });
  await vi.advanceTimersByTimeAsync(0);
  const circuit: Circuit = await started;
  teardown.push(() => {
    api.disconnect();
    handler.dispose();
  });
  /** Every state the handle announces from now on, in order. */
  const states: CircuitState[] = [];
  circuit.onStateChange((state) => states.push(state));
  return { api, server, circuit, logger, signals, states };
}

/** Drops the live connection and runs the clock until the next attempt has answered. */
export async function dropAndReconnect(server: MessagingServer): Promise<void> {
  server.last.drop();
  await vi.advanceTimersByTimeAsync(RETRY_MS);
}
