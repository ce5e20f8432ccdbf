// What the user sees of the reconnection UI, read in the page: the default dialog inside its open
// shadow root, and the state classes on the page's own modal. Every browser suite reads the
// dialog through this one view, so "visible", "offered" and "focused" mean the same everywhere.
import type { Page } from 'playwright-core';
import { waitUntil } from './page-helpers';

/** The default dialog as the user sees it. */
export interface DialogView {
  exists: boolean;
  /** The `<dialog>`'s `open` attribute. */
  open: boolean;
  /** `open` and rendered (`checkVisibility`, `visibility: hidden` counting as not visible). */
  visible: boolean;
  /** Shown with `showModal()` (top layer, page inert). */
  modal: boolean;
  /** Every class on the `<dialog>`: the one Blazor state class, nothing else. */
  classes: string[];
  role: string | null;
  name: string | null;
  /** The heading's text. */
  text: string;
  status: string;
  /** Labels of the buttons the user can see (none while the dialog is closed). */
  buttons: string[];
  /** Labels of the buttons the display offers (not `hidden`), whether or not the dialog is open. */
  offered: string[];
  /** The focused element inside the shadow root: `dialog`, or a button's label. */
  focus: string | null;
  /** The dialog's language, as `:lang()` matches it: one of {@link LANGUAGES}, or null. */
  language: string | null;
  /** The dialog's computed `direction`. */
  direction: string | null;
}

/** The languages the dialog's effective language is tested against. */
const LANGUAGES = ['en', 'fr', 'de', 'ar'];

export async function readDialog(page: Page): Promise<DialogView> {
  return page.evaluate((languages) => {
    const root = document.querySelector('[data-reconnect-dialog]')?.shadowRoot;
    const dialog = root?.querySelector('dialog');
    if (!root || !dialog) {
      return {
        exists: false, open: false, visible: false, modal: false, classes: [], role: null, name: null, text: '',
        status: '', buttons: [], offered: [], focus: null, language: null, direction: null,
      };
    }
    const active = root.activeElement;
    const buttons = Array.from(root.querySelectorAll('button'));
    return {
      exists: true,
      open: dialog.open,
      visible: dialog.checkVisibility({ visibilityProperty: true }),
      modal: dialog.matches(':modal'),
      classes: Array.from(dialog.classList),
      role: dialog.getAttribute('role'),
      name: dialog.getAttribute('aria-label'),
      text: root.querySelector('h2')?.textContent ?? '',
      status: root.querySelector('[role="status"]')?.textContent ?? '',
      buttons: buttons.filter((button) => button.checkVisibility({ visibilityProperty: true })).map((button) => button.textContent),
      offered: buttons.filter((button) => !button.hidden).map((button) => button.textContent),
      focus: active === dialog ? 'dialog' : active instanceof HTMLButtonElement ? active.textContent : active ? active.tagName : null,
      language: languages.find((language) => dialog.matches(`:lang(${language})`)) ?? null,
      direction: getComputedStyle(dialog).direction,
    };
  }, LANGUAGES);
}

/** Polls the dialog until `check` holds; the error names `what` and the last view seen. */
export async function waitForDialog(
  page: Page,
  check: (view: DialogView) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<DialogView> {
  let last: DialogView | undefined;
  try {
    await waitUntil(async () => check((last = await readDialog(page))), timeoutMs, what);
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`, { cause: error });
  }
  if (last === undefined) throw new Error(`${what}: the dialog was never read`);
  return last;
}

/** The dialog is on screen in `state` (a Blazor class suffix: show, retrying, failed…). */
export function shownIn(state: string): (view: DialogView) => boolean {
  return (view) => view.visible && view.classes.includes(`components-reconnect-${state}`);
}

/** The dialog is not on screen. */
export const hidden = (view: DialogView): boolean => !view.visible;

/** The classes on the page's own modal (Blazor's `components-reconnect-*` contract). */
export async function modalClasses(page: Page, id = 'components-reconnect-modal'): Promise<string[]> {
  return page.evaluate((modalId) => [...(document.getElementById(modalId)?.classList ?? [])], id);
}
