import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { DEFAULT_HUB_PATH } from '../../options/defaults';
import type { ResolvedCircuitOptions } from '../../options/types';
import type { Clock } from '../../timing/clock';
import { systemClock } from '../../timing/clock';
import { ServerAdviceHttpClient } from './server-advice-http-client';
import { createSignalRLogger } from './signalr-logger';

/**
 * Every connection is built afresh, exactly as Blazor does it: a new `HubConnectionBuilder`, the
 * default `withUrl('_blazor')` (against the base URI) and logging (SignalR's, but for a close
 * Firefox makes at a navigation's start: see `createSignalRLogger`), then the page's
 * `configureSignalR(builder)`, then `build()`. So `builder.withUrl('/signalr')`,
 * `withServerTimeout`, `withHubProtocol` and the older `builder.build = () => c` override all apply
 * to the first connection and to every reconnect.
 *
 * The default `withUrl` also sets an `httpClient` that reads a busy negotiation's `Retry-After`
 * (see `ServerAdviceHttpClient`). `withUrl` merges its options, so a page's own
 * `builder.withUrl('/hub', { accessTokenFactory })` keeps it; a page that sets its own
 * `httpClient` replaces it, and its 429/503 answers are then outages like any other.
 * @param baseUri - what the default hub path is resolved against (the page's `document.baseURI`).
 */
export function createConnectionFactory(options: ResolvedCircuitOptions, baseUri: string, clock: Clock = systemClock): () => HubConnection {
  const hubUrl = new URL(DEFAULT_HUB_PATH, baseUri).href;

  return (): HubConnection => {
    const logger = createSignalRLogger(options.logLevel);
    const httpClient = new ServerAdviceHttpClient(logger, clock);
    const builder = new HubConnectionBuilder().withUrl(hubUrl, { httpClient }).configureLogging(logger);
    options.configureSignalR(builder);
    return builder.build();
  };
}
