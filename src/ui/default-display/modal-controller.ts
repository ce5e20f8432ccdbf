import { listen } from '../../dom/listen';
import type { DialogElements } from './build-dialog';

/** Opens and closes the default dialog as a modal; see {@link modalController}. */
export interface ModalController {
  /** Whether the dialog is (meant to be) on screen. */
  readonly isOpen: boolean;
  /**
   * Appends the host to `body` if something removed it (enhanced navigation, a framework), and
   * copies the page's `lang` and `dir`, so the texts are spoken and laid out as the page's.
   */
  attach(): void;
  /** Shows the dialog modally and moves focus into it: onto `target`, else the dialog. */
  open(target?: HTMLElement): void;
  /** Moves focus to `target` (an action button) or the dialog itself, if the dialog is open. */
  focus(target?: HTMLElement): void;
  /** Closes the dialog and gives the page back its focused element. */
  close(): void;
  /** Closes the dialog and removes every listener; the host is left for the caller to remove. */
  dispose(): void;
}

/**
 * Owns everything a modal borrows from the page: focus (saved at open, restored at close), the
 * inertness of the rest of the page, and Escape. `showModal()` gives the top layer (above any page
 * `z-index`), an inert page and `::backdrop`; it exists in every browser SignalR 10 supports
 * (Chrome 37, Firefox 98, Safari 15.4), so there is no fallback without it.
 */
export function modalController({ host, root, dialog }: DialogElements, document: Document): ModalController {
  let isOpen = false;
  let previousFocus: HTMLElement | undefined;

  const present = () => {
    if (!dialog.open) dialog.showModal();
  };
  const focus = (target?: HTMLElement) => {
    if (isOpen) (target ?? dialog).focus({ preventScroll: true });
  };
  const attach = () => {
    if (!host.isConnected) {
      // `body` is typed non-null but is null in a document without one (an early `<head>` script).
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
      (document.body ?? document.documentElement).append(host);
      // A modal dialog leaves the top layer when removed but keeps `open`; `showModal()` on it
      // would throw, so drop `open` and present it again.
      if (isOpen) {
        dialog.removeAttribute('open');
        present();
      }
    }
    const { lang, dir } = document.documentElement;
    for (const [name, value] of [['lang', lang], ['dir', dir]] as const) {
      if (value) dialog.setAttribute(name, value);
      else dialog.removeAttribute(name);
    }
  };
  const close = () => {
    if (!isOpen) return;
    isOpen = false;
    dialog.close();
    if (previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
    previousFocus = undefined;
  };

  const removeListeners = [
    // A connection is not something the user can dismiss: Escape must not close the dialog.
    listen(dialog, 'cancel', (event: Event) => {
      event.preventDefault();
    }),
    // Chromium lets a second Escape close a dialog even when `cancel` is prevented (close-watcher
    // abuse protection, whatwg/html#9462). If it ever closes without us, put it back.
    listen(dialog, 'close', () => {
      if (isOpen) present();
    }),
    // Escape's default action is the close request; cancelling the keydown stops it before the
    // browser decides whether `cancel` may be prevented.
    listen(
      document,
      'keydown',
      (event: KeyboardEvent) => {
        if (isOpen && event.key === 'Escape') event.preventDefault();
      },
      true,
    ),
  ];

  return {
    get isOpen() {
      return isOpen;
    },
    attach,
    open: (target) => {
      if (isOpen) return;
      attach();
      // The element focused before, looking through open shadow roots; nothing when focus is on
      // `body` or already inside the dialog.
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      // A focused element is an HTML, SVG or MathML element: all of them have `focus()`.
      previousFocus = active === document.body || root.contains(active) ? undefined : (active as HTMLElement | null) ?? undefined;
      isOpen = true;
      present();
      focus(target);
    },
    focus,
    close,
    dispose: () => {
      close();
      for (const remove of removeListeners) remove();
    },
  };
}
