import { UnauthorizedError } from '../errors/unauthorized-error';
import { DEBUG, ERROR, INFORMATION, WARNING } from '../logging/logger';
import type { ReconnectionDisplay } from '../ui/reconnection-display';
import { startCountdown } from './countdown';
import { GRACE_ATTEMPT_LEAD_MS, policyAttemptIsNear } from './grace-attempt';
import type { OutageOutcome } from './host';
import { isServerBusy, nextWait, serverAdvisedWait } from './next-wait';
import { FINAL_STATES, type OutageState } from './outage-state';
import type { PageSignal } from './page-signals';
import type { ReconnectionProcess, ReconnectionProcessOptions } from './process-types';
import { signalAction } from './signal-action';
import { createSignIn } from './sign-in';
import { createTabRole } from './tab-coordination/tab-role';

export type { OutageState } from './outage-state';
export type { ReconnectionProcess, ReconnectionProcessOptions } from './process-types';

/**
 * One outage, from connection-down to resumed, rejected or failed: an explicit state machine.
 * `set` is the only place the state changes; every `await` is followed by a check that the
 * process was not disposed or overtaken meanwhile. The one timer (the countdown) and the signal
 * subscription live here and are released by every final state.
 *
 * The grace period (`dialogDelayMilliseconds`): when it ends during a wait, one extra, uncounted
 * attempt is made (see `graceAttempt`; none when the policy's own is due soon after), so a cut
 * shorter than it is resumed before the dialog could appear; the policy's schedule is left as is.
 */
export function createReconnectionProcess({
  options,
  display,
  host,
  logger,
  guard,
  clock,
  signals,
  random = Math.random,
  onStateChange,
  onEnd,
  tabs: coordinator,
}: ReconnectionProcessOptions): ReconnectionProcess {
  let state: OutageState = 'idle';
  let attempts = 0;
  let lastError: unknown;
  /** When the attempt the current wait leads to is due (wall clock). */
  let waitDeadline = 0;
  let graceTimer: unknown;
  let stopCountdown: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;

  const set = (next: OutageState): void => {
    if (state === next) return;
    logger.log(DEBUG, `Reconnection: ${state} -> ${next}.`);
    state = next;
    onStateChange?.(next);
  };
  const draw = (what: keyof ReconnectionDisplay, call: (target: ReconnectionDisplay) => void): void => {
    guard(`display.${what}`, () => { call(display); });
  };
  const cancelCountdown = (): void => {
    stopCountdown?.();
    stopCountdown = undefined;
  };
  const cancelGraceAttempt = (): void => {
    clock.clearTimeout(graceTimer);
    graceTimer = undefined;
  };
  const release = (): void => {
    tabs.leave();
    cancelCountdown();
    cancelGraceAttempt();
    unsubscribe?.();
    unsubscribe = undefined;
  };
  /** A final outcome: releases everything, shows it, reports it. */
  const finish = (outcome: OutageOutcome & OutageState): void => {
    // Resumed or rejected, the server answered: the other tabs of the group attempt at once.
    tabs.reached();
    release();
    set(outcome);
    if (outcome === 'resumed') draw('hide', (d) => { d.hide(); });
    else if (outcome === 'rejected') draw('rejected', (d) => { d.rejected(); });
    else draw('resumeFailed', (d) => { d.resumeFailed?.(); });
    onEnd?.(outcome, attempts);
  };
  const fail = (): void => {
    cancelCountdown();
    tabs.publish({ state: 'failed', attempt: attempts + 1 });
    set('failed');
    draw('failed', (d) => { d.failed(); });
    onEnd?.('failed', attempts, lastError);
  };
  const goOffline = (): void => {
    tabs.publish({ state: 'offline', attempt: attempts + 1 });
    set('offline');
    draw('offline', (d) => { d.offline(); });
  };
  const { unauthorized, signIn } = createSignIn({
    options,
    guard,
    state: () => state,
    set,
    draw,
    halt: () => {
      cancelCountdown();
      cancelGraceAttempt();
    },
    attemptNow: () => {
      draw('show', (d) => { d.show(); });
      draw('update', (d) => { d.update(attempts + 1, 0); });
      void run(false, true);
    },
  });
  /** Coordination with the other tabs on the same server: see `createTabRole`. */
  const tabs = createTabRole(coordinator, {
    follower: { clock, state: () => state, set, draw, offline: goOffline, failed: fail },
    proceed: (from) => { proceed(from); },
    waitUntil: (deadline) => { waitUntil(deadline); },
    attemptsMade: (count) => { attempts = Math.max(attempts, count); },
    attemptNow: () => { attemptNow(); },
    stopWaiting: cancelCountdown,
  });
  /** Waits for the network when the browser reports none (spending no retries), else schedules from `from`. */
  const proceed = (from = clock.now()): void => {
    if (!signals.isOnline()) {
      goOffline();
      return;
    }
    const decision = nextWait(options, attempts, lastError, random);
    if (typeof decision !== 'number') {
      if (decision) logger.log(ERROR, decision.message, decision);
      fail();
      return;
    }
    waitUntil(from + decision);
  };
  /** Counts down to the next attempt, due at `deadline`. */
  const waitUntil = (deadline: number): void => {
    const next = attempts + 1;
    waitDeadline = deadline;
    tabs.publish({ state: 'waiting', attempt: next, deadline });
    set('waiting');
    stopCountdown = startCountdown(
      clock,
      deadline - clock.now(),
      (secondsLeft) => {
        draw('update', (d) => { d.update(next, secondsLeft); });
      },
      () => {
        void run(false, true);
      },
    );
  };
  /**
   * At the end of the grace period, an attempt beyond the policy's if a wait is running and its
   * own attempt is not near (`policyAttemptIsNear`): a cut
   * shorter than the grace period is then resumed before the dialog appears. It is not counted
   * and moves nothing: when it fails, the policy's wait goes on to the same deadline, so a
   * schedule such as `[0, 1000, 2000, 5000]` is kept exactly.
   */
  const graceAttempt = (): void => {
    graceTimer = undefined;
    // None in a follower (the leader attempts), when the policy's own attempt is near (the dialog
    // waits for that one), or when the server set the wait.
    const near = policyAttemptIsNear(waitDeadline - clock.now(), options.dialogDelayMilliseconds);
    if (tabs.following || state !== 'waiting' || near || isServerBusy(lastError)) return;
    cancelCountdown();
    draw('update', (d) => { d.update(attempts + 1, 0); });
    void run(false, false);
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
  /**
   * @param manual - asked for by hand after `failed` (Retry): an unreachable server fails again.
   * @param counted - one of the policy's attempts; the grace period's extra attempt is not.
   */
  const run = async (manual: boolean, counted: boolean): Promise<void> => {
    set('attempting');
    const attemptNumber = attempts + 1;
    tabs.publish({ state: 'attempting', attempt: attemptNumber });
    const scheduled = waitDeadline;
    let resumed: boolean;
    try {
      resumed = await host.attempt();
    } catch (error) {
      if (state !== 'attempting') return;
      lastError = error;
      if (error instanceof UnauthorizedError) {
        if (counted) attempts = attemptNumber;
        logger.log(WARNING, error.message);
        tabs.reached();
        unauthorized();
        return;
      }
      if (!counted) {
        logger.log(INFORMATION, "The grace period's attempt failed.", error);
        // A tab that stepped down meanwhile shows its leader's state now; a busy server's advice
        // moves the policy's deadline later, never earlier.
        if (tabs.following) tabs.begin();
        else if (signals.isOnline()) waitUntil(Math.max(scheduled, clock.now() + serverAdvisedWait(error, random)));
        else goOffline();
        return;
      }
      attempts = attemptNumber;
      logger.log(INFORMATION, `Attempt ${attemptNumber} failed.`, error);
      if (manual) fail();
      else tabs.begin();
      return;
    }
    // The attempt may have resolved after a dispose (the connection came up some other way).
    if (state !== 'attempting') return;
    attempts = attemptNumber;
    if (resumed) finish('resumed');
    else if (host.resume) await resume('rejected');
    else finish('rejected');
  };
  const attemptNow = (): void => {
    // A follower's signal or Retry asks the leader: one attempt per signal for the whole group.
    if (tabs.following) {
      tabs.requestAttempt();
      return;
    }
    const from = state;
    if (from !== 'waiting' && from !== 'offline' && from !== 'failed') return;
    cancelCountdown();
    if (from !== 'waiting') draw('show', (d) => { d.show(); });
    draw('update', (d) => { d.update(attempts + 1, 0); });
    void run(from === 'failed', true);
  };
  const onSignal = (signal: PageSignal): void => {
    const action = signalAction(signal, state, signals.isOnline());
    // A follower's countdown is the leader's: the leader goes offline for the group.
    if (action === 'go-offline' && !tabs.following) {
      cancelCountdown();
      goOffline();
    } else if (action === 'attempt-now') {
      attemptNow();
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
      draw('show', (d) => { d.show(); });
      if (reason === 'paused') {
        set('paused');
        draw('paused', (d) => { d.paused?.(remote); });
        return;
      }
      // Heard in `unauthorized` too, and ignored there: a sign-in may lead back to waiting.
      unsubscribe = signals.subscribe(onSignal);
      if (reason === 'unauthorized') {
        unauthorized();
        return;
      }
      const grace = options.dialogDelayMilliseconds;
      if (grace > 0) graceTimer = clock.setTimeout(graceAttempt, Math.max(0, grace - GRACE_ATTEMPT_LEAD_MS));
      set('waiting');
      tabs.begin();
    },
    attemptNow,
    resumeNow() {
      if (state === 'paused') void resume('paused');
    },
    signIn() {
      if (state === 'unauthorized') void signIn();
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
