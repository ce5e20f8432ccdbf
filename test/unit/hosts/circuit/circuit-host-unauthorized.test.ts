// A negotiation answered 401 or 403 is neither an outage nor a rejection: the host throws an
// UnauthorizedError, which the core turns into the `unauthorized` state.
import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../../../src/errors/index';
import { setup } from './circuit-fixture';

describe.each([true, false])('circuitHandshake: %s', (circuitHandshake) => {
  it.each([401, 403])('a reconnect whose negotiation answers %i throws UnauthorizedError, and stops that connection', async (status) => {
    const { server, host } = setup({ circuitHandshake });
    await host.started;
    server.last.drop();
    server.negotiateStatus = status;
    const refusal = await host.reconnect().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UnauthorizedError);
    expect(refusal).toMatchObject({ name: 'UnauthorizedError', status, url: 'http://localhost/_blazor' });
    expect((refusal as Error).message).toBe(
      `The hub at http://localhost/_blazor refused the sign-in: its negotiation answered ${status}.`,
    );
    expect(host.state).toBe('down');
    expect(server.last.stopCalls).toBe(0);
  });

  it('a first start answered 401 reports an unauthorized connection-down, and start() waits for a sign-in', async () => {
    const { server, host, events, logger } = setup({ circuitHandshake }, (fake) => {
      fake.negotiateStatus = 401;
    });
    let settled = false;
    void host.started.then(() => (settled = true));
    await expect.poll(() => events).toEqual([
      'down: The hub at http://localhost/_blazor refused the sign-in: its negotiation answered 401.',
    ]);
    // No "Start failed; retrying": nothing is retried until the sign-in.
    expect(logger.entries.map((entry) => entry.message)).not.toContain('Start failed; retrying.');
    server.negotiateStatus = undefined;
    await expect(host.reconnect()).resolves.toBe(true);
    await host.started;
    expect(settled).toBe(true);
    expect(host.state).toBe('connected');
  });
});
