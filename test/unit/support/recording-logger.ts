import { LogLevel } from '@microsoft/signalr';
import type { Logger } from '../../../src/logging/logger';
import { isErrorLevel, reportError } from './verify-logs';

export { LogLevel };

export interface LogEntry {
  /** A `LogLevel` value, as a number: the library logs with plain numbers. */
  level: number;
  message: string;
  error: unknown;
}

/**
 * A logger that keeps every entry, so tests can assert what was (and was not) logged. Its
 * Error-level entries go through the global check: a test expecting one says so with
 * `expectErrorLog` (test/unit/support/verify-logs.ts).
 */
export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = [];

  log(level: number, message: string, error?: unknown): void {
    this.entries.push({ level, message, error });
    if (isErrorLevel(level)) reportError('logger', message, error);
  }

  atOrAbove(level: number): LogEntry[] {
    return this.entries.filter((entry) => entry.level >= level);
  }

  errors(): LogEntry[] {
    return this.atOrAbove(LogLevel.Error);
  }

  /** The messages logged at exactly `level`. */
  messagesAt(level: number): string[] {
    return this.entries.filter((entry) => entry.level === level).map((entry) => entry.message);
  }

  /** Everything written at a level a default page would show (Warning and up) as one string. */
  visibleText(): string {
    return this.atOrAbove(LogLevel.Warning)
      .map((entry) => `${entry.message} ${String(entry.error)}`)
      .join('\n');
  }
}
