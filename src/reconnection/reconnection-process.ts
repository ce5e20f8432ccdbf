import type { Logger } from '../logging/logger';
import { LogLevel } from '../logging/logger';
import type { ReconnectionOptions } from '../options/types';
import { nextRetryDelay } from '../retry/next-retry-delay';
import type { Clock } from './clock';
import { Countdown } from './countdown';
import type { PageSignal, PageSignals } from './page-signals';
import type { ReconnectionDisplay } from './reconnection-display';

/**
 * Where one outage stands.
 * - `idle`: built, not started.
 * - `waiting`: counting down to the next attempt.
 * - `attempting`: an attempt is in flight.
 * - `offline`: the browser reports no network; nothing is attempted or counted.
 * - `failed`: the policy stopped; a retry signal or `retryNow()` makes one more attempt.
 * - `rejected`, `resumed`, `disposed`: final.
 */
export type ReconnectionState =
  | 'idle'
  | 'waiting'
  | 'attempting'
  | 'offline'
  | 'failed'
  | 'rejected'
  | 'resumed'
  | 'disposed';

/** How an outage ended. `failed` may be followed by another outcome after a manual retry. */
export type ReconnectionOutcome = 'resumed' | 'rejected' | 'failed' | 'disposed';

export interface ReconnectionProcessOptions {
  readonly options: ReconnectionOptions;
  readonly display: ReconnectionDisplay;
  /** One attempt: `true` resumed, `false` rejected (server reached, circuit gone), throws = unreachable. */
  readonly attempt: () => Promise<boolean>;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly signals: PageSignals;
  readonly onEnd?: (outcome: ReconnectionOutcome) => void;
}

/**
 * One outage, from connection-down to resumed, rejected or failed: an explicit state machine.
 * `setState` is the only place the state changes; every `await` is followed by a check that the
 * process was not disposed or overtaken meanwhile. The one timer and the signal subscription live
 * here and are released by every final state.
 */
export class ReconnectionProcess {
  private currentState: ReconnectionState = 'idle';
  private previousAttempts = 0;
  private readonly countdown: Countdown;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly config: ReconnectionProcessOptions) {
    this.countdown = new Countdown(config.clock);
  }

  get state(): ReconnectionState {
    return this.currentState;
  }

  /** Attempts made in this outage so far. */
  get attempts(): number {
    return this.previousAttempts;
  }

  /** `true` until the outage reached a final state (failed still counts as active: it can retry). */
  get isActive(): boolean {
    return this.currentState !== 'resumed' && this.currentState !== 'rejected' && this.currentState !== 'disposed';
  }

  start(): void {
    if (this.currentState !== 'idle') return;
    this.unsubscribe = this.config.signals.subscribe((signal) => {
      this.onSignal(signal);
    });
    this.setState('waiting');
    this.config.display.show();
    if (!this.config.signals.isOnline()) {
      this.goOffline();
      return;
    }
    this.scheduleNextAttempt();
  }

  /**
   * Attempt now: skips a running countdown, leaves `offline` or `failed`. Used by the Retry button
   * and by the page signals (visible, online, restored from the back/forward cache).
   */
  retryNow(): void {
    switch (this.currentState) {
      case 'waiting':
        this.countdown.cancel();
        this.config.display.update(this.previousAttempts + 1, 0);
        void this.runAttempt(false);
        return;
      case 'offline':
        this.config.display.show();
        this.config.display.update(this.previousAttempts + 1, 0);
        void this.runAttempt(false);
        return;
      case 'failed':
        this.config.display.show();
        this.config.display.update(this.previousAttempts + 1, 0);
        void this.runAttempt(true);
        return;
      default:
        return;
    }
  }

  /** Ends the outage because the connection is up (or the page no longer needs it): hides the display. */
  dispose(): void {
    if (this.currentState === 'disposed') return;
    const wasShowing = this.currentState !== 'resumed' && this.currentState !== 'idle';
    this.release();
    this.setState('disposed');
    if (wasShowing) this.config.display.hide();
    this.config.onEnd?.('disposed');
  }

  private onSignal(signal: PageSignal): void {
    if (signal === 'offline') {
      if (this.currentState === 'waiting') {
        this.countdown.cancel();
        this.goOffline();
      }
      // An attempt in flight finishes first; its failure path checks `isOnline()`.
      return;
    }
    if (this.currentState === 'offline' && signal !== 'online' && !this.config.signals.isOnline()) return;
    this.retryNow();
  }

  private goOffline(): void {
    this.setState('offline');
    this.config.display.offline();
  }

  private scheduleNextAttempt(): void {
    const decision = nextRetryDelay(this.config.options, this.previousAttempts);
    if (decision.kind === 'invalid') {
      this.config.logger.log(LogLevel.Error, decision.error.message, decision.error);
      this.fail();
      return;
    }
    if (decision.kind === 'stop') {
      this.fail();
      return;
    }
    const currentAttempt = this.previousAttempts + 1;
    this.setState('waiting');
    this.countdown.start(decision.delayMs, {
      tick: (secondsLeft) => {
        this.config.display.update(currentAttempt, secondsLeft);
      },
      done: () => {
        void this.runAttempt(false);
      },
    });
  }

  /** @param manual - asked for by hand after `failed` (Retry): an unreachable server fails again. */
  private async runAttempt(manual: boolean): Promise<void> {
    this.setState('attempting');
    const attemptNumber = this.previousAttempts + 1;
    let outcome: boolean;
    try {
      outcome = await this.config.attempt();
    } catch (error) {
      if (this.currentState !== 'attempting') return;
      this.previousAttempts = attemptNumber;
      this.config.logger.log(LogLevel.Information, `Reconnection attempt ${attemptNumber} did not reach the server.`, error);
      this.afterUnreachable(manual);
      return;
    }
    // The attempt may have resolved after a dispose (the connection came up some other way).
    if (this.currentState !== 'attempting') return;
    this.previousAttempts = attemptNumber;
    if (outcome) this.finish('resumed');
    else this.finish('rejected');
  }

  private afterUnreachable(manual: boolean): void {
    if (manual) {
      this.fail();
      return;
    }
    if (!this.config.signals.isOnline()) {
      this.goOffline();
      return;
    }
    this.scheduleNextAttempt();
  }

  private fail(): void {
    this.countdown.cancel();
    this.setState('failed');
    this.config.display.failed();
    this.config.onEnd?.('failed');
  }

  private finish(outcome: 'resumed' | 'rejected'): void {
    this.release();
    this.setState(outcome);
    if (outcome === 'resumed') this.config.display.hide();
    else this.config.display.rejected();
    this.config.onEnd?.(outcome);
  }

  private release(): void {
    this.countdown.cancel();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private setState(next: ReconnectionState): void {
    if (this.currentState === next) return;
    this.config.logger.log(LogLevel.Debug, `Reconnection: ${this.currentState} -> ${next}.`);
    this.currentState = next;
  }
}
