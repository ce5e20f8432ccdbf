import type { ReconnectionDisplay } from './reconnection-display';
import { CURRENT_ATTEMPT_ID, MAX_RETRIES_ID, SECONDS_TO_NEXT_ATTEMPT_ID } from './constants';
import { applyStateClasses, createStateDisplay } from './display-state';

/**
 * Drives the page's own modal (`#components-reconnect-modal` by default) with Blazor 10's
 * contract: every state change removes all state classes and adds its own, fills the counter
 * elements by id, and dispatches a non-bubbling `components-reconnect-state-changed` event on the
 * modal. The page decides what to show from the class or the event; this display never reloads
 * (a page's own script, like the docs' `boot.js`, owns that decision). Calls map to classes and
 * events as `createStateDisplay` describes; `offline` keeps `-show` beside `-offline`, so CSS that only
 * knows `-show` keeps the modal up.
 * @param modal - the first element with `dialogId` when the outage began.
 * @param document - where the modal and the counter elements are looked up by id.
 * @param dialogId - looked up again at each call, so a modal re-rendered mid-outage (an
 *   enhanced navigation replacing the layout) keeps receiving the classes.
 * @param maxRetries - written into `#components-reconnect-max-retries` at `show()` if bounded.
 */
export function createUserSpecifiedDisplay(
  modal: HTMLElement,
  document: Document,
  dialogId: string,
  maxRetries: number | undefined,
): Required<ReconnectionDisplay> {
  // `textContent`, not Blazor's `innerText`: same result for the plain spans the docs show, no
  // layout read, and it works where layout does not exist (jsdom, a hidden modal).
  const setText = (id: string, value: number | undefined): void => {
    const target = document.getElementById(id);
    if (target && value !== undefined) target.textContent = String(value);
  };
  return createStateDisplay((shown, detail) => {
    modal = document.getElementById(dialogId) ?? modal;
    if (detail.state === 'show') setText(MAX_RETRIES_ID, maxRetries);
    if (detail.currentAttempt !== undefined) {
      setText(CURRENT_ATTEMPT_ID, detail.currentAttempt);
      setText(SECONDS_TO_NEXT_ATTEMPT_ID, detail.secondsToNextAttempt);
    }
    applyStateClasses(modal, shown);
    return modal;
  });
}

/**
 * Gives the page's modal a defined first state: `components-reconnect-hide` (Blazor never sets
 * it before the first outage, aspnetcore #16870). No event is dispatched: nothing changed yet.
 * Call once at start; does nothing when the page has no such element.
 * @returns whether a modal was found.
 */
export function markUserModalHidden(document: Document, dialogId: string): boolean {
  const modal = document.getElementById(dialogId);
  if (modal) applyStateClasses(modal, 'hide');
  return !!modal;
}
