import { STATE_CHANGED_EVENT, STATE_CLASS_PREFIX } from './constants';
import type { ReconnectionDisplay } from './reconnection-display';

/**
 * The states a display shows, named as Blazor 10 names them: each is the `detail.state` of
 * {@link STATE_CHANGED_EVENT} and, prefixed with `components-reconnect-`, a class on the modal.
 * `offline` and `updating` are circuit-reconnect's own (Blazor has neither).
 *
 * | display call        | `detail.state`   | classes on the modal                          |
 * | ------------------- | ---------------- | --------------------------------------------- |
 * | `show()`            | `show`           | `-show`                                       |
 * | `update(a, s)`      | `retrying`       | `-show -retrying` when a > 1 and s > 0, else `-show` |
 * | `offline()`         | `offline`        | `-show -offline`                              |
 * | `failed()`          | `failed`         | `-failed`                                     |
 * | `rejected()`        | `rejected`       | `-rejected`                                   |
 * | `paused(remote)`    | `paused`         | `-paused`                                     |
 * | `updating()`        | `updating`       | `-show -updating`                             |
 * | `resumeFailed()`    | `resume-failed`  | `-resume-failed`                              |
 * | `unauthorized()`    | `unauthorized`   | `-unauthorized`                               |
 * | `hide()`            | `hide`           | `-hide`                                       |
 *
 * `update` is the one call whose event state and class differ: Blazor 10 sends `retrying` on
 * every countdown tick, but adds the `-retrying` class only while waiting after a failed attempt.
 */
export type ReconnectState =
  | 'show'
  | 'hide'
  | 'retrying'
  | 'failed'
  | 'rejected'
  | 'offline'
  | 'paused'
  | 'updating'
  | 'resume-failed'
  | 'unauthorized';

/** `detail` of {@link STATE_CHANGED_EVENT}; the attempt fields come with `retrying` only. */
export interface ReconnectStateChangedDetail {
  readonly state: ReconnectState;
  readonly currentAttempt?: number;
  readonly secondsToNextAttempt?: number;
  /** With `paused`: whether the server paused the circuit (`false`: the page did). */
  readonly remote?: boolean;
}

/**
 * One state change of a display, given the state whose class it shows and the event's detail.
 * @returns where to dispatch the state event, once the display shows the state; nothing to skip it.
 */
export type StateChange = (
  shown: ReconnectState,
  detail: ReconnectStateChangedDetail,
) => EventTarget | undefined;

const ALL_STATES: readonly ReconnectState[] = [
  'show',
  'hide',
  'retrying',
  'failed',
  'rejected',
  'offline',
  'paused',
  'updating',
  'resume-failed',
  'unauthorized',
];

/** Every state class; a state change removes all of them. */
const STATE_CLASSES = ALL_STATES.map((state) => STATE_CLASS_PREFIX + state);

/**
 * The display calls, all routed through one `change` as the table on {@link ReconnectState}
 * says, so both displays map calls to states and events the same way.
 */
export function createStateDisplay(change: StateChange): Required<ReconnectionDisplay> {
  // Dispatched last, so a listener that re-enters the display finds the change complete. Not
  // bubbling, as in Blazor 10: a listener on `document` never hears a modal it does not own. A
  // throwing listener is reported by the browser as an uncaught error and never reaches us.
  const changeTo = (shown: ReconnectState, detail: ReconnectStateChangedDetail): void => {
    change(shown, detail)?.dispatchEvent(new CustomEvent(STATE_CHANGED_EVENT, { detail }));
  };
  const to = (state: ReconnectState) => () => {
    changeTo(state, { state });
  };
  return {
    show: to('show'),
    offline: to('offline'),
    hide: to('hide'),
    failed: to('failed'),
    rejected: to('rejected'),
    resumeFailed: to('resume-failed'),
    unauthorized: to('unauthorized'),
    updating: to('updating'),
    paused: (remote) => {
      changeTo('paused', { state: 'paused', remote });
    },
    update: (currentAttempt, secondsToNextAttempt) => {
      const waitingAfterFailure = currentAttempt > 1 && secondsToNextAttempt > 0;
      changeTo(waitingAfterFailure ? 'retrying' : 'show', {
        state: 'retrying',
        currentAttempt,
        secondsToNextAttempt,
      });
    },
  };
}

/**
 * Removes every state class, then adds the classes of `state`. Other classes on the element are
 * the page's and are left alone. `-show` stays during `retrying`, `offline` and `updating`, as
 * Blazor 10 keeps it during retrying: CSS written for `-show` alone keeps the modal visible (an
 * update then reads as a reconnection, never as a pause or an error), CSS that knows the modifier
 * can refine it.
 */
export function applyStateClasses(element: Element, state: ReconnectState): void {
  const { classList } = element;
  classList.remove(...STATE_CLASSES);
  if (state === 'retrying' || state === 'offline' || state === 'updating') classList.add(STATE_CLASS_PREFIX + 'show');
  classList.add(STATE_CLASS_PREFIX + state);
}
