import type { ReconnectionMessageContext } from '../../options/types';
import { applyStateClasses } from '../display-state';
import type { DialogElements } from './build-dialog';
import { actionOf, messageKeyOf, sameAnnouncement, type DialogState } from './dialog-state';
import type { MessageResolver } from './messages';

/** The attribute marking a `rejected` dialog whose page is reloading itself (spinner stays). */
export const RELOADING_ATTRIBUTE = 'data-reloading';

/**
 * Draws `state` into the dialog: state classes, heading text, live-region text, buttons. The only
 * place the dialog's content changes, so every state looks the same however it was reached.
 * Visibility (open/closed, grace period) and focus are the modal controller's business.
 *
 * @param previous - the state drawn before; the live region is written only when the
 *   announcement changes, so screen readers hear each state once and never the countdown ticks.
 */
export function render(
  elements: DialogElements,
  state: DialogState,
  previous: DialogState,
  messages: MessageResolver,
  maxRetries: number | undefined,
): void {
  const { dialog, title, status, retryButton, reloadButton } = elements;
  const context: ReconnectionMessageContext = {
    attempt: state.attempt,
    maxRetries,
    secondsToNextAttempt: state.secondsToNextAttempt,
  };

  applyStateClasses(dialog, state.visual);
  const name = messages.text('title', context);
  if (dialog.getAttribute('aria-label') !== name) dialog.setAttribute('aria-label', name);
  dialog.toggleAttribute(RELOADING_ATTRIBUTE, state.visual === 'rejected' && state.reloading);

  const key = messageKeyOf(state);
  // `hide` keeps the last text: the dialog is closing, and blanking it would flash empty.
  if (key !== undefined) {
    const text = messages.text(key, context);
    setText(title, text);
    if (!sameAnnouncement(previous, state)) status.textContent = text;
  }

  const action = actionOf(state);
  retryButton.hidden = action !== 'retry';
  reloadButton.hidden = action !== 'reload';
  setText(retryButton, messages.text('retry', context));
  setText(reloadButton, messages.text('reload', context));
}

// Writing an unchanged text would still replace the text node: skip it to keep mutations (and
// anything observing them) to real changes.
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
