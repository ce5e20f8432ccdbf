import { createGuard } from '../../logging/guard';
import { WARNING, silentLogger, type Logger } from '../../logging/logger';
import { systemClock, type Clock } from '../../timing/clock';
import type { ReconnectionMessages } from '../../options/types';
import type {
  ReconnectionDisplay,
  ReconnectionDisplayContext,
} from '../reconnection-display';
import {
  applyStateClasses,
  createStateDisplay,
  type ReconnectState,
  type ReconnectStateChangedDetail,
} from '../display-state';
import { buildDialog, type DialogButton } from './build-dialog';
import { createMessageText } from './messages';
import { createLanguageFollower } from './follow-language';
import { createModalController } from './modal-controller';
import { recordReload } from './reload-guard';
import { saveInput } from '../../dom/preserve-input/save-input';

/** Seams and settings of the default dialog; all optional, every seam injectable for tests. */
export interface DefaultDisplaySettings {
  /** Where message-function errors and reload-guard decisions are reported. */
  readonly logger?: Logger;
  /** Runs the grace-period timer and dates reloads. @default systemClock */
  readonly clock?: Clock;
  /** @default `document.location.reload()` */
  readonly reload?: () => void;
  /** Storage for the reload-storm guard and the saved input; may throw. @default the window's `sessionStorage` */
  readonly storage?: () => Storage | null | undefined;
}

/** The built-in dialog: a display that is reused across outages. */
export interface DefaultDisplay extends Required<ReconnectionDisplay> {
  /** The light-DOM element holding the dialog (and receiving the state events). */
  readonly host: HTMLElement;
  /** Takes a new outage's options and callbacks; the elements stay the same. */
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
 * - waiting states (`show`, `update`, `offline`, `updating`, a `rejected` that reloads) appear only if still
 *   current `dialogDelayMilliseconds` after the outage began, so blips never flash a dialog; an
 *   attempt running when that time comes is waited for (see `createModalController`);
 * - states that need the user (`failed` → Retry, with Reload beside it; `paused` → Resume;
 *   `resume-failed` and a `rejected` without auto-reload → Reload) appear at once, focused on
 *   their (first) button;
 * - `hide` closes it, cancels a pending appearance and returns focus to where it was.
 *
 * It also dispatches the same non-bubbling `components-reconnect-state-changed` events as the
 * page-modal display, on its host element (`[data-reconnect-dialog]`), so a page can observe
 * states without providing its own modal.
 */
export function createDefaultDisplay(
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
  let { options, retry, resume, signIn } = context;
  const guard = createGuard(logger);
  const { host, root, dialog, spinner, stateText, status, buttons } = buildDialog(context.document);
  const modal = createModalController(host, dialog, context.document, clock);
  const language = createLanguageFollower(dialog, host, context.document);
  const text = createMessageText(() => options.messages, guard, logger);
  let shown: ReconnectState = 'hide';
  /** The 1-based attempt last reported by `update`; 0 before the first. */
  let attempt = 0;
  /** The button the state offers (focused when the state is entered), if any. */
  let offered: DialogButton | undefined;
  /**
   * The buttons on screen: the offered one, and for `failed` also Reload (the server may be back
   * but without the session; the reload is the user's call, so it is offered second).
   */
  let visible: readonly DialogButton[] = [];
  /** A click on the offered button was passed on; the next state change allows another. */
  let actionTaken = false;
  let disposed = false;

  /** Runs page-facing code through the guard; `false` when it threw. */
  const succeeded = (what: string, call: () => void): boolean =>
    guard(what, () => {
      call();
      return true;
    }) ?? false;
  /**
   * Saves the user's input first (the reloaded page puts it back), unless `preserveInput` is off.
   * `false` when the reload itself failed (a sandboxed frame): the Reload button is offered.
   */
  const reloadPage = (): boolean => {
    // `!== false`: options that Blazor itself passed (a handler given straight to blazor.web.js)
    // lack this library's key, and the default is on.
    if (options.preserveInput !== false) {
      // The field the user was in, not the dialog, which took the focus when it opened.
      saveInput(context.document, { storage, now: clock.now(), focused: modal.pageFocus() });
    }
    return succeeded('reload', reload);
  };

  /** The message key of a state's visible text. */
  const textKey = (state: ReconnectState, detail?: ReconnectStateChangedDetail): keyof ReconnectionMessages => {
    switch (state) {
      case 'show':
      case 'hide':
        return 'rejoining';
      case 'paused':
        return detail?.remote ? 'pausedByServer' : 'paused';
      case 'resume-failed':
        return 'resumeFailed';
      default:
        return state;
    }
  };

  /** The button a state offers: the way out when nothing more happens by itself. */
  const offerOf = (state: ReconnectState, reloading: boolean): DialogButton | undefined => {
    switch (state) {
      case 'failed':
        return 'retry';
      case 'paused':
        return 'resume';
      case 'resume-failed':
        return 'reload';
      case 'unauthorized':
        return 'signIn';
      case 'rejected':
        return reloading ? undefined : 'reload';
      default:
        return undefined;
    }
  };

  /** @param reloading - `rejected` only: the page is reloading itself, so no Reload button. */
  const draw = (next: ReconnectState, detail?: ReconnectStateChangedDetail, reloading = false) => {
    const previous = offered;
    offered = offerOf(next, reloading);
    const offeredButton = offered && buttons[offered];
    // Focus follows the offer: onto a new button, or off a withdrawn one that had it. Read before
    // the buttons are hidden: a hidden button loses focus on the next style pass.
    const moveFocus = offered ? offered !== previous : !!previous && root.activeElement === buttons[previous];
    // The live region is written only when what a screen reader would say changes: each state
    // is heard once, never the countdown's ticks.
    const announce = shown !== next || offered !== previous;
    shown = next;
    attempt = detail?.currentAttempt ?? (next === 'show' ? 0 : attempt);
    actionTaken = false;

    const messageContext = {
      attempt,
      maxRetries: options.maxRetries,
      secondsToNextAttempt: detail?.secondsToNextAttempt ?? 0,
    };
    applyStateClasses(dialog, next);
    // The page's language, copied (Firefox does not inherit it into the shadow tree).
    if (next === 'hide') language.stop();
    else language.follow();
    dialog.setAttribute('aria-label', text('title', messageContext));
    // `hide` keeps the last text: the dialog is closing, and blanking it would flash empty.
    if (next !== 'hide') {
      stateText.textContent = text(textKey(next, detail), messageContext);
      if (announce) status.textContent = stateText.textContent;
    }
    // The spinner goes when the user has to act: nothing is under way any more.
    spinner.hidden = !!offered;
    visible = offered ? [offered, ...(next === 'failed' ? (['reload'] as const) : [])] : [];
    for (const [name, button] of Object.entries(buttons)) button.hidden = !visible.includes(name as DialogButton);
    for (const name of visible) buttons[name].textContent = text(name, messageContext);

    if (next === 'hide') {
      modal.hide();
    } else {
      // `show` and `retrying` wait for an attempt; an update with no seconds left runs it now.
      const waitingForAttempt = next === 'show' || next === 'retrying';
      const attempt = !waitingForAttempt ? 'none' : detail?.secondsToNextAttempt === 0 ? 'running' : 'due';
      modal.show(offeredButton, options.dialogDelayMilliseconds, moveFocus, attempt);
    }
  };

  /**
   * One action per offered state: a double click must not start two attempts or resumes before
   * the process reports back (its next state change allows the next click). An action that
   * failed at once (it threw, or the reload did not start) leaves the button usable.
   */
  const onClick = (name: DialogButton, action: () => boolean) => {
    buttons[name].onclick = () => {
      if (!visible.includes(name) || actionTaken) return;
      actionTaken = true;
      if (!action()) actionTaken = false;
    };
  };
  onClick('retry', () => succeeded('retry', retry));
  onClick('resume', () => succeeded('resume', resume));
  onClick('reload', reloadPage);
  // Without `onUnauthorized`, a reload is the way to the app's sign-in (its redirect). A click,
  // never automatic: an expired sign-in must not become a reload loop.
  onClick('signIn', () => (options.onUnauthorized ? succeeded('signIn', signIn) : reloadPage()));

  return {
    ...createStateDisplay((next, detail) => {
      if (disposed) return undefined;
      let reloading = false;
      if (next === 'rejected') {
        const refused = recordReload(storage, clock.now());
        if (refused) logger.log(WARNING, `Session rejected; no automatic reload (${refused}).`);
        // Reloading only starts a navigation: the state is drawn and shown while it happens.
        else reloading = reloadPage();
      }
      draw(next, detail, reloading);
      return host;
    }),
    host,
    bind: (next) => {
      ({ options, retry, resume, signIn } = next);
    },
    // Without an event: nothing changed for the page, whose own modal takes over.
    conceal: () => {
      draw('hide');
    },
    dispose: () => {
      disposed = true;
      language.stop();
      modal.dispose();
      host.remove();
    },
  };
}
