import { HubConnectionBuilder } from '@microsoft/signalr';
import type { Logger } from '../logging/logger';
import { LogLevel } from '../logging/logger';
import { DEFAULT_HUB_PATH } from '../options/defaults';
import type { ResolvedCircuitOptions } from '../options/types';
import type { ConnectionFactory, HubConnectionLike } from './hub-connection';

export interface ConnectionFactoryOptions {
  readonly options: ResolvedCircuitOptions;
  readonly logger: Logger;
  /** What the default hub path is resolved against. @default document.baseURI */
  readonly baseUri: string;
  /** The builder to start from; a seam for tests. @default () => new HubConnectionBuilder() */
  readonly createBuilder?: () => HubConnectionBuilder;
}

/**
 * Every connection is built afresh, exactly as Blazor does it: a new `HubConnectionBuilder`, the
 * default `withUrl('_blazor')` (against the base URI) and logging, then the page's
 * `configureSignalR(builder)`, then `build()`. So `builder.withUrl('/signalr')`,
 * `withServerTimeout`, `withHubProtocol` and the older `builder.build = () => c` override all apply
 * to the first connection and to every reconnect.
 */
export function createConnectionFactory(factoryOptions: ConnectionFactoryOptions): ConnectionFactory {
  const { options, logger, baseUri } = factoryOptions;
  const createBuilder = factoryOptions.createBuilder ?? (() => new HubConnectionBuilder());
  const hubUrl = new URL(DEFAULT_HUB_PATH, baseUri).href;
  let timeoutsChecked = false;

  return () => {
    const builder = createBuilder().withUrl(hubUrl).configureLogging(options.logLevel);
    options.configureSignalR(builder);
    const connection: HubConnectionLike = builder.build();
    if (!timeoutsChecked) {
      timeoutsChecked = true;
      warnOnShortServerTimeout(connection, logger);
    }
    return connection;
  };
}

/** SignalR's own guidance: the server timeout should be at least twice the keep-alive interval. */
function warnOnShortServerTimeout(connection: HubConnectionLike, logger: Logger): void {
  const { serverTimeoutInMilliseconds: timeout, keepAliveIntervalInMilliseconds: keepAlive } = connection;
  if (timeout < 2 * keepAlive) {
    logger.log(
      LogLevel.Warning,
      `The server timeout (${timeout} ms) is less than twice the keep-alive interval (${keepAlive} ms): ` +
        'the connection may be closed between two pings. Use withServerTimeout(ms) of at least 2 × withKeepAliveInterval(ms).',
    );
  }
}
