import { listen } from '../../dom/listen';
import type { Clock } from '../../timing/clock';

/** When and how the default dialog is on screen; see {@link createModalController}. */
export interface ModalController {
  /**
   * Shows the dialog for a state other than `hide`. A state that offers a button (`offered`)
   * appears at once, focused on it: waiting would only delay the way out. Other states still
   * resolve by themselves (an attempt pending, the network returning, a reload under way), so they
   * appear only if the dialog is still wanted `delay` ms (the grace period) after the first of
   * them: blips never flash a dialog. Once visible, the dialog stays.
   *
   * When the grace period ends while an attempt is due or running, that attempt is waited for,
   * up to one more `delay`: the reconnection process makes an attempt as the grace period ends,
   * or leaves it to the policy's own attempt when that is due within a quarter of `delay`, and a
   * cut shorter than the grace period is resumed by it and never painted. Which of the two timers the browser runs first does not matter (under
   * load it may run them late and in either order). If the attempt fails (the next state has no
   * attempt running) or takes longer, the dialog appears.
   * @param moveFocus - for an open dialog: whether focus moves, onto `offered`, else the dialog
   *   itself. The caller knows what it offered before, and where focus was.
   * @param attempt - `due`: waiting for an attempt; `running`: an attempt is in flight; `none`:
   *   no attempt is coming by itself (offline, or a state that offers a button).
   */
  show(offered: HTMLElement | undefined, delay: number, moveFocus: boolean, attempt: AttemptPhase): void;
  /** Closes the dialog or cancels its pending appearance, and gives the page back its focus. */
  hide(): void;
  /** Hides the dialog and removes every timer and listener; the host is left for the caller. */
  dispose(): void;
  /** The page's focused element: the one before the dialog opened while it is open, else now's. */
  pageFocus(): Element | null;
}

/** Where the reconnection stands, as far as the grace period cares. */
export type AttemptPhase = 'due' | 'running' | 'none';

/**
 * An attempt that starts this close to the end of the grace period (or later) is the grace
 * period's own attempt, which the dialog waits for: the process aims its extra attempt 1 ms
 * before the end, and leaves it out when the policy's next attempt is due soon after (within a
 * quarter of the grace period, and never less than this window).
 */
export const GRACE_ATTEMPT_WINDOW_MS = 50;

const NO_SCROLL: FocusOptions = { preventScroll: true };

/**
 * Owns everything a modal borrows from the page: focus (saved at open, restored at close), the
 * inertness of the rest of the page, and Escape; and the grace period before it appears.
 * `showModal()` gives the top layer (above any page `z-index`), an inert page and `::backdrop`; it
 * exists in every browser SignalR 10 supports (Chrome 37, Firefox 98, Safari 15.4), so there is no
 * fallback without it.
 */
export function createModalController(
  host: HTMLElement,
  dialog: HTMLDialogElement,
  document: Document,
  clock: Clock,
): ModalController {
  let isOpen = false;
  /** The grace period's timer, then (while `holding`) the cap on waiting for an attempt. */
  let timer: unknown;
  /** The grace period is over and the dialog waits for the due or running attempt's result. */
  let holding = false;
  let phase: AttemptPhase = 'none';
  /** When the grace period began, and when the latest attempt started. */
  let graceStartedAt = 0;
  let attemptStartedAt = Number.NEGATIVE_INFINITY;
  let previousFocus: HTMLElement | null | undefined;

  const present = () => {
    if (!dialog.open) dialog.showModal();
  };
  // `clearTimeout(undefined)` does nothing, as with the browser's own.
  const clearTimer = () => {
    clock.clearTimeout(timer);
    timer = undefined;
    holding = false;
  };
  /**
   * Puts the host back if something removed it (enhanced navigation, a framework). The dialog
   * has no `dir` of its own: it takes the page's direction through its host, and follows later
   * changes of it (its `lang` is copied at each state: Firefox does not inherit it).
   */
  const attach = () => {
    if (!host.isConnected) {
      // `body` is typed non-null but is null in a document without one (an early `<head>`
      // script).
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
      (document.body ?? document.documentElement).append(host);
      // A modal dialog leaves the top layer when removed but keeps `open`; `showModal()` on it
      // would throw, so drop `open` and present it again.
      if (isOpen) {
        dialog.removeAttribute('open');
        present();
      }
    }
  };
  /** Opens the dialog if it is not open, and moves focus into it: onto `target`, else itself. */
  const open = (target?: HTMLElement) => {
    clearTimer();
    if (!isOpen) {
      // The grace period may have ended after the host was removed.
      attach();
      // The element focused before, looking through open shadow roots. It may be `body` or a
      // part of this dialog: focusing those later does nothing, as focusing a removed element.
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      // A focused element is an HTML, SVG or MathML element: all of them have `focus()`.
      previousFocus = active as HTMLElement | null;
      isOpen = true;
      present();
    }
    (target ?? dialog).focus(NO_SCROLL);
  };
  const hide = () => {
    clearTimer();
    if (!isOpen) return;
    isOpen = false;
    dialog.close();
    previousFocus?.focus(NO_SCROLL);
  };

  // Handler properties on our own dialog: they go with it, nothing to remove at dispose.
  // A connection is not something the user can dismiss: Escape must not close the dialog.
  dialog.oncancel = (event) => {
    event.preventDefault();
  };
  // Chromium lets a second Escape close a dialog even when `cancel` is prevented (close-watcher
  // abuse protection, whatwg/html#9462). If it ever closes without us, put it back.
  dialog.onclose = () => {
    if (isOpen) present();
  };
  // Escape's default action is the close request; cancelling the keydown stops it before the
  // browser decides whether `cancel` may be prevented.
  const removeKeydown = listen(
    document,
    'keydown',
    (event: KeyboardEvent) => {
      if (isOpen && event.key === 'Escape') event.preventDefault();
    },
    true,
  );

  const endGrace = (delay: number) => {
    timer = undefined;
    // Is the grace period's attempt still to come, or under way? (Running: under way. Due, and
    // no attempt started near the end of the grace period: still to come.)
    const graceAttemptPending =
      phase === 'running' ||
      (phase === 'due' && attemptStartedAt < graceStartedAt + delay - GRACE_ATTEMPT_WINDOW_MS);
    if (!graceAttemptPending) {
      open();
      return;
    }
    holding = true;
    timer = clock.setTimeout(open, delay);
  };

  return {
    show: (action, delay, moveFocus, attempt) => {
      // While holding, only the due attempt starting keeps the dialog away: any other news (it
      // failed and a wait began, offline, a button) shows it.
      const stillAwaited = attempt === 'running' || (attempt === 'due' && phase === 'due');
      if (attempt === 'running' && phase !== 'running') attemptStartedAt = clock.now();
      phase = attempt;
      attach();
      if (isOpen) {
        if (moveFocus) open(action);
      } else if (action || !(delay > 0) || (holding && !stillAwaited)) {
        open(action);
      } else {
        if (timer === undefined) {
          graceStartedAt = clock.now();
          timer = clock.setTimeout(() => {
            endGrace(delay);
          }, delay);
        }
      }
    },
    hide,
    dispose: () => {
      hide();
      removeKeydown();
    },
    pageFocus: () => (isOpen ? (previousFocus ?? null) : document.activeElement),
  };
}
