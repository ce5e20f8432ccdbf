import type { ILogger } from '@microsoft/signalr';
import { LogLevel } from '@microsoft/signalr';

/** SignalR's report of a WebSocket closed with 1001, "going away". */
const GOING_AWAY = /WebSocket closed with status code: 1001\b/;

/**
 * SignalR's own console logger, the same lines (`[time] Level: message`) at the same levels,
 * but for one message. Firefox closes the page's WebSocket with 1001 as soon as a navigation
 * starts, even one that never replaces the page: a file download, a link answered 204
 * (https://bugzil.la/858538, https://bugzil.la/896666). SignalR reports that close at Error;
 * here it is Information, because the circuit host resumes such a close unseen, and a real
 * outage is still reported at Warning by the reconnection handler.
 */
export function createSignalRLogger(minimumLevel: LogLevel): ILogger {
  return {
    log(level, message) {
      const effective = level === LogLevel.Error && GOING_AWAY.test(message) ? LogLevel.Information : level;
      if (effective < minimumLevel || effective === LogLevel.None) return;
      const line = `[${new Date().toISOString()}] ${LogLevel[effective]}: ${message}`;
      if (effective >= LogLevel.Error) console.error(line);
      else if (effective === LogLevel.Warning) console.warn(line);
      else if (effective === LogLevel.Information) console.info(line);
      else console.log(line);
    },
  };
}
