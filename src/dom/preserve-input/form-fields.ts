/** A form field whose value the user may have typed or chosen. */
export type FormField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** What a field holds: text, a checked state, or a multiple select's chosen values. */
export type FieldValue = string | boolean | readonly string[];

/**
 * Input types whose value the user types or picks. Left out on purpose: `password` (a secret must
 * never reach storage), `hidden` (the page's own state: antiforgery tokens, ids), `file` (a
 * script cannot set it), and the buttons.
 */
const KEPT_INPUT_TYPES = new Set([
  'text', 'search', 'email', 'tel', 'url', 'number',
  'date', 'datetime-local', 'month', 'week', 'time', 'color', 'range',
  'checkbox', 'radio',
]);

/** The attribute that keeps a field, or everything inside an element, out of the saved record. */
export const IGNORE_ATTRIBUTE = 'data-reconnect-ignore';

// By tag name, not `instanceof`: a field may come from another window's document (a frame).
const isInput = (field: FormField): field is HTMLInputElement => field.localName === 'input';
const isSelect = (field: FormField): field is HTMLSelectElement => field.localName === 'select';
const isCheckable = (field: FormField): field is HTMLInputElement =>
  isInput(field) && (field.type === 'checkbox' || field.type === 'radio');

/**
 * Whether a field may be saved. `autocomplete="off"` on the field, or on its form when the field
 * sets none, marks values the page does not want remembered (one-time codes, card numbers): the
 * browser's own rule, read from the attributes because not every engine reflects the form's.
 */
export function isKeptField(field: FormField): boolean {
  if (isInput(field) && !KEPT_INPUT_TYPES.has(field.type)) return false;
  if (field.closest(`[${IGNORE_ATTRIBUTE}]`)) return false;
  const autocomplete = field.getAttribute('autocomplete') ?? field.form?.getAttribute('autocomplete');
  return autocomplete?.trim().toLowerCase() !== 'off';
}

/** Every field of the document that may be saved, in document order. */
export function keptFields(document: Document): FormField[] {
  return [...document.querySelectorAll<FormField>('input, textarea, select')].filter(isKeptField);
}

/**
 * A name for a field that the same page, rendered again after the reload, gives the same field:
 * its id, else its form's position and its name (with the value, for a radio or checkbox group),
 * else its position among the kept fields. The position is the last resort: it holds when the
 * page renders the same form, which a reload of the same URL does.
 */
export function fieldKey(field: FormField, position: number): string {
  if (field.id) return `#${field.id}`;
  if (field.name) {
    const forms = [...field.ownerDocument.forms];
    const form = field.form ? forms.indexOf(field.form) : -1;
    return `${form}:${field.name}${isCheckable(field) ? `=${field.value}` : ''}`;
  }
  return `@${position}`;
}

/** Keys for every kept field, in document order; a repeated key keeps its first field only. */
export function keyedFields(document: Document): Map<string, FormField> {
  const keyed = new Map<string, FormField>();
  keptFields(document).forEach((field, position) => {
    const key = fieldKey(field, position);
    if (!keyed.has(key)) keyed.set(key, field);
  });
  return keyed;
}

/** The field's value, or `undefined` when it still holds what the page rendered (nothing to keep). */
export function changedValue(field: FormField): FieldValue | undefined {
  if (isCheckable(field)) return field.checked === field.defaultChecked ? undefined : field.checked;
  if (isSelect(field)) {
    const options = [...field.options];
    if (field.multiple) {
      if (options.every((option) => option.selected === option.defaultSelected)) return undefined;
      return options.filter((option) => option.selected).map((option) => option.value);
    }
    // What the page renders: the option marked `selected`, else a drop-down's first option.
    const initial = options.find((option) => option.defaultSelected) ?? (field.size <= 1 ? options[0] : undefined);
    return field.selectedIndex === (initial?.index ?? -1) ? undefined : field.value;
  }
  return field.value === field.defaultValue ? undefined : field.value;
}

/**
 * Puts a saved value into a field; `true` when the field changed. Only values of the field's own
 * kind are accepted (a record written by another version of the page may not match).
 */
export function applyValue(field: FormField, value: FieldValue): boolean {
  if (isCheckable(field)) {
    if (typeof value !== 'boolean' || field.checked === value) return false;
    field.checked = value;
    return true;
  }
  if (isSelect(field) && field.multiple) {
    if (!Array.isArray(value)) return false;
    const chosen = new Set<string>(value as readonly string[]);
    let changed = false;
    for (const option of field.options) {
      if (option.selected !== chosen.has(option.value)) {
        option.selected = chosen.has(option.value);
        changed = true;
      }
    }
    return changed;
  }
  if (typeof value !== 'string' || field.value === value) return false;
  field.value = value;
  return true;
}
