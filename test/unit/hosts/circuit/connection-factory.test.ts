import { HubConnection, HubConnectionBuilder, JsonHubProtocol, LogLevel } from '@microsoft/signalr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConnectionFactory } from '../../../../src/hosts/circuit/connection-factory';
import { resolveOptions } from '../../../../src/options/resolve-options';
import type { CircuitStartOptions } from '../../../../src/options/types';

function factoryFor(options: CircuitStartOptions, baseUri = 'http://localhost:5000/app/') {
  // Every builder the factory makes passes through withUrl first: record them there.
  const withUrl = vi.spyOn(HubConnectionBuilder.prototype, 'withUrl');
  const builders = withUrl.mock.contexts as HubConnectionBuilder[];
  const create = createConnectionFactory(resolveOptions(options), baseUri);
  return { create, builders };
}

/** The factory's type shows only what the circuit uses; the connection is SignalR's own. */
function signalRConnection(connection: unknown): HubConnection {
  if (!(connection instanceof HubConnection)) throw new Error('not a SignalR HubConnection');
  return connection;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createConnectionFactory', () => {
  it('defaults to _blazor resolved against the base URI', () => {
    const { create } = factoryFor({});
    expect(create().baseUrl).toBe('http://localhost:5000/app/_blazor');
  });

  it('hands configureSignalR the real builder after the defaults, so withUrl("/signalr") wins', () => {
    const seen: unknown[] = [];
    const { create } = factoryFor({
      configureSignalR: (builder) => {
        // What the builder would build before the page's override: the default hub URL.
        seen.push(builder instanceof HubConnectionBuilder, builder.build().baseUrl);
        builder.withUrl('http://localhost:5000/signalr');
      },
    });
    expect(create().baseUrl).toBe('http://localhost:5000/signalr');
    expect(seen).toEqual([true, 'http://localhost:5000/app/_blazor']);
  });

  it('applies withServerTimeout / withKeepAliveInterval / withHubProtocol', () => {
    const protocol = new JsonHubProtocol();
    const { create } = factoryFor({
      configureSignalR: (builder) => builder.withServerTimeout(60000).withKeepAliveInterval(15000).withHubProtocol(protocol),
    });
    const connection = signalRConnection(create());
    expect(connection.serverTimeoutInMilliseconds).toBe(60000);
    expect(connection.keepAliveIntervalInMilliseconds).toBe(15000);
  });

  it('supports the older pattern that replaces builder.build to set serverTimeoutInMilliseconds', () => {
    const built: HubConnection[] = [];
    const { create } = factoryFor({
      configureSignalR: function (builder) {
        const c = builder.build();
        c.serverTimeoutInMilliseconds = 60000;
        built.push(c);
        builder.build = () => {
          return c;
        };
      },
    });
    const first = signalRConnection(create());
    const second = create();
    expect(first).toBe(built[0]);
    expect(first.serverTimeoutInMilliseconds).toBe(60000);
    // A reconnect runs configureSignalR again on a fresh builder: a fresh connection.
    expect(second).toBe(built[1]);
    expect(second).not.toBe(first);
  });

  it('builds a new builder and connection for every call', () => {
    const { create, builders } = factoryFor({});
    expect(create()).not.toBe(create());
    expect(builders).toHaveLength(2);
  });

  it('applies logLevel to the SignalR client logger', () => {
    const configureLogging = vi.spyOn(HubConnectionBuilder.prototype, 'configureLogging');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { create } = factoryFor({ logLevel: LogLevel.Error });
    create();
    expect(configureLogging).toHaveBeenCalledOnce();
    const logger = configureLogging.mock.calls[0]?.[0];
    if (typeof logger !== 'object') throw new Error('configureLogging got no logger');
    logger.log(LogLevel.Warning, 'below the level');
    logger.log(LogLevel.Error, 'at the level');
    expect(warn).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^\[.+\] Error: at the level$/));
  });
});
