import type { ReconnectionDisplay } from './reconnection-display';
import { STATE_CHANGED_EVENT, STATE_CLASS_PREFIX } from './constants';

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

/**
 * One state change of a display: what it looks like, and the event it reports.
 * @returns where to dispatch the state event, once the display shows the state; nothing to skip it.
 */
export type StateChange = (
  visual: VisualState,
  detail: ReconnectStateChangedDetail,
) => EventTarget | undefined;

/** Every state class, reserved ones included; a state change removes all of them. */
const STATE_CLASSES = (
  ['show', 'hide', 'retrying', 'failed', 'rejected', 'offline', 'paused', 'resume-failed'] satisfies ReconnectState[]
).map((state) => STATE_CLASS_PREFIX + state);

/**
 * The six display calls, all routed through one `change`, so both displays map calls to states
 * and events the same way:
 * - `show()` → `show`, `{ state: 'show' }`; `hide()`, `failed()`, `rejected()`, `offline()` likewise;
 * - `update(a, s)` → `retrying` while waiting after a failed attempt (a > 1, s > 0), else `show`,
 *   with `{ state: 'retrying', currentAttempt: a, secondsToNextAttempt: s }` on **every** call,
 *   as Blazor 10 sends it, so listeners written for it see the same stream.
 */
export function stateDisplay(change: StateChange): ReconnectionDisplay {
  // Dispatched last, so a listener that re-enters the display finds the change complete. Not
  // bubbling (Blazor PR #60376): a listener on `document` never hears a modal it does not own. A
  // throwing listener is reported by the browser as an uncaught error and never reaches us, so
  // the display keeps working.
  const changeTo = (visual: VisualState, detail: ReconnectStateChangedDetail) => {
    change(visual, detail)?.dispatchEvent(new CustomEvent(STATE_CHANGED_EVENT, { detail }));
  };
  const to = (state: VisualState & ReconnectState) => () => {
    changeTo(state, { state });
  };
  return {
    show: to('show'),
    offline: to('offline'),
    hide: to('hide'),
    failed: to('failed'),
    rejected: to('rejected'),
    update: (currentAttempt, secondsToNextAttempt) => {
      changeTo(currentAttempt > 1 && secondsToNextAttempt > 0 ? 'retrying' : 'show', {
        state: 'retrying',
        currentAttempt,
        secondsToNextAttempt,
      });
    },
  };
}

/**
 * Removes every state class (reserved ones included), then adds the classes of `state`. Other
 * classes on the element are the page's and are left alone.
 */
export function applyStateClasses(element: Element, state: VisualState): void {
  const { classList } = element;
  classList.remove(...STATE_CLASSES);
  // `-show` stays during retrying and offline, as Blazor 10 keeps it during retrying: CSS written
  // for `-show` alone keeps the modal visible, CSS that knows the modifier can refine it.
  if (state === 'retrying' || state === 'offline') classList.add(STATE_CLASS_PREFIX + 'show');
  classList.add(STATE_CLASS_PREFIX + state);
}
