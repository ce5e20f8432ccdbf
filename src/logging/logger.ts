import type { LogLevel } from '@microsoft/signalr';

// SignalR's `LogLevel` values as plain numbers: importing the enum object would put SignalR's
// module into the Blazor handler script, which must carry none of SignalR.
export const TRACE = 0;
export const DEBUG = 1;
export const INFORMATION = 2;
export const WARNING = 3;
export const ERROR = 4;

/** Where the library writes its diagnostics; the same shape as @microsoft/signalr's `ILogger`. */
export interface Logger {
  /** @param level - a {@link LogLevel} value, from 0 (Trace) to 5 (Critical). */
  log(level: number, message: string, error?: unknown): void;
}

/** The console method for each level from Trace to Critical (None writes nothing). */
const METHODS: readonly ('debug' | 'info' | 'warn' | 'error')[] = ['debug', 'debug', 'info', 'warn', 'error', 'error'];

/**
 * A console logger that drops messages below `minimumLevel`. Secrets (the circuit id) are only
 * ever passed at `LogLevel.Trace`, so the default level (Warning) never prints them. No timestamp
 * or level name: the console method already carries the level, and devtools shows the time.
 * A closure rather than a class: nothing outside needs the type, and the minifier shortens locals.
 */
export const createConsoleLogger = (minimumLevel: LogLevel): Logger => ({
  log(level: LogLevel, message: string, error?: unknown) {
    const method = METHODS[level];
    if (level >= minimumLevel && method) console[method]('[circuit-reconnect] ' + message, ...(error === undefined ? [] : [error]));
  },
});

/** A logger that says nothing: the default for objects built before `start()` chose a level. */
export const silentLogger: Logger = { log: () => undefined };
