import {
  FAILED_CLASS,
  HIDE_CLASS,
  OFFLINE_CLASS,
  REJECTED_CLASS,
  RETRYING_CLASS,
  SHOW_CLASS,
  STATE_CHANGED_EVENT,
  STATE_CLASSES,
} from './constants';

/**
 * What a display looks like at one moment. Both displays derive everything they show from it,
 * so the user's modal and the default dialog can never disagree about a state.
 */
export type VisualState = 'show' | 'retrying' | 'offline' | 'failed' | 'rejected' | 'hide';

/**
 * `detail.state` of {@link STATE_CHANGED_EVENT}: Blazor 10's union plus `offline`. `paused` and
 * `resume-failed` are listed so listeners written for Blazor type-check; they are never sent.
 */
export type ReconnectState =
  | 'show'
  | 'hide'
  | 'retrying'
  | 'failed'
  | 'rejected'
  | 'offline'
  | 'paused'
  | 'resume-failed';

/** `detail` of {@link STATE_CHANGED_EVENT}; the attempt fields are present for `retrying` only. */
export interface ReconnectStateChangedDetail {
  readonly state: ReconnectState;
  readonly currentAttempt?: number;
  readonly secondsToNextAttempt?: number;
}

const CLASSES_BY_STATE: Readonly<Record<VisualState, readonly string[]>> = {
  show: [SHOW_CLASS],
  // `-show` stays during retrying and offline, as Blazor 10 keeps it during retrying: CSS written
  // for `-show` alone keeps the modal visible, CSS that knows the modifier can refine it.
  retrying: [SHOW_CLASS, RETRYING_CLASS],
  offline: [SHOW_CLASS, OFFLINE_CLASS],
  failed: [FAILED_CLASS],
  rejected: [REJECTED_CLASS],
  hide: [HIDE_CLASS],
};

/**
 * The state an `update(currentAttempt, secondsToNextAttempt)` call shows: `retrying` while waiting
 * after a failed attempt, `show` for the first attempt or when an attempt is about to run.
 */
export function visualStateForUpdate(
  currentAttempt: number,
  secondsToNextAttempt: number,
): 'show' | 'retrying' {
  return currentAttempt > 1 && secondsToNextAttempt > 0 ? 'retrying' : 'show';
}

/** The state classes of `state`, in the order they are added. */
export function classesFor(state: VisualState): readonly string[] {
  return CLASSES_BY_STATE[state];
}

/**
 * Removes every state class (reserved ones included), then adds the classes of `state`. Other
 * classes on the element are the page's and are left alone.
 */
export function applyStateClasses(element: Element, state: VisualState): void {
  element.classList.remove(...STATE_CLASSES);
  element.classList.add(...classesFor(state));
}

/**
 * Dispatches the non-bubbling state event (Blazor PR #60376: it must not bubble, so a listener on
 * `document` never hears a modal it does not own). A throwing listener is reported by the browser
 * as an uncaught error and never reaches us, so the display keeps working.
 */
export function dispatchStateChanged(target: EventTarget, detail: ReconnectStateChangedDetail): void {
  target.dispatchEvent(new CustomEvent(STATE_CHANGED_EVENT, { bubbles: false, detail }));
}
