import { LogLevel } from '@microsoft/signalr';

export { LogLevel };

/** Where the library writes its diagnostics; the same shape as @microsoft/signalr's `ILogger`. */
export interface Logger {
  log(level: LogLevel, message: string, error?: unknown): void;
}

/** The console method for each level from Trace to Critical (None writes nothing). */
const METHODS: readonly ('debug' | 'info' | 'warn' | 'error')[] = ['debug', 'debug', 'info', 'warn', 'error', 'error'];

/**
 * A console logger that drops messages below `minimumLevel`. Secrets (the circuit id) are only
 * ever passed at `LogLevel.Trace`, so the default level (Warning) never prints them. No timestamp
 * or level name: the console method already carries the level, and devtools shows the time.
 */
export class ConsoleLogger implements Logger {
  readonly #minimumLevel: LogLevel;

  constructor(minimumLevel: LogLevel) {
    this.#minimumLevel = minimumLevel;
  }

  log(level: LogLevel, message: string, error?: unknown): void {
    const method = METHODS[level];
    if (level < this.#minimumLevel || method === undefined) return;
    console[method]('[circuit-reconnect] ' + message, ...(error === undefined ? [] : [error]));
  }
}

/** A logger that says nothing: the default for objects built before `start()` chose a level. */
export const silentLogger: Logger = { log: () => undefined };
