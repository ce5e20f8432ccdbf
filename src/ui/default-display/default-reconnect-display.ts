import { ERROR, WARNING, silentLogger, type Logger } from '../../logging/logger';
import { systemClock, type Clock } from '../../timing/clock';
import type {
  ReconnectionDisplay,
  ReconnectionDisplayContext,
} from '../reconnection-display';
import {
  applyStateClasses,
  stateDisplay,
  type ReconnectStateChangedDetail,
  type VisualState,
} from '../display-state';
import { buildDialog } from './build-dialog';
import { messageText } from './messages';
import { modalController } from './modal-controller';
import { recordReload } from './reload-guard';

/** Seams and settings of the default dialog; all optional, every seam injectable for tests. */
export interface DefaultDisplaySettings {
  /** Where message-function errors and reload-guard decisions are reported. */
  readonly logger?: Logger;
  /** Runs the grace-period timer and dates reloads. @default systemClock */
  readonly clock?: Clock;
  /** @default `document.location.reload()` */
  readonly reload?: () => void;
  /** Storage for the reload-storm guard; may throw. @default the window's `sessionStorage` */
  readonly storage?: () => Storage | null | undefined;
}

/** The built-in dialog: a display that is reused across outages. */
export interface DefaultDisplay extends ReconnectionDisplay {
  /** The light-DOM element holding the dialog (and receiving the state events). */
  readonly host: HTMLElement;
  /** Takes a new outage's options and retry callback; the elements stay the same. */
  bind(context: ReconnectionDisplayContext): void;
  /**
   * Closes the dialog and cancels a pending appearance without dispatching an event: used when
   * the page's own modal takes over for an outage.
   */
  conceal(): void;
  /** Removes the dialog, its timer and its listeners. Later calls are ignored. */
  dispose(): void;
}

/**
 * The built-in reconnection dialog, used when the page has no `#components-reconnect-modal`.
 * Built once and reused for every outage. Each display call draws its state (the only place the
 * dialog's content changes, so every state looks the same however it was reached), then hands
 * visibility to the modal controller:
 * - waiting states (`show`, `update`, `offline`, a `rejected` that reloads) appear only if still
 *   current `dialogDelayMilliseconds` after the outage began, so blips never flash a dialog;
 * - states that need the user (`failed` → Retry, `rejected` without auto-reload → Reload) appear
 *   at once, focused on their button;
 * - `hide` closes it, cancels a pending appearance and returns focus to where it was.
 *
 * It also dispatches the same non-bubbling `components-reconnect-state-changed` events as the
 * page-modal display, on its host element (`[data-reconnect-dialog]`), so a page can observe
 * states without providing its own modal.
 */
export function defaultReconnectDisplay(
  context: ReconnectionDisplayContext,
  {
    logger = silentLogger,
    clock = systemClock,
    reload = () => {
      context.document.location.reload();
    },
    storage = () => context.document.defaultView?.sessionStorage,
  }: DefaultDisplaySettings = {},
): DefaultDisplay {
  let { options, retry } = context;
  const [host, root, dialog, spinner, title, status, retryButton, reloadButton] = buildDialog(context.document);
  const modal = modalController(host, dialog, context.document, clock);
  const text = messageText(() => options.messages, logger);
  let visual: VisualState = 'hide';
  /** The 1-based attempt last reported by `update`; 0 before the first. */
  let attempt = 0;
  /** The button the state offers (focused when the state is entered), if any. */
  let action: HTMLButtonElement | undefined;
  let retryRequested = false;
  let disposed = false;

  const reloadPage = (): boolean => {
    try {
      reload();
      return true;
    } catch (error) {
      logger.log(ERROR, 'Reloading the page failed.', error);
      return false;
    }
  };

  /** @param reloading - `rejected` only: the page is reloading itself, so no Reload button. */
  const transition = (next: VisualState, detail?: ReconnectStateChangedDetail, reloading?: boolean) => {
    const previous = action;
    action = next === 'failed' ? retryButton : next === 'rejected' && !reloading ? reloadButton : undefined;
    // Focus follows the offer: onto a new button, or off a withdrawn one that had it. Read before
    // the buttons are hidden: a hidden button loses focus on the next style pass.
    const moveFocus = action ? action !== previous : root.activeElement === previous;
    // The live region is written only when what a screen reader would say changes: each state
    // is heard once, never the countdown's ticks.
    const announce = visual !== next || action !== previous;
    visual = next;
    attempt = detail?.currentAttempt ?? (next === 'show' ? 0 : attempt);
    retryRequested = false;

    const messageContext = {
      attempt,
      maxRetries: options.maxRetries,
      secondsToNextAttempt: detail?.secondsToNextAttempt ?? 0,
    };
    applyStateClasses(dialog, next);
    dialog.setAttribute('aria-label', text('title', messageContext));
    // `hide` keeps the last text: the dialog is closing, and blanking it would flash empty.
    if (next !== 'hide') {
      title.textContent = text(next === 'show' ? 'rejoining' : next, messageContext);
      if (announce) status.textContent = title.textContent;
    }
    // The spinner goes when the user has to act: nothing is under way any more.
    spinner.hidden = !!action;
    retryButton.hidden = action !== retryButton;
    reloadButton.hidden = action !== reloadButton;
    // A button's class is its message key.
    if (action) action.textContent = text(action.className as 'retry' | 'reload', messageContext);

    if (next === 'hide') modal.hide();
    else modal.show(action, options.dialogDelayMilliseconds, moveFocus);
  };

  reloadButton.onclick = () => {
    reloadPage();
  };
  // One retry per failed state: a double click must not start two attempts before the process
  // reports back with show().
  retryButton.onclick = () => {
    if (visual !== 'failed' || retryRequested) return;
    retryRequested = true;
    try {
      retry();
    } catch (error) {
      retryRequested = false;
      logger.log(ERROR, 'Retry button: retry() threw.', error);
    }
  };

  return {
    ...stateDisplay((next, detail) => {
      if (disposed) return undefined;
      let reloading = false;
      if (next === 'rejected') {
        const refused = recordReload(storage, clock.now());
        if (refused) logger.log(WARNING, `Session rejected; no automatic reload (${refused}).`);
        // Reloading only starts a navigation: the state is drawn and shown while it happens. When
        // the reload itself fails (a sandboxed frame), the button is offered rather than a dead end.
        else reloading = reloadPage();
      }
      transition(next, detail, reloading);
      return host;
    }),
    host,
    bind: (next) => {
      ({ options, retry } = next);
    },
    // Without an event: nothing changed for the page, whose own modal takes over.
    conceal: () => {
      transition('hide');
    },
    dispose: () => {
      disposed = true;
      modal.dispose();
      host.remove();
    },
  };
}
