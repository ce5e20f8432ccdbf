import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { DEFAULT_HUB_PATH } from '../../options/defaults';
import type { ResolvedCircuitOptions } from '../../options/types';
import { createSignalRLogger } from './signalr-logger';

/**
 * Every connection is built afresh, exactly as Blazor does it: a new `HubConnectionBuilder`, the
 * default `withUrl('_blazor')` (against the base URI) and logging (SignalR's, but for a close
 * Firefox makes at a navigation's start: see `createSignalRLogger`), then the page's
 * `configureSignalR(builder)`, then `build()`. So `builder.withUrl('/signalr')`,
 * `withServerTimeout`, `withHubProtocol` and the older `builder.build = () => c` override all apply
 * to the first connection and to every reconnect.
 * @param baseUri - what the default hub path is resolved against (the page's `document.baseURI`).
 */
export function createConnectionFactory(options: ResolvedCircuitOptions, baseUri: string): () => HubConnection {
  const hubUrl = new URL(DEFAULT_HUB_PATH, baseUri).href;

  return (): HubConnection => {
    const builder = new HubConnectionBuilder().withUrl(hubUrl).configureLogging(createSignalRLogger(options.logLevel));
    options.configureSignalR(builder);
    return builder.build();
  };
}
