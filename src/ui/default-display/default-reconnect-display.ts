import { LogLevel, type Logger } from '../../logging/logger';
import type { ReconnectionOptions } from '../../options/types';
import type { Clock } from '../../reconnection/clock';
import type {
  ReconnectionDisplay,
  ReconnectionDisplayContext,
} from '../../reconnection/reconnection-display';
import {
  dispatchStateChanged,
  visualStateForUpdate,
  type ReconnectStateChangedDetail,
} from '../display-state';
import { buildDialog, type DialogElements } from './build-dialog';
import {
  actionOf,
  INITIAL_DIALOG_STATE,
  waitsForGracePeriod,
  type DialogState,
} from './dialog-state';
import { installStyles, type StyleSource } from './install-styles';
import { MessageResolver } from './messages';
import { ModalController } from './modal-controller';
import type { ReloadDecision } from './reload-guard';
import { render } from './render';

/** What the default dialog needs besides a display context; every seam injectable for tests. */
export interface DefaultDisplayDependencies {
  readonly logger: Logger;
  /** Runs the grace-period timer. */
  readonly clock: Clock;
  /** Reloads the page (`location.reload()` in a browser). */
  readonly reload: () => void;
  /** Decides whether a rejection may reload the page automatically. */
  readonly reloadGuard: { tryRecordReload(): ReloadDecision };
  readonly styles: StyleSource;
}

/**
 * The built-in reconnection dialog, used when the page has no `#components-reconnect-modal`.
 * Built once and reused for every outage. Each display call computes a {@link DialogState},
 * renders it, then decides visibility:
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
export class DefaultReconnectDisplay implements ReconnectionDisplay {
  private readonly elements: DialogElements;
  private readonly modal: ModalController;
  private readonly messages: MessageResolver;
  private options: ReconnectionOptions;
  private retry: () => void;
  private state: DialogState = INITIAL_DIALOG_STATE;
  private graceTimer: unknown;
  private retryRequested = false;
  private disposed = false;

  constructor(
    context: ReconnectionDisplayContext,
    private readonly dependencies: DefaultDisplayDependencies,
  ) {
    this.options = context.options;
    this.retry = context.retry;
    this.messages = new MessageResolver(context.options.messages, dependencies.logger);
    this.elements = buildDialog(context.document);
    installStyles(this.elements.shadowRoot, dependencies.styles);
    this.modal = new ModalController(this.elements, context.document);
    this.elements.retryButton.addEventListener('click', this.onRetryClick);
    this.elements.reloadButton.addEventListener('click', this.onReloadClick);
  }

  /** The light-DOM element holding the dialog (and receiving the state events). */
  get host(): HTMLElement {
    return this.elements.host;
  }

  /** Takes a new outage's options and retry callback; the elements stay the same. */
  bind(context: ReconnectionDisplayContext): void {
    this.options = context.options;
    this.retry = context.retry;
    this.messages.setMessages(context.options.messages);
  }

  show(): void {
    this.transition(
      { visual: 'show', attempt: 0, secondsToNextAttempt: 0, reloading: false },
      { state: 'show' },
    );
  }

  update(currentAttempt: number, secondsToNextAttempt: number): void {
    this.transition(
      {
        visual: visualStateForUpdate(currentAttempt, secondsToNextAttempt),
        attempt: currentAttempt,
        secondsToNextAttempt,
        reloading: false,
      },
      { state: 'retrying', currentAttempt, secondsToNextAttempt },
    );
  }

  offline(): void {
    this.transition(this.next('offline', false), { state: 'offline' });
  }

  failed(): void {
    this.transition(this.next('failed', false), { state: 'failed' });
  }

  rejected(): void {
    const decision = this.dependencies.reloadGuard.tryRecordReload();
    if (decision !== 'allowed') {
      const why =
        decision === 'limit-reached'
          ? 'it was rejected again right after reloading (reload storm guard)'
          : 'reloads cannot be counted (sessionStorage unavailable)';
      this.dependencies.logger.log(
        LogLevel.Warning,
        `The session was rejected; not reloading automatically because ${why}.`,
      );
    }
    const reloading = decision === 'allowed';
    this.transition(this.next('rejected', reloading), { state: 'rejected' });
    if (reloading && !this.reloadPage()) {
      // The reload itself failed (a sandboxed frame): offer the button rather than a dead end.
      this.transition(this.next('rejected', false));
    }
  }

  hide(): void {
    this.transition(this.next('hide', false), { state: 'hide' });
  }

  /**
   * Closes the dialog and cancels a pending appearance without dispatching an event: used when
   * the page's own modal takes over for an outage.
   */
  conceal(): void {
    this.clearGraceTimer();
    this.modal.close();
    this.state = INITIAL_DIALOG_STATE;
  }

  /** Removes the dialog, its timer and its listeners. Later calls are ignored. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clearGraceTimer();
    this.modal.dispose();
    this.elements.retryButton.removeEventListener('click', this.onRetryClick);
    this.elements.reloadButton.removeEventListener('click', this.onReloadClick);
    this.elements.host.remove();
  }

  private next(visual: DialogState['visual'], reloading: boolean): DialogState {
    return { visual, attempt: this.state.attempt, secondsToNextAttempt: 0, reloading };
  }

  private transition(next: DialogState, detail?: ReconnectStateChangedDetail): void {
    if (this.disposed) return;
    const previous = this.state;
    const { retryButton, reloadButton } = this.elements;
    // Read before render hides the buttons: a hidden button loses focus on the next style pass.
    const focusOnButton = this.modal.hasFocus(retryButton) || this.modal.hasFocus(reloadButton);
    this.state = next;
    this.retryRequested = false;
    if (next.visual !== 'hide') {
      this.modal.ensureAttached();
      this.modal.syncLanguage();
    }
    render(this.elements, next, previous, this.messages, this.options.maxRetries);
    this.updateVisibility(previous, focusOnButton);
    // Last, so a listener that re-enters the display finds this transition complete.
    if (detail) dispatchStateChanged(this.elements.host, detail);
  }

  private updateVisibility(previous: DialogState, focusWasOnButton: boolean): void {
    const state = this.state;
    if (state.visual === 'hide') {
      this.clearGraceTimer();
      this.modal.close();
      return;
    }
    const action = actionOf(state);
    const button = action && (action === 'retry' ? this.elements.retryButton : this.elements.reloadButton);
    if (this.modal.isOpen) {
      if (button && actionOf(previous) !== action) this.modal.focusInside(button);
      else if (!button && focusWasOnButton) this.modal.focusInside();
      return;
    }
    if (!waitsForGracePeriod(state)) {
      this.clearGraceTimer();
      this.modal.open(button);
      return;
    }
    if (this.graceTimer !== undefined) return;
    const delay = this.options.dialogDelayMilliseconds;
    if (!(delay > 0)) {
      this.modal.open();
      return;
    }
    this.graceTimer = this.dependencies.clock.setTimeout(() => {
      this.graceTimer = undefined;
      if (this.state.visual !== 'hide') this.modal.open();
    }, delay);
  }

  private clearGraceTimer(): void {
    if (this.graceTimer === undefined) return;
    this.dependencies.clock.clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
  }

  private reloadPage(): boolean {
    try {
      this.dependencies.reload();
      return true;
    } catch (error) {
      this.dependencies.logger.log(LogLevel.Error, 'Reloading the page failed.', error);
      return false;
    }
  }

  // One retry per failed state: a double click must not start two attempts before the process
  // reports back with show().
  private readonly onRetryClick = (): void => {
    if (this.state.visual !== 'failed' || this.retryRequested) return;
    this.retryRequested = true;
    try {
      this.retry();
    } catch (error) {
      this.retryRequested = false;
      this.dependencies.logger.log(
        LogLevel.Error,
        'The Retry button could not start an attempt.',
        error,
      );
    }
  };

  private readonly onReloadClick = (): void => {
    this.reloadPage();
  };
}
