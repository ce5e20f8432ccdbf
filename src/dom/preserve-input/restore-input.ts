import { listen } from '../listen';
import { applyValue, keyedFields, type FormField } from './form-fields';
import { recordKey, sessionStorageOf, takeRecord, type StorageSource } from './input-record';

/**
 * How long, in milliseconds, restoring waits for the saved fields to appear. A Blazor page
 * renders its interactive form only once its circuit started, and replaces prerendered fields
 * then; a few seconds covers that, and a bound keeps a form that never comes back from being
 * filled in by surprise later.
 */
export const RESTORE_WAIT_MS = 10_000;

/** Seams of {@link restoreInput}, for tests. */
export interface RestoreInputSettings {
  /** @default the document's `sessionStorage` */
  readonly storage?: StorageSource;
  /** Wall-clock milliseconds, to age the record. @default Date.now() */
  readonly now?: number;
}

/**
 * How often restoring takes the focus back from page code that moved it (Blazor's template
 * focuses the `h1` after its first interactive render, `<FocusOnNavigate>`): a few times, so a
 * page that insists is not fought forever.
 */
const FOCUS_RECLAIMS = 3;

/** What the user does that ends restoring: from then on the page is theirs. */
const USER_ACTIONS = ['keydown', 'pointerdown', 'wheel', 'touchstart'];

/** Tells frameworks (Blazor's `@bind`, React, Vue) about the value, as a user's edit would. */
const announce = (field: FormField) => {
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
};

/**
 * Restores what {@link saveInput} saved for this URL before the page reloaded, then deletes the
 * record. Fields that exist now are filled at once; fields rendered later (a Blazor page, whose
 * interactive render also replaces the prerendered fields) are filled as they appear, each
 * element once, for at most {@link RESTORE_WAIT_MS}, or until the user presses a key, clicks,
 * scrolls or touches the page. Each filled field gets `input` and `change` events; the focused
 * field gets the focus and its selection back, and the scroll position returns.
 *
 * The entries call it when they load (the script tag, `start()`, the Blazor handler script); a
 * page never needs to. Never throws.
 * @returns stops restoring early (for a page that tears the library down, and for tests).
 */
export function restoreInput(document: Document = window.document, settings: RestoreInputSettings = {}): () => void {
  const { storage = sessionStorageOf(document), now = Date.now() } = settings;
  const record = takeRecord(storage, recordKey(document), now);
  const view = document.defaultView;
  if (!record || !view) return () => undefined;
  const filled = new WeakSet<FormField>();
  let focused: FormField | undefined;
  const releases: (() => void)[] = [];
  const stop = () => {
    for (const release of releases.splice(0)) release();
  };

  const fill = () => {
    const keyed = keyedFields(document);
    let changed = false;
    for (const [key, value] of record.fields) {
      const field = keyed.get(key);
      if (!field || filled.has(field)) continue;
      filled.add(field);
      changed = true;
      if (applyValue(field, value)) announce(field);
    }
    const { focus } = record;
    const target = focus && keyed.get(focus.key);
    // A re-rendered field is a new element: it gets the focus again, as it got its value.
    if (target && target !== focused) {
      focused = target;
      changed = true;
      target.focus({ preventScroll: true });
      if (focus.start !== undefined && focus.end !== undefined && 'setSelectionRange' in target) {
        try {
          target.setSelectionRange(focus.start, focus.end);
        } catch {
          // A type without a caret (an email input in older engines).
        }
      }
    }
    if (changed) view.scrollTo(record.scroll[0], record.scroll[1]);
  };

  try {
    fill();
    const observer = new view.MutationObserver(fill);
    observer.observe(document, { childList: true, subtree: true });
    releases.push(() => {
      observer.disconnect();
    });
    const timer = globalThis.setTimeout(stop, RESTORE_WAIT_MS);
    releases.push(() => {
      globalThis.clearTimeout(timer);
    });
    let reclaims = 0;
    // Not the user (their key or click ended restoring before the focus moved): the page's own
    // "initial focus" code, which the focus the user left yields to.
    releases.push(
      listen(
        document,
        'focusin',
        (event: FocusEvent) => {
          if (focused?.isConnected && event.target !== focused && reclaims++ < FOCUS_RECLAIMS) {
            focused.focus({ preventScroll: true });
          }
        },
        true,
      ),
    );
    for (const type of USER_ACTIONS) {
      releases.push(
        listen(
          document,
          type,
          (event: Event) => {
            if (event.isTrusted) stop();
          },
          // Passive: `wheel` and `touchstart` listeners must never hold up scrolling.
          { capture: true, passive: true },
        ),
      );
    }
  } catch {
    // A page in an unexpected shape keeps what it rendered.
    stop();
  }
  return stop;
}
