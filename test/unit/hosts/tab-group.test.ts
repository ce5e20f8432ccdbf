// Each host names the server its tab reconnects to, so that tabs on the same hub share outages
// (reconnectionOptions.coordinateTabs); the core never sees a circuit id there.
import { describe, expect, it } from 'vitest';
import { createBlazorHost } from '../../../src/hosts/blazor/blazor-host';
import type { ReconnectionHost } from '../../../src/reconnection/host';
import { setup } from './circuit/circuit-fixture';

describe("a host's tab group is its hub URL", () => {
  it('circuit host: the URL its connections negotiate with (after configureSignalR), not the circuit id', async () => {
    let attached: ReconnectionHost | undefined;
    const handler = {
      onConnectionDown: () => undefined,
      onConnectionUp: () => undefined,
      attach: (host: ReconnectionHost) => {
        attached = host;
      },
    };
    const { host, server } = setup({ reconnectionHandler: handler });
    await host.started;
    expect(attached?.tabGroup).toBe(server.hubUrl);
    expect(attached?.tabGroup).toBe('http://localhost/_blazor');
  });

  it('Blazor host: the hub URL it is given', () => {
    expect(createBlazorHost(() => undefined, 'https://app.example/_blazor').tabGroup).toBe('https://app.example/_blazor');
    expect(createBlazorHost(() => undefined).tabGroup).toBeUndefined();
  });
});
