// circuit-reconnect's Blazor handler with configureSignalR in the Blazor Web App, Blazor's
// connection on Long Polling (--Transport=LongPolling): every HTTP request of the connection
// (negotiate, polls, sends) goes through the handler script's HTTP
// client, since the page's configureSignalR gave it to Blazor's builder; the circuit works over
// it, and a 429 with Retry-After during a reconnect is honoured as over WebSockets.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { increment } from './support/counter-page';
import { POLICY_ARGS, RATE_LIMIT_ARGS, RETRY_AFTER_MS, busyOutage } from './support/busy-outage';
import { useHandlerApp } from './support/handler-app';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);

interface HubRequest {
  method: string;
  path: string;
  /** The script whose code called fetch: the handler script (ours) or blazor.web.js. */
  from: 'handler' | 'blazor' | 'other';
}

/**
 * Records every fetch of the connection's URLs (`/_blazor` and its negotiation; not Blazor's own
 * `/_blazor/initializers`) and which script made it (from the call's stack).
 */
async function recordHubRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const requests: HubRequest[] = [];
    (window as unknown as { __hubRequests: HubRequest[] }).__hubRequests = requests;
    const original = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
      if (url.pathname === '/_blazor' || url.pathname === '/_blazor/negotiate') {
        const stack = new Error('where').stack ?? '';
        const from = stack.includes('circuit-reconnect.blazor') ? 'handler' : stack.includes('blazor.web') ? 'blazor' : 'other';
        requests.push({ method: init?.method ?? 'GET', path: url.pathname, from });
      }
      return original(input, init);
    };
  });
}

const hubRequests = (page: Page): Promise<HubRequest[]> =>
  page.evaluate(() => (window as unknown as { __hubRequests: HubRequest[] }).__hubRequests);

describe.skipIf(skip)('Blazor handler, Blazor Web App on Long Polling, with configureSignalR', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp, ['--Transport=LongPolling', ...RATE_LIMIT_ARGS, ...POLICY_ARGS]);

  it('polls and sends through the handler script’s client; a 429 during the reconnect waits Retry-After', async () => {
    const { page } = await setup.openCounter(recordHubRequests);
    expect(await increment(page)).toEqual({ persisted: 1, plain: 1 });
    const before = await hubRequests(page);
    const kinds = new Set(before.map((request) => `${request.method} ${request.path}`));
    expect([...kinds].sort()).toEqual(['GET /_blazor', 'POST /_blazor', 'POST /_blazor/negotiate']);
    expect(before.filter((request) => request.from !== 'handler')).toEqual([]);

    const outage = await busyOutage(page, setup.app, setup.proxy, 600);
    console.info(`Long Polling, Retry-After: 2 observed wait ${outage.waitMs} ms; ${outage.report}`);
    expect(outage.waitMs, outage.report).toBeGreaterThanOrEqual(RETRY_AFTER_MS);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
    expect((await hubRequests(page)).filter((request) => request.from !== 'handler')).toEqual([]);
  });
});
