// Configuration mistakes fail fast and say what to change, instead of retrying behind a dialog.
import { describe, expect, it } from 'vitest';
import { HubNotFoundError } from '../../../../src/errors/index';
import { expectErrorLog } from '../../support/verify-logs';
import { setup } from './circuit-fixture';

describe('a wrong hub URL (404 at the first negotiation)', () => {
  it.each([true, false])('fails the start at once, naming the URL (circuitHandshake: %s)', async (circuitHandshake) => {
    expectErrorLog(/^No hub at http:\/\/localhost\/_blazor: its negotiation answered 404\./);
    const { host, events, server } = setup({ circuitHandshake }, (s) => {
      s.negotiateStatus = 404;
    });
    const error = await host.started.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubNotFoundError);
    expect(error).toMatchObject({ url: 'http://localhost/_blazor' });
    expect((error as Error).message).toContain('configureSignalR');
    // Not an outage: no connection-down, no retry, no dialog.
    expect(events).toEqual([]);
    expect(server.connections).toHaveLength(1);
  });

  it('a 404 after the circuit started is an outage in circuit mode (a deployment may answer it for a moment)', async () => {
    const { host, server } = setup();
    await host.started;
    server.last.drop();
    server.negotiateStatus = 404;
    await expect(host.reconnect()).rejects.toThrow("Status code '404'");
    server.negotiateStatus = undefined;
    await expect(host.reconnect()).resolves.toBe(true);
  });
});
