// One outage of a Blazor Web App page while the app's negotiation rate limiter (ASP.NET Core's,
// --RateLimit:NegotiatePerSecond=0.5 --RateLimit:Burst=1: one negotiation per 2 s, refusals
// answered 429 with Retry-After: 2) has no token left, read from the page's watch.
import type { Page } from 'playwright-core';
import type { DotnetApp } from '../../support/dotnet-app';
import type { TcpProxy } from '../../support/tcp-proxy';
import { delay } from '../../support/wait';
import { waitForHide } from './handler-app';
import { readWatch } from './handler-watch';

/** The limiter's settings: one token, refilled every 2 s, so a refusal says `Retry-After: 2`. */
export const RATE_LIMIT_ARGS = ['--RateLimit:NegotiatePerSecond=0.5', '--RateLimit:Burst=1'];
export const RETRY_AFTER_MS = 2000;
/** The handler's policy in these pages: 300 ms between attempts, far below the server's advice. */
export const POLICY_ARGS = ['--ReconnectOptions={"retryIntervalMilliseconds":300,"maxRetries":100}'];

/** Waits until the bucket has refilled (one period and a margin), so the page's first start is admitted. */
export const waitForToken = (): Promise<void> => delay(RETRY_AFTER_MS + 200);

/** Takes the bucket's token (negotiating from Node, past the proxy) until a negotiation is refused. */
export async function exhaustNegotiations(app: DotnetApp): Promise<void> {
  for (let tries = 0; tries < 5; tries++) {
    const answer = await fetch(`${app.url}/_blazor/negotiate?negotiateVersion=1`, { method: 'POST' });
    await answer.body?.cancel();
    if (answer.status === 429) return;
  }
  throw new Error('the negotiation rate limiter never refused: is --RateLimit:NegotiatePerSecond set?');
}

/** What one outage showed: the first refused attempt's answer and the wait until the next attempt. */
export interface BusyOutage {
  /** What `Blazor.reconnect()` threw the first time it was refused (Blazor's own error text). */
  readonly refusal: string;
  /** Milliseconds from that refusal to the next `Blazor.reconnect()` call. */
  readonly waitMs: number;
  /** Every attempt and answer of the outage, for the report. */
  readonly report: string;
}

/**
 * Cuts the page's connection while the bucket is empty and waits for the handler to resume.
 * The bucket refills on the limiter's own 2 s clock: when a refill lands between the exhaustion
 * and the page's first attempt, that attempt is admitted and the outage shows no refusal; the
 * scenario is then run again (at most `tries` times).
 * @param refuseMs - new connections are refused this long after the cut: over Long Polling,
 *   Chromium sends a poll cut on a reused connection again on a new one, and the connection
 *   would never see the cut.
 */
export async function busyOutage(page: Page, app: DotnetApp, proxy: TcpProxy, refuseMs = 0, tries = 4): Promise<BusyOutage> {
  const seen: string[] = [];
  for (let run = 0; run < tries; run++) {
    await exhaustNegotiations(app);
    const since = Date.now();
    proxy.refuse(refuseMs);
    proxy.cut();
    await waitForHide(page, since);
    const watch = await readWatch(page);
    const answers = watch.answers.filter((entry) => entry.name === 'reconnect' && entry.at >= since);
    const calls = watch.calls.filter((entry) => entry.name === 'reconnect' && entry.at >= since);
    const report = `calls ${JSON.stringify(calls.map((c) => c.at - since))} answers ${JSON.stringify(answers.map((a) => `${a.answer.slice(0, 90)}@${a.at - since}`))}`;
    seen.push(report);
    const refused = answers.find((entry) => entry.answer.includes("Status code '429'"));
    const next = refused && calls.find((call) => call.at >= refused.at);
    if (refused && next) return { refusal: refused.answer, waitMs: next.at - refused.at, report };
    await waitForToken();
  }
  throw new Error(`no attempt was refused in ${tries} outages:\n${seen.join('\n')}`);
}
