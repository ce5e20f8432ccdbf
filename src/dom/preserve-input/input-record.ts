import type { FieldValue } from './form-fields';

/** Records older than this, in milliseconds, are ignored: the user has moved on. */
export const INPUT_RECORD_MAX_AGE_MS = 10 * 60_000;

/** The `sessionStorage` key prefix of saved input; the page's URL (without its hash) follows. */
export const INPUT_RECORD_PREFIX = 'circuit-reconnect:input:';

/** Where the focus was: a field's key, and the text selection inside it when it has one. */
export interface SavedFocus {
  readonly key: string;
  readonly start?: number;
  readonly end?: number;
}

/** What survives the reload: the changed fields by key, the focus and the scroll position. */
export interface InputRecord {
  /** Wall-clock milliseconds when it was saved. */
  readonly at: number;
  readonly fields: readonly (readonly [string, FieldValue])[];
  readonly focus?: SavedFocus;
  readonly scroll: readonly [number, number];
}

/** Returns the storage that survives a reload; may throw (storage blocked) or return nothing. */
export type StorageSource = () => Storage | null | undefined;

/** The record's key for the document's URL: a reload keeps the URL, the hash aside. */
export const recordKey = (document: Document): string => INPUT_RECORD_PREFIX + document.URL.replace(/#.*$/, '');

/** The window's `sessionStorage`, read lazily: merely reading it throws where storage is blocked. */
export const sessionStorageOf = (document: Document): StorageSource => () => document.defaultView?.sessionStorage;

/**
 * Writes the record. Never throws: storage missing, blocked or full (QuotaExceededError) must
 * never stop the reload that follows; the input is then lost, as it was before this feature.
 * @returns whether the record was written.
 */
export function writeRecord(storage: StorageSource, key: string, record: InputRecord): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(key, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

const isFieldValue = (value: unknown): value is FieldValue =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (Array.isArray(value) && value.every((each) => typeof each === 'string'));

/** Parses a stored record; `undefined` for a corrupt or foreign value (the key is ours). */
function parseRecord(raw: string): InputRecord | undefined {
  try {
    const value = JSON.parse(raw) as Partial<InputRecord> | null;
    if (!value || typeof value.at !== 'number' || !Array.isArray(value.fields)) return undefined;
    const fields = value.fields.filter(
      (entry): entry is readonly [string, FieldValue] =>
        Array.isArray(entry) && typeof entry[0] === 'string' && isFieldValue(entry[1]),
    );
    const scroll = Array.isArray(value.scroll) && value.scroll.every(Number.isFinite) ? value.scroll : ([0, 0] as const);
    const focus = typeof value.focus?.key === 'string' ? value.focus : undefined;
    return { at: value.at, fields, scroll, ...(focus ? { focus } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * Reads the record and deletes it, so it is restored at most once (a page that reloads again
 * before the fields appear does not restore stale values twice). Never throws.
 * @param now - wall-clock milliseconds; a record older than {@link INPUT_RECORD_MAX_AGE_MS}, or
 *   dated in the future by more than that (a clock that jumped), is ignored.
 */
export function takeRecord(storage: StorageSource, key: string, now: number): InputRecord | undefined {
  try {
    const store = storage();
    const raw = store?.getItem(key);
    if (!store || raw === null || raw === undefined) return undefined;
    store.removeItem(key);
    const record = parseRecord(raw);
    return record && Math.abs(now - record.at) < INPUT_RECORD_MAX_AGE_MS ? record : undefined;
  } catch {
    return undefined;
  }
}
