import type { Logger } from '../logging/logger';
import { DEBUG, ERROR, INFORMATION } from '../logging/logger';
import type { ReconnectionOptions } from '../options/types';
import { nextRetryDelay } from '../retry/next-retry-delay';
import type { Clock } from './clock';
import { startCountdown } from './countdown';
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
 * `#set` is the only place the state changes; every `await` is followed by a check that the
 * process was not disposed or overtaken meanwhile. The one timer (the countdown) and the signal
 * subscription live here and are released by every final state.
 */
export class ReconnectionProcess {
  #state: ReconnectionState = 'idle';
  #attempts = 0;
  #stopCountdown: (() => void) | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #config: ReconnectionProcessOptions;

  constructor(config: ReconnectionProcessOptions) {
    this.#config = config;
  }

  get state(): ReconnectionState {
    return this.#state;
  }

  /** Attempts made in this outage so far. */
  get attempts(): number {
    return this.#attempts;
  }

  /** `true` until the outage reached a final state (failed still counts as active: it can retry). */
  get isActive(): boolean {
    const state = this.#state;
    return state !== 'resumed' && state !== 'rejected' && state !== 'disposed';
  }

  start(): void {
    if (this.#state !== 'idle') return;
    this.#unsubscribe = this.#config.signals.subscribe((signal) => {
      this.#onSignal(signal);
    });
    this.#set('waiting');
    this.#config.display.show();
    this.#continue();
  }

  /**
   * Attempt now: skips a running countdown, leaves `offline` or `failed`. Used by the Retry button
   * and by the page signals (visible, online, restored from the back/forward cache).
   */
  retryNow(): void {
    const state = this.#state;
    if (state !== 'waiting' && state !== 'offline' && state !== 'failed') return;
    const { display } = this.#config;
    this.#cancelCountdown();
    if (state !== 'waiting') display.show();
    display.update(this.#attempts + 1, 0);
    void this.#run(state === 'failed');
  }

  /** Ends the outage because the connection is up (or the page no longer needs it): hides the display. */
  dispose(): void {
    const state = this.#state;
    if (state === 'disposed') return;
    this.#release();
    this.#set('disposed');
    if (state !== 'resumed' && state !== 'idle') this.#config.display.hide();
    this.#config.onEnd?.('disposed');
  }

  #onSignal(signal: PageSignal): void {
    const state = this.#state;
    if (signal === 'offline') {
      // An attempt in flight finishes first; its failure path checks `isOnline()`.
      if (state === 'waiting') {
        this.#cancelCountdown();
        this.#goOffline();
      }
    } else if (state !== 'offline' || signal === 'online' || this.#config.signals.isOnline()) {
      this.retryNow();
    }
  }

  /** Waits for the network when the browser reports none (spending no retries), else schedules. */
  #continue(): void {
    if (this.#config.signals.isOnline()) this.#schedule();
    else this.#goOffline();
  }

  #goOffline(): void {
    this.#set('offline');
    this.#config.display.offline();
  }

  #schedule(): void {
    const { options, logger, clock, display } = this.#config;
    const delayMs = nextRetryDelay(options, this.#attempts);
    if (typeof delayMs !== 'number') {
      if (delayMs) logger.log(ERROR, delayMs.message, delayMs);
      this.#fail();
      return;
    }
    const attempt = this.#attempts + 1;
    this.#set('waiting');
    this.#stopCountdown = startCountdown(
      clock,
      delayMs,
      (secondsLeft) => {
        display.update(attempt, secondsLeft);
      },
      () => {
        void this.#run(false);
      },
    );
  }

  /** @param manual - asked for by hand after `failed` (Retry): an unreachable server fails again. */
  async #run(manual: boolean): Promise<void> {
    const { attempt, logger } = this.#config;
    this.#set('attempting');
    const attemptNumber = this.#attempts + 1;
    let resumed: boolean;
    try {
      resumed = await attempt();
    } catch (error) {
      if (this.#state !== 'attempting') return;
      this.#attempts = attemptNumber;
      logger.log(INFORMATION, `Reconnection attempt ${attemptNumber} did not reach the server.`, error);
      if (manual) this.#fail();
      else this.#continue();
      return;
    }
    // The attempt may have resolved after a dispose (the connection came up some other way).
    if (this.#state !== 'attempting') return;
    this.#attempts = attemptNumber;
    const outcome = resumed ? 'resumed' : 'rejected';
    this.#release();
    this.#set(outcome);
    if (resumed) this.#config.display.hide();
    else this.#config.display.rejected();
    this.#config.onEnd?.(outcome);
  }

  #fail(): void {
    this.#cancelCountdown();
    this.#set('failed');
    this.#config.display.failed();
    this.#config.onEnd?.('failed');
  }

  #cancelCountdown(): void {
    this.#stopCountdown?.();
    this.#stopCountdown = undefined;
  }

  #release(): void {
    this.#cancelCountdown();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #set(next: ReconnectionState): void {
    if (this.#state === next) return;
    this.#config.logger.log(DEBUG, `Reconnection: ${this.#state} -> ${next}.`);
    this.#state = next;
  }
}
