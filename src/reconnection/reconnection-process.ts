import type { Logger } from '../logging/logger';
import { DEBUG, ERROR, INFORMATION } from '../logging/logger';
import type { ReconnectionOptions } from '../options/types';
import { nextRetryDelay } from '../retry/next-retry-delay';
import type { Clock } from '../timing/clock';
import { startCountdown } from './countdown';
import type { PageSignal, PageSignals } from './page-signals';
import type { ReconnectionDisplay } from '../ui/reconnection-display';

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

/** One outage as the default handler and tests see it; built by {@link createReconnectionProcess}. */
export interface ReconnectionProcess {
  readonly state: ReconnectionState;
  /** Attempts made in this outage so far. */
  readonly attempts: number;
  /** `true` until the outage reached a final state (failed still counts as active: it can retry). */
  readonly isActive: boolean;
  /** Shows the display and schedules the first attempt (or waits for the network). */
  start(): void;
  /**
   * Attempt now: skips a running countdown, leaves `offline` or `failed`. Used by the Retry button
   * and by the page signals (visible, online, restored from the back/forward cache).
   */
  retryNow(): void;
  /** Ends the outage because the connection is up (or the page no longer needs it): hides the display. */
  dispose(): void;
}

/**
 * One outage, from connection-down to resumed, rejected or failed: an explicit state machine.
 * `set` is the only place the state changes; every `await` is followed by a check that the
 * process was not disposed or overtaken meanwhile. The one timer (the countdown) and the signal
 * subscription live here and are released by every final state.
 */
export function createReconnectionProcess({
  options,
  display,
  attempt,
  logger,
  clock,
  signals,
  onEnd,
}: ReconnectionProcessOptions): ReconnectionProcess {
  let state: ReconnectionState = 'idle';
  let attempts = 0;
  let stopCountdown: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;

  const set = (next: ReconnectionState): void => {
    if (state === next) return;
    logger.log(DEBUG, `Reconnection: ${state} -> ${next}.`);
    state = next;
  };
  const cancelCountdown = (): void => {
    stopCountdown?.();
    stopCountdown = undefined;
  };
  const release = (): void => {
    cancelCountdown();
    unsubscribe?.();
    unsubscribe = undefined;
  };
  const fail = (): void => {
    cancelCountdown();
    set('failed');
    display.failed();
    onEnd?.('failed');
  };
  const goOffline = (): void => {
    set('offline');
    display.offline();
  };
  /** Waits for the network when the browser reports none (spending no retries), else schedules. */
  const proceed = (): void => {
    if (!signals.isOnline()) {
      goOffline();
      return;
    }
    const delayMs = nextRetryDelay(options, attempts);
    if (typeof delayMs !== 'number') {
      if (delayMs) logger.log(ERROR, delayMs.message, delayMs);
      fail();
      return;
    }
    const next = attempts + 1;
    set('waiting');
    stopCountdown = startCountdown(
      clock,
      delayMs,
      (secondsLeft) => {
        display.update(next, secondsLeft);
      },
      () => {
        void run(false);
      },
    );
  };
  /** @param manual - asked for by hand after `failed` (Retry): an unreachable server fails again. */
  const run = async (manual: boolean): Promise<void> => {
    set('attempting');
    const attemptNumber = attempts + 1;
    let resumed: boolean;
    try {
      resumed = await attempt();
    } catch (error) {
      if (state !== 'attempting') return;
      attempts = attemptNumber;
      logger.log(INFORMATION, `Attempt ${attemptNumber} failed.`, error);
      if (manual) fail();
      else proceed();
      return;
    }
    // The attempt may have resolved after a dispose (the connection came up some other way).
    if (state !== 'attempting') return;
    attempts = attemptNumber;
    const outcome = resumed ? 'resumed' : 'rejected';
    release();
    set(outcome);
    if (resumed) display.hide();
    else display.rejected();
    onEnd?.(outcome);
  };
  const retryNow = (): void => {
    const from = state;
    if (from !== 'waiting' && from !== 'offline' && from !== 'failed') return;
    cancelCountdown();
    if (from !== 'waiting') display.show();
    display.update(attempts + 1, 0);
    void run(from === 'failed');
  };
  const onSignal = (signal: PageSignal): void => {
    if (signal === 'offline') {
      // An attempt in flight finishes first; its failure path checks `isOnline()`.
      if (state === 'waiting') {
        cancelCountdown();
        goOffline();
      }
    } else if (state !== 'offline' || signal === 'online' || signals.isOnline()) {
      retryNow();
    }
  };

  return {
    get state() {
      return state;
    },
    get attempts() {
      return attempts;
    },
    get isActive() {
      return state !== 'resumed' && state !== 'rejected' && state !== 'disposed';
    },
    start() {
      if (state !== 'idle') return;
      unsubscribe = signals.subscribe(onSignal);
      set('waiting');
      display.show();
      proceed();
    },
    retryNow,
    dispose() {
      const from = state;
      if (from === 'disposed') return;
      release();
      set('disposed');
      if (from !== 'resumed' && from !== 'idle') display.hide();
      onEnd?.('disposed');
    },
  };
}
