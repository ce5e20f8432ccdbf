import { settles, type Guard } from '../logging/guard';
import type { ReconnectionOptions } from '../options/types';
import type { ReconnectionDisplay } from '../ui/reconnection-display';
import type { OutageState } from './outage-state';

/** Draws through the process's guard: `draw('show', (d) => { d.show(); })`. */
export type Draw = (what: keyof ReconnectionDisplay, call: (target: ReconnectionDisplay) => void) => void;

/** The parts of the reconnection process the sign-in path works with. */
export interface SignInContext {
  readonly options: ReconnectionOptions;
  readonly guard: Guard;
  readonly state: () => OutageState;
  /** The process's one place that changes the state. */
  readonly set: (next: OutageState) => void;
  readonly draw: Draw;
  /** Stops the countdown and the grace period's attempt: nothing is attempted until a sign-in. */
  readonly halt: () => void;
  /** After a sign-in: shows the display and attempts at once. */
  readonly attemptNow: () => void;
}

/**
 * The `unauthorized` part of the outage's state machine, beside the process so that it stays
 * one concern a file: the server refused the credentials, so no attempt is made until a
 * sign-in (never by a page signal, so an expired sign-in cannot become a loop of refused
 * negotiations). The first time, the app's `onUnauthorized` is asked by itself, and the display
 * is told only if that does not work: a silent token refresh shows nothing but the outage it is
 * part of.
 */
export function createSignIn({ options, guard, state, set, draw, halt, attemptNow }: SignInContext) {
  /** `onUnauthorized` is called by itself once per outage; after that, only by Sign in. */
  let autoSignIn = true;
  const showUnauthorized = (): void => {
    set('unauthorized');
    draw('unauthorized', (d) => { d.unauthorized?.(); });
  };
  /** From `unauthorized` only (its callers check). */
  const signIn = async (): Promise<void> => {
    const callback = options.onUnauthorized;
    if (!callback) return;
    set('signing-in');
    const signedIn = await settles(guard, 'onUnauthorized', callback);
    if (state() !== 'signing-in') return;
    if (!signedIn) {
      // The way out: the display's Sign in calls `onUnauthorized` again.
      showUnauthorized();
      return;
    }
    attemptNow();
  };
  const unauthorized = (): void => {
    halt();
    if (autoSignIn && options.onUnauthorized) {
      autoSignIn = false;
      set('unauthorized');
      void signIn();
    } else {
      showUnauthorized();
    }
  };
  return { unauthorized, signIn };
}
