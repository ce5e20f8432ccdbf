// circuit-reconnect's Blazor handler in the Blazor Web App (its own blazor.web.js) while the app
// sheds load on /_blazor/negotiate with ASP.NET Core's rate limiter (429, Retry-After: 2). With
// CircuitReconnect.configureSignalR (the example's default), Blazor's connection reads the header
// and the handler's next attempt waits at least 2 s (plus a jitter under 1 s) instead of its
// policy's 300 ms, then resumes the same circuit. Without it (ServerAdvice=false), the policy's
// wait, as before: what shows the first half can fail.
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { increment } from './support/counter-page';
import { POLICY_ARGS, RATE_LIMIT_ARGS, RETRY_AFTER_MS, busyOutage } from './support/busy-outage';
import { useHandlerApp } from './support/handler-app';
import { readWatch } from './support/handler-watch';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);
/** The core's jitter on top of a server's advice: below max(1 s, Retry-After / 2). */
const MAX_JITTER_MS = 1000;
/** A loaded CI machine's lateness: timers, the page's reporting, Kestrel's answer. */
const SLACK_MS = 1500;

describe.skipIf(skip)('Blazor handler, Blazor Web App: a 429 with Retry-After, with configureSignalR', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp, [...RATE_LIMIT_ARGS, ...POLICY_ARGS]);

  it('waits at least Retry-After (plus jitter) before the next attempt, then resumes the same circuit', async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    const outage = await busyOutage(page, setup.app, setup.proxy);
    console.info(`Retry-After: 2 observed wait ${outage.waitMs} ms; ${outage.report}`);
    expect(outage.refusal).toContain('Failed to complete negotiation');
    expect(outage.waitMs, outage.report).toBeGreaterThanOrEqual(RETRY_AFTER_MS);
    expect(outage.waitMs, outage.report).toBeLessThan(RETRY_AFTER_MS + MAX_JITTER_MS + SLACK_MS);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
    const watch = await readWatch(page);
    expect(watch.blazorUi).toEqual([]);
    expect(watch.blazorHandlerCalls).toEqual([]);
  });
});

describe.skipIf(skip)('Blazor handler, Blazor Web App: a 429 with Retry-After, without configureSignalR', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp, [...RATE_LIMIT_ARGS, ...POLICY_ARGS, '--ServerAdvice=false']);

  it('the policy decides the next wait, as before the helper existed', async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    const outage = await busyOutage(page, setup.app, setup.proxy);
    console.info(`without configureSignalR: wait ${outage.waitMs} ms after the 429; ${outage.report}`);
    expect(outage.waitMs, outage.report).toBeLessThan(RETRY_AFTER_MS - 500);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
  });
});
