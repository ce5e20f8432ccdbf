import type { ReconnectionDisplay } from '../reconnection/reconnection-display';
import {
  CURRENT_ATTEMPT_ID,
  MAX_RETRIES_ID,
  SECONDS_TO_NEXT_ATTEMPT_ID,
} from './constants';
import {
  applyStateClasses,
  dispatchStateChanged,
  visualStateForUpdate,
  type ReconnectStateChangedDetail,
  type VisualState,
} from './display-state';

/**
 * Drives the page's own modal (`#components-reconnect-modal` by default) with Blazor 10's
 * contract: every state change removes all state classes and adds its own, fills the counter
 * elements by id, and dispatches a non-bubbling `components-reconnect-state-changed` event on the
 * modal. The page decides what to show from the class or the event; this display never reloads
 * (a page's own script, like the docs' `boot.js`, owns that decision).
 *
 * Events, per call:
 * - `show()` → `{ state: 'show' }`; `hide()`, `failed()`, `rejected()`, `offline()` likewise.
 * - `update(a, s)` → `{ state: 'retrying', currentAttempt: a, secondsToNextAttempt: s }` on
 *   **every** call, once a second during a wait, even when the class stays `-show` (attempt 1 or
 *   0 s left). This matches Blazor 10, so listeners written for it see the same stream.
 *
 * Classes: `show` → `-show`; `update` → `-show` plus `-retrying` while attempt > 1 and seconds > 0;
 * `offline` → `-show` plus `-offline` (so CSS that only knows `-show` keeps the modal up);
 * `hide` → `-hide`; `failed` → `-failed`; `rejected` → `-rejected`.
 */
export class UserSpecifiedDisplay implements ReconnectionDisplay {
  private element: HTMLElement;

  /**
   * @param element - the first element with `dialogId` when the outage began.
   * @param document - where the counter elements are looked up by id.
   * @param dialogId - looked up again at each call, so a modal re-rendered mid-outage (an
   *   enhanced navigation replacing the layout) keeps receiving the classes.
   * @param maxRetries - written into `#components-reconnect-max-retries` at `show()` if bounded.
   */
  constructor(
    element: HTMLElement,
    private readonly document: Document,
    private readonly dialogId: string,
    private readonly maxRetries: number | undefined,
  ) {
    this.element = element;
  }

  /** The modal this display currently drives. */
  get modal(): HTMLElement {
    const current = this.document.getElementById(this.dialogId);
    if (current) this.element = current;
    return this.element;
  }

  show(): void {
    if (this.maxRetries !== undefined) this.setText(MAX_RETRIES_ID, this.maxRetries);
    this.change('show', { state: 'show' });
  }

  update(currentAttempt: number, secondsToNextAttempt: number): void {
    this.setText(CURRENT_ATTEMPT_ID, currentAttempt);
    this.setText(SECONDS_TO_NEXT_ATTEMPT_ID, secondsToNextAttempt);
    this.change(visualStateForUpdate(currentAttempt, secondsToNextAttempt), {
      state: 'retrying',
      currentAttempt,
      secondsToNextAttempt,
    });
  }

  offline(): void {
    this.change('offline', { state: 'offline' });
  }

  hide(): void {
    this.change('hide', { state: 'hide' });
  }

  failed(): void {
    this.change('failed', { state: 'failed' });
  }

  rejected(): void {
    this.change('rejected', { state: 'rejected' });
  }

  private change(state: VisualState, detail: ReconnectStateChangedDetail): void {
    const modal = this.modal;
    applyStateClasses(modal, state);
    dispatchStateChanged(modal, detail);
  }

  // `textContent`, not Blazor's `innerText`: same result for the plain spans the docs show, no
  // layout read, and it works where layout does not exist (jsdom, a hidden modal).
  private setText(id: string, value: number): void {
    const target = this.document.getElementById(id);
    if (target) target.textContent = String(value);
  }
}

/**
 * Gives the page's modal a defined first state: `components-reconnect-hide` (Blazor never sets
 * it before the first outage, aspnetcore #16870). No event is dispatched: nothing changed yet.
 * Call once at start; does nothing when the page has no such element.
 * @returns whether a modal was found.
 */
export function markUserModalHidden(document: Document, dialogId: string): boolean {
  const modal = document.getElementById(dialogId);
  if (!modal) return false;
  applyStateClasses(modal, 'hide');
  return true;
}
