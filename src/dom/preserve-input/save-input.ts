import { changedValue, keyedFields, type FieldValue, type FormField } from './form-fields';
import { recordKey, sessionStorageOf, writeRecord, type SavedFocus, type StorageSource } from './input-record';

/** Seams of {@link saveInput}, for tests. */
export interface SaveInputSettings {
  /** @default the document's `sessionStorage` */
  readonly storage?: StorageSource;
  /** Wall-clock milliseconds the record is dated with. @default Date.now() */
  readonly now?: number;
  /**
   * The field to give the focus back to. A modal that took the focus passes the element that had
   * it before. @default document.activeElement
   */
  readonly focused?: Element | null;
}

/** The caret or selection of a text field; `undefined` for fields that have none. */
function selectionOf(field: FormField): Pick<SavedFocus, 'start' | 'end'> {
  try {
    // `selectionStart` is null (or, in older engines, throws) for types without a caret.
    const { selectionStart: start, selectionEnd: end } = field as HTMLInputElement;
    return typeof start === 'number' && typeof end === 'number' ? { start, end } : {};
  } catch {
    return {};
  }
}

/**
 * Saves what the user typed on this page, so that it comes back after a reload: the values of
 * the form fields the user changed (text-like inputs, textareas, selects, checkboxes, radios),
 * the focused field and the scroll position, in `sessionStorage` under the page's URL. The page
 * restores them by itself when it loads this library again (the script tag, `start()` or the
 * Blazor handler script), once, as soon as the fields exist, within 10 minutes.
 *
 * Never saved: password, hidden and file inputs, fields with `autocomplete="off"` (or in a form
 * with it), and fields with, or inside an element with, `data-reconnect-ignore`.
 *
 * The default dialog calls it before each reload it makes (unless
 * `reconnectionOptions.preserveInput` is `false`); call it from your own modal before
 * `location.reload()`. It never throws: storage missing, blocked or full only means nothing is
 * saved, and the reload goes on.
 * @returns whether the record was written.
 * @example
 * saveInput();
 * location.reload();
 */
export function saveInput(document: Document = window.document, settings: SaveInputSettings = {}): boolean {
  const { storage = sessionStorageOf(document), now = Date.now(), focused = document.activeElement } = settings;
  try {
    const fields: [string, FieldValue][] = [];
    let focus: SavedFocus | undefined;
    for (const [key, field] of keyedFields(document)) {
      const value = changedValue(field);
      if (value !== undefined) fields.push([key, value]);
      if (field === focused) focus = { key, ...selectionOf(field) };
    }
    const view = document.defaultView;
    return writeRecord(storage, recordKey(document), {
      at: now,
      fields,
      scroll: [view?.scrollX ?? 0, view?.scrollY ?? 0],
      ...(focus ? { focus } : {}),
    });
  } catch {
    // A page in an unexpected shape (a detached document, a throwing getter) loses its input, as
    // it did before this feature; the reload must still happen.
    return false;
  }
}
