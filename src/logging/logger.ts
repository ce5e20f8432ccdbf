import { LogLevel } from '@microsoft/signalr';

export { LogLevel };

/** Where the library writes its diagnostics; the same shape as @microsoft/signalr's `ILogger`. */
export interface Logger {
  log(level: LogLevel, message: string, error?: unknown): void;
}

const PREFIX = '[circuit-reconnect]';

/**
 * A console logger that drops messages below `minimumLevel`. Secrets (the circuit id) are only
 * ever passed at `LogLevel.Trace`, so the default level (Warning) never prints them.
 */
export class ConsoleLogger implements Logger {
  constructor(private readonly minimumLevel: LogLevel) {}

  log(level: LogLevel, message: string, error?: unknown): void {
    if (level < this.minimumLevel || level === LogLevel.None) return;
    const text = `${PREFIX} ${new Date().toISOString()} ${LogLevel[level]}: ${message}`;
    const extra = error === undefined ? [] : [error];
    if (level >= LogLevel.Error) console.error(text, ...extra);
    else if (level === LogLevel.Warning) console.warn(text, ...extra);
    else if (level === LogLevel.Information) console.info(text, ...extra);
    else console.debug(text, ...extra);
  }
}

/** A logger that says nothing: the default for objects built before `start()` chose a level. */
export const silentLogger: Logger = { log: () => undefined };
