// A negotiation answered 429/503 with Retry-After is an outage the server put a time on: the host
// throws a ServerBusyError, whose retryAfterMs the core waits at least. Without the header, the
// answer is an outage as any other.
import { describe, expect, it } from 'vitest';
import { ServerBusyError } from '../../../../src/errors/index';
import { setup } from './circuit-fixture';

describe.each([true, false])('circuitHandshake: %s', (circuitHandshake) => {
  it.each([429, 503])('a reconnect answered %i with Retry-After throws ServerBusyError with the advice', async (status) => {
    const { server, host } = setup({ circuitHandshake });
    await host.started;
    server.last.drop();
    server.negotiateStatus = status;
    server.negotiateRetryAfterMs = 7000;
    const refusal = await host.reconnect().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ServerBusyError);
    expect(refusal).toMatchObject({ name: 'ServerBusyError', status, retryAfterMs: 7000, url: 'http://localhost/_blazor' });
    expect((refusal as Error).message).toBe(`The hub at http://localhost/_blazor is busy: its negotiation answered ${status} with Retry-After 7 s.`);
    expect(host.state).toBe('down');
  });

  it('a 503 without Retry-After is thrown as it came: a plain outage', async () => {
    const { server, host } = setup({ circuitHandshake });
    await host.started;
    server.last.drop();
    server.negotiateStatus = 503;
    const refusal = await host.reconnect().catch((error: unknown) => error);
    expect(refusal).not.toBeInstanceOf(ServerBusyError);
    expect((refusal as Error).message).toContain("Status code '503'");
  });
});
