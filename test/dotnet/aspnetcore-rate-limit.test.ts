// The ASP.NET Core sample with its negotiation rate limiter on (--RateLimit:NegotiatePerSecond):
// ASP.NET Core's token bucket refuses the negotiations over the rate with 429 and Retry-After,
// leaves every other request alone, and the library's client reads the advice into a
// ServerBusyError whose wait the reconnection core keeps (Node's fetch, real Kestrel).
import { LogLevel } from '@microsoft/signalr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerBusyError } from '../../src/errors/index';
import { classifyConnectFailure } from '../../src/hosts/circuit/connect-failure';
import { createConnectionFactory } from '../../src/hosts/circuit/connection-factory';
import { resolveOptions } from '../../src/options/resolve-options';
import { nextWait } from '../../src/reconnection/next-wait';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';

const skip = skipWithoutDotnetApps([DOTNET_PROJECTS.aspnetcore]);

describe.skipIf(skip)('ASP.NET Core sample, negotiation rate limiter', () => {
  let app: DotnetApp;

  beforeAll(async () => {
    // 1 per second, 1 at once: a burst of negotiations is mostly refused.
    app = await startDotnetApp({ project: DOTNET_PROJECTS.aspnetcore, args: ['--RateLimit:NegotiatePerSecond=1', '--RateLimit:Burst=1'] });
  });

  afterAll(async () => {
    await app.stop();
  });

  const negotiate = () => fetch(`${app.url}/chat/negotiate?negotiateVersion=1`, { method: 'POST' });

  it('answers a burst of negotiations 429 with Retry-After in whole seconds, and nothing else', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, negotiate));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(6);
    expect(refused.map((answer) => answer.headers.get('Retry-After'))).toEqual(refused.map(() => '1'));
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
    // Static files and other endpoints are not limited.
    const pages = await Promise.all(Array.from({ length: 8 }, () => fetch(`${app.url}/circuits`)));
    expect(pages.map((page) => page.status)).toEqual(pages.map(() => 200));
  });

  it("the library's connection turns the refusal into a ServerBusyError, and the next wait keeps it", async () => {
    const create = createConnectionFactory(resolveOptions({ logLevel: LogLevel.None }), `${app.url}/`);
    // Use up the bucket, then start a real SignalR connection through the library's factory.
    await Promise.all(Array.from({ length: 4 }, negotiate));
    const connection = create();
    const error = await connection.start().then(() => undefined, (failure: unknown) => failure);
    await connection.stop();
    const failure = classifyConnectFailure(error, { url: connection.baseUrl, firstTry: false, starting: false, circuitHandshake: true });
    expect('raise' in failure && failure.raise).toBeInstanceOf(ServerBusyError);
    expect(failure).toMatchObject({ raise: { status: 429, retryAfterMs: 1000 } });
    const busy = (failure as { raise: ServerBusyError }).raise;
    // The default policy's second wait is under 1 s; the server's 1 s (plus jitter) wins.
    const waits = [0, 0.5, 0.999].map((unit) => nextWait({ maxRetries: 92, retryIntervalMilliseconds: 0 }, 1, busy, () => unit));
    expect(waits).toEqual([1000, 1500, 1999]);
  });
});
