import cssText from '../../../styles/reconnect.css?raw';
import { DEFAULT_DIALOG_ATTRIBUTE, DEFAULT_DIALOG_TEXT_ID } from '../constants';

/** The default dialog's parts, built once and kept for the page's life. */
export interface DialogElements {
  /** Light-DOM host appended to `body`; carries `data-reconnect-dialog` and the state event. */
  readonly host: HTMLElement;
  /** Open, so tests and pages can inspect it; the page's CSS still cannot leak in. */
  readonly root: ShadowRoot;
  /** A native `<dialog>`: `showModal()` gives the top layer, an inert page and `::backdrop`. */
  readonly dialog: HTMLDialogElement;
  /**
   * Decorative progress indicator: an empty `div`, which assistive technology skips without
   * `aria-hidden`. Hidden while a button is offered.
   */
  readonly spinner: HTMLElement;
  /**
   * The visible text of the current state ("Rejoining the server…"); describes the dialog. Not a
   * live region: the countdown ticks in it. (The dialog's name, `messages.title`, is its
   * `aria-label`, never shown.)
   */
  readonly stateText: HTMLElement;
  /** Polite live region, visually hidden: written once per state. */
  readonly status: HTMLElement;
  /** The buttons a state may offer, each labelled by the message key of the same name. */
  readonly buttons: Readonly<Record<DialogButton, HTMLButtonElement>>;
}

/** The dialog's buttons, named by their message keys. */
export type DialogButton = 'retry' | 'resume' | 'reload' | 'signIn';

/**
 * Builds the dialog with DOM calls only (`createElement`, `setAttribute`, `textContent`): no HTML
 * parsing, so a `require-trusted-types-for 'script'` policy has nothing to reject, and no inline
 * `style` attributes, so `style-src 'self'` has nothing to block (Blazor 9 injected its styles as
 * an HTML string, which a strict CSP rejects: aspnetcore #58629). The display attaches the host.
 *
 * The styles (`styles/reconnect.css`) go into the shadow root as a constructed stylesheet
 * (`adoptedStyleSheets`): not an inline style, so CSP does not apply to it. Where stylesheets are
 * not constructable (Safari before 16.4, Firefox before 101, jsdom) nothing is inserted: the
 * dialog opens with the browser's own `<dialog>` styles, still modal, accessible and CSP-clean,
 * just plainer.
 */
export function buildDialog(document: Document): DialogElements {
  const element = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    parent?: ParentNode,
    attributes: Record<string, string> = {},
  ): HTMLElementTagNameMap[K] => {
    const created = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
    parent?.append(created);
    return created;
  };

  // No id on the host: an id equal to `dialogId` would make the next outage mistake it for the
  // page's own modal. `data-nosnippet` keeps "Rejoining the server…" out of search-result
  // snippets, as Blazor's template does.
  const host = element('div', undefined, { [DEFAULT_DIALOG_ATTRIBUTE]: '', 'data-nosnippet': '' });
  const root = host.attachShadow({ mode: 'open' });

  try {
    // From the shadow root's own window: `adoptedStyleSheets` rejects a sheet of another realm.
    // Throws where stylesheets are not constructable, which leaves the browser's styles.
    const sheet = new (document.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(cssText);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Plainer, but the same dialog.
  }

  const dialog = element('dialog', root, {
    // `alertdialog`: the user must know their actions are not reaching the server. Permitted on
    // `<dialog>` by ARIA in HTML.
    role: 'alertdialog',
    'aria-modal': 'true',
    // Named by a stable label (`messages.title`, set at each state), described by the visible
    // state text: a name equal to the description would be read twice when the dialog opens.
    'aria-describedby': DEFAULT_DIALOG_TEXT_ID,
    // Focusable itself, so focus has a place inside the dialog when no button is offered.
    tabindex: '-1',
    // `part` names are the page's styling hooks (`[data-reconnect-dialog]::part(dialog)`): they
    // reach into the shadow root through CSS only, so strict CSP is untouched.
    part: 'dialog',
  });
  // Hidden or shown by each state before the dialog first opens, so no `hidden` here. Each
  // button's class is its name, which the stylesheet and tests select by.
  const spinner = element('div', dialog, { class: 'spinner', part: 'spinner' });
  const stateText = element('h2', dialog, { id: DEFAULT_DIALOG_TEXT_ID, part: 'text' });
  const status = element('p', dialog, { role: 'status' });
  // Two part names: `::part(button)` styles every button, `::part(retry)` one of them.
  const button = (name: DialogButton) => element('button', dialog, { class: name, type: 'button', part: `button ${name}` });
  return {
    host,
    root,
    dialog,
    spinner,
    stateText,
    status,
    buttons: { retry: button('retry'), resume: button('resume'), reload: button('reload'), signIn: button('signIn') },
  };
}
