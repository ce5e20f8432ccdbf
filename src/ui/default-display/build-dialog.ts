import {
  DEFAULT_DIALOG_ATTRIBUTE,
  DEFAULT_DIALOG_STATUS_ID,
  DEFAULT_DIALOG_TITLE_ID,
} from '../constants';

/** The default dialog's parts, built once and kept for the page's life. */
export interface DialogElements {
  /** Light-DOM host appended to `body`; carries `data-reconnect-dialog` and the state event. */
  readonly host: HTMLElement;
  /** Open, so tests and pages can inspect it; the page's CSS still cannot leak in. */
  readonly shadowRoot: ShadowRoot;
  /** A native `<dialog>`: `showModal()` gives the top layer, an inert page and `::backdrop`. */
  readonly dialog: HTMLDialogElement;
  /** Decorative progress indicator, hidden from assistive technology. */
  readonly spinner: HTMLElement;
  /** The visible text of the state; names the dialog. Not live: the countdown ticks in it. */
  readonly title: HTMLElement;
  /** Polite live region, visually hidden: written once per state, it describes the dialog. */
  readonly status: HTMLElement;
  readonly retryButton: HTMLButtonElement;
  readonly reloadButton: HTMLButtonElement;
}

/**
 * Builds the dialog with DOM calls only (`createElement`, `setAttribute`, `textContent`): no HTML
 * parsing, so a `require-trusted-types-for 'script'` policy has nothing to reject, and no inline
 * `style` attributes, so `style-src 'self'` has nothing to block (Blazor 9 injected its styles as
 * an HTML string, which a strict CSP rejects: aspnetcore #58629). The display attaches the host.
 */
export function buildDialog(document: Document): DialogElements {
  const host = document.createElement('div');
  host.setAttribute(DEFAULT_DIALOG_ATTRIBUTE, '');
  // Keeps "Rejoining the server…" out of search-result snippets, as Blazor's template does.
  host.setAttribute('data-nosnippet', '');
  const shadowRoot = host.attachShadow({ mode: 'open' });

  const dialog = document.createElement('dialog');
  // `alertdialog`: the user must know their actions are not reaching the server. Permitted on
  // `<dialog>` by ARIA in HTML; `aria-modal` matters for the fallback without `showModal()`.
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  // Named by a stable title (set in render from `messages.title`), described by the visible
  // state text: a name equal to the description would be read twice when the dialog opens.
  dialog.setAttribute('aria-describedby', DEFAULT_DIALOG_TITLE_ID);
  // Focusable itself, so focus has a place inside the dialog when no button is offered.
  dialog.setAttribute('tabindex', '-1');

  const spinner = document.createElement('div');
  spinner.className = 'spinner';
  spinner.setAttribute('aria-hidden', 'true');

  const title = document.createElement('h2');
  title.id = DEFAULT_DIALOG_TITLE_ID;
  title.className = 'message';

  const status = document.createElement('p');
  status.id = DEFAULT_DIALOG_STATUS_ID;
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');

  const actions = document.createElement('div');
  actions.className = 'actions';
  const retryButton = createButton(document, 'retry');
  const reloadButton = createButton(document, 'reload');
  actions.append(retryButton, reloadButton);

  dialog.append(spinner, title, status, actions);
  shadowRoot.append(dialog);
  return { host, shadowRoot, dialog, spinner, title, status, retryButton, reloadButton };
}

function createButton(document: Document, name: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = name;
  button.hidden = true;
  return button;
}
