import { DEFAULT_HUB_PATH } from '../../options/defaults';
import type { Clock } from '../../timing/clock';
import { systemClock } from '../../timing/clock';
import { AdviceHttpClient } from './advice-http-client';
import type { BusyAdvice } from './busy-advice';

/**
 * The part of Blazor's `HubConnectionBuilder` that `configureSignalR` uses: `withUrl(url,
 * options)`, given an `httpClient` of the shape of SignalR's `HttpClient` (typed `object` here so
 * the public declarations do not carry the client's class).
 */
export interface SignalRBuilder {
  withUrl(url: string, options: { httpClient: object }): unknown;
}

/**
 * Gives Blazor's connection builder the HTTP client that reads a busy server's `Retry-After`
 * (see `AdviceHttpClient`). It calls `builder.withUrl('_blazor', { httpClient })`, the URL Blazor
 * itself gives the builder; `withUrl` merges its options into those set before, so whatever the
 * app's own `configureSignalR` sets afterwards (a transport, headers, its own `httpClient`)
 * applies on top.
 */
export function configureServerAdvice(builder: SignalRBuilder, advice: BusyAdvice, clock: Clock = systemClock): void {
  builder.withUrl(DEFAULT_HUB_PATH, { httpClient: new AdviceHttpClient(advice, clock) });
}
