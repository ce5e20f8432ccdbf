// A circuit host over the fake SignalR server, with a handler that records what it is told.
import { afterEach, beforeEach } from 'vitest';
import type { CircuitHost } from '../../../../src/hosts/circuit/circuit-host';
import { createCircuitHost } from '../../../../src/hosts/circuit/circuit-host';
import { resolveOptions } from '../../../../src/options/resolve-options';
import type { CircuitStartOptions, ReconnectionHandler } from '../../../../src/options/types';
import type { OutageOutcome, ReconnectionHost } from '../../../../src/reconnection/host';
import { FakeServer } from '../../support/fake-hub-connection';
import { RecordingLogger } from '../../support/recording-logger';

let hosts: CircuitHost[] = [];

/** Makes a host, which starts at once: `prepare` scripts the server for that first start. */
export function setup(options: CircuitStartOptions = {}, prepare: (server: FakeServer) => void = () => undefined) {
  const server = new FakeServer();
  prepare(server);
  const logger = new RecordingLogger();
  const events: string[] = [];
  let attached: ReconnectionHost | undefined;
  // Attachable, as the library's own handlers are: the host gives it the outcome callback.
  const handler: ReconnectionHandler & { attach(host: ReconnectionHost): void } = {
    onConnectionDown: (_options, error) => events.push(`down: ${error?.message ?? ''}`),
    onConnectionUp: () => events.push('up'),
    attach: (host) => {
      attached = host;
    },
  };
  /** What the core reports when an outage ends after `attempts` attempts. */
  const reportOutcome = (outcome: OutageOutcome, attempts: number, cause?: unknown): void => {
    attached?.settled?.(outcome, attempts, cause);
  };
  const host = createCircuitHost(
    resolveOptions({
      circuitHandlers: [{ onCircuitOpened: () => events.push('opened'), onCircuitClosed: () => events.push('closed') }],
      ...options,
    }),
    options.reconnectionHandler ?? handler,
    logger,
    window,
    server.factory,
  );
  hosts.push(host);
  return { server, logger, events, host, reportOutcome };
}

beforeEach(() => {
  hosts = [];
});
afterEach(() => {
  hosts.forEach((host) => {
    host.dispose();
  });
});

