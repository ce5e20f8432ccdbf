import type { Guard } from '../logging/guard';
import type { Logger } from '../logging/logger';
import { DEBUG, ERROR, INFORMATION } from '../logging/logger';
import type { ReconnectionOptions } from '../options/types';
import { nextRetryDelay } from '../retry/next-retry-delay';
import type { Clock } from '../timing/clock';
import type { ReconnectionDisplay } from '../ui/reconnection-display';
import { startCountdown } from './countdown';
import type { DownReason, OutageOutcome, ReconnectionHost } from './host';
import type { PageSignal, PageSignals } from './page-signals';

/**
 * Where one outage stands, and what the display shows for it (the display's states are
 * Blazor's names, see `ReconnectState`):
 *
 * | state           | means                                                   | display           |
 * | --------------- | ------------------------------------------------------- | ----------------- |
 * | `idle`          | built, not started                                      | –                 |
 * | `waiting`       | counting down to the next attempt                       | `show`/`retrying` |
 * | `attempting`    | an attempt is in flight                                 | `retrying` (0 s)  |
 * | `offline`       | the browser reports no network; nothing is counted      | `offline`         |
 * | `failed`        | the policy stopped; Retry or a page signal tries again  | `failed`          |
 * | `paused`        | Blazor 10 paused the circuit; Resume resumes it         | `paused`          |
 * | `resuming`      | the host's `resume()` is in flight                      | unchanged         |
 * | `resume-failed` | a paused circuit could not be resumed (final)           | `resume-failed`   |
 * | `rejected`      | the server no longer holds the session (final)          | `rejected`        |
 * | `resumed`       | up again (final)                                        | `hide`            |
 * | `disposed`      | ended from outside: the connection is up (final)        | `hide`            |
 */
export type OutageState =
  | 'idle'
  | 'waiting'
  | 'attempting'
  | 'offline'
  | 'failed'
  | 'paused'
  | 'resuming'
  | 'resume-failed'
  | 'rejected'
  | 'resumed'
  | 'disposed';

/**
 * The grace period's attempt is made this long before the dialog's grace timer ends: timers run
 * in deadline order, so the attempt is under way (and waited for) when the dialog decides.
 */
const GRACE_ATTEMPT_LEAD_MS = 1;

const FINAL_STATES: readonly OutageState[] = ['resume-failed', 'rejected', 'resumed', 'disposed'];

export interface ReconnectionProcessOptions {
  readonly options: ReconnectionOptions;
  readonly display: ReconnectionDisplay;
  readonly host: ReconnectionHost;
  readonly logger: Logger;
  /** Every call into the display goes through it. */
  readonly guard: Guard;
  readonly clock: Clock;
  readonly signals: PageSignals;
  /** Told of every state change, after it is made (a connection handle's state follows the outage's). */
  readonly onStateChange?: (state: OutageState) => void;
  /** Told how the outage ended; `disposed` when it was ended from outside. */
  readonly onEnd?: (outcome: OutageOutcome | 'disposed', attempts: number, cause?: unknown) => void;
}

/** One outage; built by {@link createReconnectionProcess}. */
export interface ReconnectionProcess {
  readonly state: OutageState;
  /** Attempts made in this outage so far. */
  readonly attempts: number;
  /** `true` until a final state (`failed` and `paused` still count: they can go on). */
  readonly isActive: boolean;
  /** Shows the display; then schedules the first attempt (`dropped`) or waits for Resume (`paused`). */
  start(reason: DownReason, remote?: boolean): void;
  /**
   * Attempt now: skips a running countdown, leaves `offline` or `failed`. Used by the Retry
   * button and by the page signals (visible, online, restored from the back/forward cache).
   */
  retryNow(): void;
  /** Resume a paused circuit now (the Resume button). */
  resumeNow(): void;
  /**
   * The host says the connection is up (`onConnectionUp`): ends the outage, unless an attempt or
   * resume of this process is in flight, whose own answer then decides. Blazor calls
   * `onConnectionUp` from inside `Blazor.reconnect()`, before that answers, and (blazor.web.js
   * 10.0.12) also when it answers `false`: the resume that must follow a `false` would be lost if
   * the outage ended there.
   */
  connectionUp(): void;
  /** Ends the outage because the connection is up (or the page no longer needs it): hides the display. */
  dispose(): void;
}

/**
 * One outage, from connection-down to resumed, rejected or failed: an explicit state machine.
 * `set` is the only place the state changes; every `await` is followed by a check that the
 * process was not disposed or overtaken meanwhile. The one timer (the countdown) and the signal
 * subscription live here and are released by every final state.
 *
 * The grace period: while the display's `dialogDelayMilliseconds` has not passed since the
 * outage began, no wait runs past its end. So an attempt is made when the grace period ends, and
 * a cut shorter than it is resumed before the dialog could appear (the default dialog waits for
 * an attempt running when its grace period ends). Only waits scheduled inside the grace period are shortened: a long outage sees
 * the policy's schedule unchanged after its first second.
 */
export function createReconnectionProcess({
  options,
  display,
  host,
  logger,
  guard,
  clock,
  signals,
  onStateChange,
  onEnd,
}: ReconnectionProcessOptions): ReconnectionProcess {
  let state: OutageState = 'idle';
  let attempts = 0;
  let lastError: unknown;
  let graceEnd = 0;
  let stopCountdown: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;

  const set = (next: OutageState): void => {
    if (state === next) return;
    logger.log(DEBUG, `Reconnection: ${state} -> ${next}.`);
    state = next;
    onStateChange?.(next);
  };
  const draw = (what: keyof ReconnectionDisplay, call: (target: ReconnectionDisplay) => void): void => {
    guard(`display.${what}`, () => {
      call(display);
    });
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
  /** A final outcome: releases everything, shows it, reports it. */
  const finish = (outcome: OutageOutcome & OutageState): void => {
    release();
    set(outcome);
    if (outcome === 'resumed') draw('hide', (d) => { d.hide(); });
    else if (outcome === 'rejected') draw('rejected', (d) => { d.rejected(); });
    else draw('resumeFailed', (d) => { d.resumeFailed?.(); });
    onEnd?.(outcome, attempts);
  };
  const fail = (): void => {
    cancelCountdown();
    set('failed');
    draw('failed', (d) => { d.failed(); });
    onEnd?.('failed', attempts, lastError);
  };
  const goOffline = (): void => {
    set('offline');
    draw('offline', (d) => { d.offline(); });
  };
  /** Waits for the network when the browser reports none (spending no retries), else schedules. */
  const proceed = (): void => {
    if (!signals.isOnline()) {
      goOffline();
      return;
    }
    const decision = nextRetryDelay(options, attempts);
    if (typeof decision !== 'number') {
      if (decision) logger.log(ERROR, decision.message, decision);
      fail();
      return;
    }
    const graceLeft = graceEnd - clock.now();
    const delayMs = graceLeft > 0 ? Math.min(decision, graceLeft) : decision;
    const next = attempts + 1;
    set('waiting');
    stopCountdown = startCountdown(
      clock,
      delayMs,
      (secondsLeft) => {
        draw('update', (d) => { d.update(next, secondsLeft); });
      },
      () => {
        void run(false);
      },
    );
  };
  /** @param from - `paused`: the Resume button; `rejected`: the attempt found the session gone. */
  const resume = async (from: 'paused' | 'rejected'): Promise<void> => {
    set('resuming');
    let resumed = false;
    try {
      resumed = (await host.resume?.()) === true;
    } catch (error) {
      logger.log(INFORMATION, 'Resume failed.', error);
    }
    if (state !== 'resuming') return;
    if (resumed) finish('resumed');
    else finish(from === 'paused' ? 'resume-failed' : 'rejected');
  };
  /** @param manual - asked for by hand after `failed` (Retry): an unreachable server fails again. */
  const run = async (manual: boolean): Promise<void> => {
    set('attempting');
    const attemptNumber = attempts + 1;
    let resumed: boolean;
    try {
      resumed = await host.attempt();
    } catch (error) {
      if (state !== 'attempting') return;
      attempts = attemptNumber;
      lastError = error;
      logger.log(INFORMATION, `Attempt ${attemptNumber} failed.`, error);
      if (manual) fail();
      else proceed();
      return;
    }
    // The attempt may have resolved after a dispose (the connection came up some other way).
    if (state !== 'attempting') return;
    attempts = attemptNumber;
    if (resumed) finish('resumed');
    else if (host.resume) await resume('rejected');
    else finish('rejected');
  };
  const retryNow = (): void => {
    const from = state;
    if (from !== 'waiting' && from !== 'offline' && from !== 'failed') return;
    cancelCountdown();
    if (from !== 'waiting') draw('show', (d) => { d.show(); });
    draw('update', (d) => { d.update(attempts + 1, 0); });
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
      return !FINAL_STATES.includes(state);
    },
    start(reason, remote = false) {
      if (state !== 'idle') return;
      // Read before the display starts its own grace timer, so this end is never later than its.
      graceEnd = clock.now() + options.dialogDelayMilliseconds - GRACE_ATTEMPT_LEAD_MS;
      draw('show', (d) => { d.show(); });
      if (reason === 'paused') {
        set('paused');
        draw('paused', (d) => { d.paused?.(remote); });
        return;
      }
      unsubscribe = signals.subscribe(onSignal);
      set('waiting');
      proceed();
    },
    retryNow,
    resumeNow() {
      if (state === 'paused') void resume('paused');
    },
    connectionUp() {
      if (state !== 'attempting' && state !== 'resuming') this.dispose();
    },
    dispose() {
      const from = state;
      if (from === 'disposed') return;
      release();
      set('disposed');
      if (from !== 'resumed' && from !== 'idle') draw('hide', (d) => { d.hide(); });
      onEnd?.('disposed', attempts);
    },
  };
}
