import type { ReconnectionDisplay } from '../../../src/ui/reconnection-display';

/** A display that records every call in order, e.g. `['show', 'update 1 0', 'hide']`. */
export class RecordingDisplay implements ReconnectionDisplay {
  readonly calls: string[] = [];

  show(): void {
    this.calls.push('show');
  }
  update(currentAttempt: number, secondsToNextAttempt: number): void {
    this.calls.push(`update ${currentAttempt} ${secondsToNextAttempt}`);
  }
  offline(): void {
    this.calls.push('offline');
  }
  hide(): void {
    this.calls.push('hide');
  }
  failed(): void {
    this.calls.push('failed');
  }
  rejected(): void {
    this.calls.push('rejected');
  }
  paused(remote: boolean): void {
    this.calls.push(`paused ${remote}`);
  }
  resumeFailed(): void {
    this.calls.push('resumeFailed');
  }
  unauthorized(): void {
    this.calls.push('unauthorized');
  }

  /** The calls since the last `take()`. */
  take(): string[] {
    return this.calls.splice(0, this.calls.length);
  }
}
