/**
 * Every name a page can rely on: the state classes put on the reconnect modal, the state event,
 * and the element ids whose text is filled in. They are Blazor's own names (see the ASP.NET Core
 * "SignalR guidance" article), so a page written for `blazor.web.js` works unchanged.
 */

/**
 * Every state class is this prefix plus the state's name (`detail.state` of the state event), as
 * in Blazor; the displays build them that way. The constants below name each one for pages, docs
 * and tests.
 */
export const STATE_CLASS_PREFIX = 'components-reconnect-';

/** Added while the connection is down and an attempt is pending or running. */
export const SHOW_CLASS = 'components-reconnect-show';
/** Added when the connection is up again, and at start so the modal has a defined first state. */
export const HIDE_CLASS = 'components-reconnect-hide';
/** Added beside {@link SHOW_CLASS} while waiting after a failed attempt (Blazor 9+). */
export const RETRYING_CLASS = 'components-reconnect-retrying';
/** Retries are exhausted; `Blazor.reconnect()` may still be called. */
export const FAILED_CLASS = 'components-reconnect-failed';
/** The server was reached but lost the session; only a reload helps. */
export const REJECTED_CLASS = 'components-reconnect-rejected';
/**
 * Added beside {@link SHOW_CLASS} while the browser reports no network (circuit-reconnect only).
 * `-show` is kept so a modal styled for Blazor stays visible during an offline spell.
 */
export const OFFLINE_CLASS = 'components-reconnect-offline';
/** Reserved: Blazor 10's paused circuit. Never added here, but removed with every state change. */
export const PAUSED_CLASS = 'components-reconnect-paused';
/** Reserved: Blazor 10's failed resume. Never added here, but removed with every state change. */
export const RESUME_FAILED_CLASS = 'components-reconnect-resume-failed';

/** The non-bubbling `CustomEvent` dispatched on the modal at each state change (Blazor 10). */
export const STATE_CHANGED_EVENT = 'components-reconnect-state-changed';

/** Its text is set to the attempt being waited for or made. */
export const CURRENT_ATTEMPT_ID = 'components-reconnect-current-attempt';
/** Its text is set to `maxRetries` when retries are bounded. */
export const MAX_RETRIES_ID = 'components-reconnect-max-retries';
/** Its text is set to the whole seconds left before the next attempt. */
export const SECONDS_TO_NEXT_ATTEMPT_ID = 'components-seconds-to-next-attempt';

/**
 * The attribute on the default dialog's light-DOM host. The host deliberately has no id: an id
 * equal to `dialogId` would make the next outage mistake it for the page's own modal.
 */
export const DEFAULT_DIALOG_ATTRIBUTE = 'data-reconnect-dialog';
/**
 * The id of the default dialog's heading, the state text that describes it. Ids are scoped to the
 * dialog's shadow root, so a short one cannot clash with the page's.
 */
export const DEFAULT_DIALOG_TITLE_ID = 'text';

/** The `sessionStorage` key holding the timestamps of recent rejection-caused reloads. */
export const RELOAD_HISTORY_KEY = 'circuit-reconnect:reloads';
