import type { LogLevel } from '@microsoft/signalr';
import type { Logger } from '../../logging/logger';
import { INFORMATION, createConsoleLogger } from '../../logging/logger';
import { DEFAULT_HUB_PATH } from '../../options/defaults';
import { resolveOptions } from '../../options/resolve-options';
import type { ReconnectionHandler, ReconnectionOptions } from '../../options/types';
import { DefaultReconnectionHandler } from '../../reconnection/default-reconnection-handler';
import { markUserModalHidden } from '../../ui/user-specified-display';
import { restoreInput } from '../../dom/preserve-input/restore-input';
import type { BlazorGlobal } from './blazor-host';
import { createBlazorHost } from './blazor-host';
import type { BusyAdvice } from './busy-advice';
import { listenForDrain } from './circuit-drain';

/** What `CircuitReconnect.reconnectionHandler(options)` takes: this library's reconnection options. */
export interface BlazorHandlerOptions extends Partial<ReconnectionOptions> {
  /** Minimum level this handler writes to the console. @default LogLevel.Warning */
  logLevel?: LogLevel;
}

/** Blazor's own defaults (.NET 8: 8 retries every 20 s; 9 and 10: 30 retries on a schedule). */
const blazorSetTheirOwn = ({ maxRetries, retryIntervalMilliseconds, dialogId }: ReconnectionOptions): boolean => {
  const net8 = maxRetries === 8 && retryIntervalMilliseconds === 20_000;
  const net9 = maxRetries === 30 && typeof retryIntervalMilliseconds === 'function';
  return !(net8 || net9) || dialogId !== 'components-reconnect-modal';
};

/**
 * A reconnection handler for a real Blazor app (blazor.web.js or blazor.server.js): pass it as
 * `Blazor.start({ circuit: { reconnectionHandler } })` (or `{ reconnectionHandler }` for Blazor
 * Server). Blazor keeps its connection; this library decides when to retry, what the page shows
 * and when to reload, with the options given here. Blazor's own `reconnectionOptions` decide
 * nothing any more: setting them is reported once, at Information level.
 * @param advice - the page's, shared with `configureSignalR`'s HTTP client (the entries pass it):
 *   a reconnect refused with `Retry-After` then waits what the server asked.
 * @throws {InvalidOptionError} on a bad option, naming it and the value it got.
 * @example
 * Blazor.start({ circuit: { reconnectionHandler: CircuitReconnect.reconnectionHandler({ maxRetries: 40 }) } });
 */
export function blazorReconnectionHandler(options: BlazorHandlerOptions = {}, advice?: BusyAdvice): ReconnectionHandler {
  const { logLevel, ...reconnectionOptions } = options;
  const resolved = resolveOptions({ reconnectionOptions, ...(logLevel === undefined ? {} : { logLevel }) });
  const logger: Logger = createConsoleLogger(resolved.logLevel);
  const win = window as Window & { Blazor?: BlazorGlobal };
  markUserModalHidden(document, resolved.reconnectionOptions.dialogId);
  // The ES module's path into a Blazor app has no script of its own to restore what the user
  // typed before our reload; the handler script already did (then this finds nothing).
  restoreInput(document);
  // While a drain runs, its pause is the server's update: the display says "Updating…", not
  // "paused", and falls back to the pause (with Resume) when the drain could not resume.
  let draining = false;
  const handler = new DefaultReconnectionHandler({
    host: createBlazorHost(() => win.Blazor, new URL(DEFAULT_HUB_PATH, document.baseURI).href, advice),
    options: resolved.reconnectionOptions,
    isUpdating: () => draining,
    logger,
    document,
  });
  // A farm node that is stopping says so (CircuitReconnect.drain()): pause here, resume elsewhere.
  listenForDrain(document, () => win.Blazor, logger, Math.random, {
    started: () => {
      draining = true;
    },
    ended: (resumed) => {
      draining = false;
      if (!resumed) handler.endUpdate();
    },
  });
  let toldIgnored = false;
  return {
    onConnectionDown(blazorOptions, error, isPausing, remote) {
      if (!toldIgnored && blazorSetTheirOwn(blazorOptions)) {
        toldIgnored = true;
        logger.log(
          INFORMATION,
          "Blazor's reconnectionOptions are ignored: pass them to CircuitReconnect.reconnectionHandler(options).",
        );
      }
      handler.onConnectionDown(blazorOptions, error, isPausing, remote);
    },
    onConnectionUp() {
      handler.onConnectionUp();
    },
  };
}
