import type { ReconnectionMessages } from '../../options/types';
import type { VisualState } from '../display-state';

/**
 * Everything the default dialog shows, as one value: `render(state)` draws it, the visibility
 * policy reads it. Kept flat and immutable so each display call makes a new one.
 */
export interface DialogState {
  readonly visual: VisualState;
  /** The 1-based attempt last reported by `update`; 0 before the first. */
  readonly attempt: number;
  /** Whole seconds before the next attempt; 0 outside a wait. */
  readonly secondsToNextAttempt: number;
  /** `rejected` only: the page is reloading itself, so no Reload button is offered. */
  readonly reloading: boolean;
}

/** The state before the first outage: nothing to show. */
export const INITIAL_DIALOG_STATE: DialogState = {
  visual: 'hide',
  attempt: 0,
  secondsToNextAttempt: 0,
  reloading: false,
};

/** The button a state offers, if any; it receives focus when the state is entered. */
export type DialogAction = 'retry' | 'reload' | undefined;

/** Which text of `options.messages` the heading shows; `undefined` keeps the last text (hide). */
export function messageKeyOf(state: DialogState): keyof ReconnectionMessages | undefined {
  switch (state.visual) {
    case 'show':
      return 'rejoining';
    case 'retrying':
      return 'retrying';
    case 'offline':
      return 'offline';
    case 'failed':
      return 'failed';
    case 'rejected':
      return 'rejected';
    case 'hide':
      return undefined;
  }
}

/** Retry after `failed`; Reload after `rejected` when the page does not reload by itself. */
export function actionOf(state: DialogState): DialogAction {
  if (state.visual === 'failed') return 'retry';
  if (state.visual === 'rejected' && !state.reloading) return 'reload';
  return undefined;
}

/**
 * Whether the dialog waits out the grace period before appearing. States that still resolve by
 * themselves (an attempt pending, the network returning, a reload under way) do; a state that
 * needs the user (a button) appears at once, since waiting would only delay the way out.
 */
export function waitsForGracePeriod(state: DialogState): boolean {
  return state.visual !== 'hide' && actionOf(state) === undefined;
}

/**
 * Whether two states read the same to a screen reader: the live region is written only when
 * this changes, so a countdown ticking inside `retrying` is announced once, not every second.
 */
export function sameAnnouncement(a: DialogState, b: DialogState): boolean {
  return a.visual === b.visual && actionOf(a) === actionOf(b);
}
