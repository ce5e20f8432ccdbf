import { LogLevel } from '../../../src/logging/logger';
import type { Logger } from '../../../src/logging/logger';

export interface LogEntry {
  level: LogLevel;
  message: string;
  error: unknown;
}

/** A logger that keeps every entry, so tests can assert what was (and was not) logged. */
export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = [];

  log(level: LogLevel, message: string, error?: unknown): void {
    this.entries.push({ level, message, error });
  }

  atOrAbove(level: LogLevel): LogEntry[] {
    return this.entries.filter((entry) => entry.level >= level);
  }

  errors(): LogEntry[] {
    return this.atOrAbove(LogLevel.Error);
  }

  /** Everything written at a level a default page would show (Warning and up) as one string. */
  visibleText(): string {
    return this.atOrAbove(LogLevel.Warning)
      .map((entry) => `${entry.message} ${String(entry.error)}`)
      .join('\n');
  }
}
