/**
 * Every name a page can rely on: the state class prefix, the state event, and the element ids
 * whose text is filled in. They are Blazor's own names (the ASP.NET Core "SignalR guidance"
 * article), so a page written for `blazor.web.js` works unchanged.
 */

/**
 * Every state class is this prefix plus the state's name (`detail.state` of the state event), as
 * in Blazor: `components-reconnect-show`, `-hide`, `-retrying`, `-failed`, `-rejected`,
 * `-offline`, `-paused`, `-resume-failed`. See `ReconnectState` for when each is set.
 */
export const STATE_CLASS_PREFIX = 'components-reconnect-';

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
 * The id of the default dialog's state text, which describes the dialog. Ids are scoped to the
 * dialog's shadow root, so a short one cannot clash with the page's.
 */
export const DEFAULT_DIALOG_TEXT_ID = 'text';

/** The `sessionStorage` key holding the timestamps of recent rejection-caused reloads. */
export const RELOAD_HISTORY_KEY = 'circuit-reconnect:reloads';
