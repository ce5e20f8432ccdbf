import { listen } from '../../dom/listen';
import type { DialogElements } from './build-dialog';

/** Set on the `<dialog>` when the browser has no `showModal()` and the fallback is used. */
export const FALLBACK_MODAL_ATTRIBUTE = 'data-fallback-modal';

/**
 * Opens and closes the default dialog as a modal, and owns everything a modal borrows from the
 * page: focus (saved at open, restored at close), inertness of the rest of the page, and Escape.
 *
 * Where `HTMLDialogElement.prototype.showModal` exists (every current browser) it is used: the
 * top layer beats any page `z-index`, the page becomes inert, `::backdrop` dims it. Where it does
 * not (jsdom, Safari before 15.4) the dialog gets `open` and every other child of `body` gets
 * `inert` for as long as the dialog is open; only the attributes set here are removed again.
 */
export class ModalController {
  private wantedOpen = false;
  private previousFocus: HTMLElement | undefined;
  private inerted: Element[] = [];
  private readonly removeListeners: (() => void)[] = [];

  constructor(
    private readonly elements: DialogElements,
    private readonly document: Document,
  ) {
    const { dialog } = elements;
    // A connection is not something the user can dismiss: Escape must not close the dialog.
    // Chromium lets a second Escape close a dialog even when `cancel` is prevented (close-watcher
    // abuse protection, whatwg/html#9462). If it ever closes without us, put it back.
    this.removeListeners.push(
      listen(dialog, 'cancel', (event: Event) => {
        event.preventDefault();
      }),
      listen(dialog, 'close', () => {
        if (this.wantedOpen && !dialog.open) this.present();
      }),
    );
  }

  /** Whether the dialog is (meant to be) on screen. */
  get isOpen(): boolean {
    return this.wantedOpen;
  }

  /** Appends the host to `body` if something removed it (enhanced navigation, a framework). */
  ensureAttached(): void {
    const { host, dialog } = this.elements;
    if (host.isConnected) return;
    // `body` is typed non-null but is null in a document without one (an early `<head>` script).
    const body: HTMLElement | null = this.document.body;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
    (body ?? this.document.documentElement).append(host);
    // A modal dialog leaves the top layer when removed but keeps `open`; `showModal()` on it
    // would throw, so drop `open` and present it again.
    if (this.wantedOpen) {
      dialog.removeAttribute('open');
      this.present();
    }
  }

  /** Copies the page's `lang` and `dir`, so the texts are spoken and laid out as the page's. */
  syncLanguage(): void {
    const { lang, dir } = this.document.documentElement;
    setOrRemove(this.elements.dialog, 'lang', lang);
    setOrRemove(this.elements.dialog, 'dir', dir);
  }

  /** Shows the dialog modally and moves focus into it: onto `focusTarget`, else the dialog. */
  open(focusTarget?: HTMLElement): void {
    if (this.wantedOpen) return;
    this.ensureAttached();
    this.previousFocus = this.focusedOutside();
    this.wantedOpen = true;
    this.present();
    // Added per opening and removed in close(), not kept in removeListeners: 200 outages must
    // not pile up 200 entries.
    this.document.addEventListener('keydown', this.onKeydown, true);
    this.focusInside(focusTarget);
  }

  /** Moves focus to `target` (an action button) or the dialog itself, if the dialog is open. */
  focusInside(target?: HTMLElement): void {
    if (!this.wantedOpen) return;
    (target ?? this.elements.dialog).focus({ preventScroll: true });
  }

  /** Whether focus is on `element` (inside the shadow root). */
  hasFocus(element: HTMLElement): boolean {
    return this.elements.shadowRoot.activeElement === element;
  }

  /** Closes the dialog, gives the page back its interactivity and its focused element. */
  close(): void {
    if (!this.wantedOpen) return;
    this.wantedOpen = false;
    const { dialog } = this.elements;
    this.document.removeEventListener('keydown', this.onKeydown, true);
    if (dialog.hasAttribute(FALLBACK_MODAL_ATTRIBUTE)) {
      dialog.removeAttribute('open');
      dialog.removeAttribute(FALLBACK_MODAL_ATTRIBUTE);
      for (const element of this.inerted) element.removeAttribute('inert');
      this.inerted = [];
    } else if (typeof dialog.close === 'function') {
      dialog.close();
    } else {
      dialog.removeAttribute('open');
    }
    const previous = this.previousFocus;
    this.previousFocus = undefined;
    if (previous?.isConnected) previous.focus({ preventScroll: true });
  }

  /** Closes the dialog and removes every listener; the host is left for the caller to remove. */
  dispose(): void {
    this.close();
    for (const remove of this.removeListeners.splice(0)) remove();
  }

  private present(): void {
    const { dialog } = this.elements;
    if (typeof dialog.showModal === 'function') {
      try {
        if (!dialog.open) dialog.showModal();
        return;
      } catch {
        // Not connected or already open non-modally: the fallback still shows it.
      }
    }
    this.presentFallback();
  }

  private presentFallback(): void {
    const { dialog, host } = this.elements;
    dialog.setAttribute(FALLBACK_MODAL_ATTRIBUTE, '');
    dialog.setAttribute('open', '');
    const parent = host.parentElement;
    if (!parent) return;
    for (const sibling of Array.from(parent.children)) {
      if (sibling === host || sibling.hasAttribute('inert')) continue;
      sibling.setAttribute('inert', '');
      this.inerted.push(sibling);
    }
  }

  // Escape's default action is the close request; cancelling the keydown stops it before the
  // browser decides whether `cancel` may be prevented.
  private readonly onKeydown = (event: Event): void => {
    if ((event as KeyboardEvent).key === 'Escape') event.preventDefault();
  };

  // The element focused before the dialog opened, looking through open shadow roots; never the
  // dialog's own host (a retry from the failed state reopens nothing, but be safe).
  private focusedOutside(): HTMLElement | undefined {
    let active = this.document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!isFocusable(active) || active === this.document.body) return undefined;
    if (active === this.elements.host || this.elements.shadowRoot.contains(active)) return undefined;
    return active;
  }

}

// Duck-typed rather than `instanceof HTMLElement`, which fails for a document of another realm.
function isFocusable(element: Element | null): element is HTMLElement {
  return typeof (element as Partial<HTMLElement> | null)?.focus === 'function';
}

function setOrRemove(element: Element, name: string, value: string): void {
  if (value) element.setAttribute(name, value);
  else element.removeAttribute(name);
}
