// Page-side probes for the reconnection-UI suites: a recorder installed before any page script
// (every state event, and every change of what the user sees, timed with `performance.now()`),
// and readers for the default dialog inside its open shadow root.
import type { Page } from 'playwright-core';
import { waitUntil } from '../support/page-helpers';

export interface RecordedEvent {
  state: string;
  currentAttempt?: number;
  secondsToNextAttempt?: number;
  at: number;
}

export interface VisibilityChange {
  visible: boolean;
  at: number;
}

export interface UiRecord {
  /** `components-reconnect-state-changed`, heard in the capture phase (the event does not bubble). */
  events: RecordedEvent[];
  /** Checked on every animation frame: the user modal if the page has one, else the default dialog. */
  visibility: VisibilityChange[];
  /** When the default dialog's `open` attribute changed (MutationObserver, exact). */
  opens: VisibilityChange[];
}

interface RecorderWindow {
  __ui?: UiRecord;
  __uiStarted?: boolean;
}

/** Installs the recorder; call before `page.goto`. Runs outside the page's CSP (DevTools protocol). */
export async function installRecorder(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record: UiRecord = { events: [], visibility: [], opens: [] };
    (window as RecorderWindow).__ui = record;
    document.addEventListener(
      'components-reconnect-state-changed',
      (event) => {
        const detail = (event as CustomEvent<Omit<RecordedEvent, 'at'>>).detail;
        record.events.push({ ...detail, at: performance.now() });
      },
      true,
    );
    const watched = new WeakSet<ShadowRoot>();
    new MutationObserver(() => {
      const root = document.querySelector('[data-reconnect-dialog]')?.shadowRoot;
      if (!root || watched.has(root)) return;
      watched.add(root);
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          if (mutation.target instanceof HTMLDialogElement) {
            record.opens.push({ visible: mutation.target.open, at: performance.now() });
          }
        }
      }).observe(root, { subtree: true, attributes: true, attributeFilter: ['open'] });
    }).observe(document, { childList: true, subtree: true });
    let last = false;
    const frame = (): void => {
      const target =
        document.getElementById('components-reconnect-modal') ??
        document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector('dialog');
      const visible = target?.checkVisibility({ visibilityProperty: true }) ?? false;
      if (visible !== last) {
        last = visible;
        record.visibility.push({ visible, at: performance.now() });
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export async function readRecord(page: Page): Promise<UiRecord> {
  return page.evaluate(() => {
    const record = (window as RecorderWindow).__ui;
    if (!record) throw new Error('the UI recorder is not installed');
    return record;
  });
}

/** Waits for `Blazor.start()` to resolve (the page's start script sets a flag). */
export async function waitForStart(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as RecorderWindow).__uiStarted === true, undefined, { timeout: 10_000 });
}

/** What the user sees of the default dialog, read from its shadow root. */
export interface DialogView {
  exists: boolean;
  /** `open` and rendered (`checkVisibility`, `visibility: hidden` counting as not visible). */
  visible: boolean;
  /** Shown with `showModal()` (top layer, page inert). */
  modal: boolean;
  /** The Blazor state classes on the `<dialog>`. */
  classes: string[];
  role: string | null;
  name: string | null;
  text: string;
  status: string;
  /** Labels of the buttons the user can see. */
  buttons: string[];
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
    const host = document.querySelector('[data-reconnect-dialog]');
    const root = host?.shadowRoot;
    const dialog = root?.querySelector('dialog');
    if (!root || !dialog) {
      return {
        exists: false, visible: false, modal: false, classes: [], role: null, name: null, text: '',
        status: '', buttons: [], focus: null, language: null, direction: null,
      };
    }
    const active = root.activeElement;
    const status = root.querySelector('[role="status"]');
    return {
      exists: true,
      visible: dialog.checkVisibility({ visibilityProperty: true }),
      modal: dialog.matches(':modal'),
      classes: Array.from(dialog.classList).filter((name) => name.startsWith('components-reconnect-')),
      role: dialog.getAttribute('role'),
      name: dialog.getAttribute('aria-label'),
      text: root.querySelector('h2')?.textContent ?? '',
      status: status?.textContent ?? '',
      buttons: Array.from(root.querySelectorAll('button'))
        .filter((button) => button.checkVisibility({ visibilityProperty: true }))
        .map((button) => button.textContent),
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

/**
 * Fills the reload guard's history (`sessionStorage["circuit-reconnect:reloads"]`, a JSON array
 * of `Date.now()` stamps, limit 3 per minute) so the next rejection does not reload the page.
 */
export async function exhaustReloadGuard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const now = Date.now();
    sessionStorage.setItem('circuit-reconnect:reloads', JSON.stringify([now - 2000, now - 1000, now]));
  });
}

/** Computed style properties of an element of the dialog's shadow root (`dialog`, `.spinner`…). */
export async function shadowStyle(page: Page, selector: string, properties: string[]): Promise<Record<string, string>> {
  return page.evaluate(
    ([sel, props]) => {
      const element = document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector(sel);
      if (!element) throw new Error(`no ${sel} in the dialog`);
      const style = getComputedStyle(element);
      return Object.fromEntries(props.map((name) => [name, style.getPropertyValue(name)]));
    },
    [selector, properties] as const,
  );
}

/**
 * Waits until the dialog's finite animations (the fade-in) are over, so what is measured is the
 * dialog at rest: axe-core's contrast check would otherwise see half-transparent text.
 */
export async function waitForAnimations(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const root = document.querySelector('[data-reconnect-dialog]')?.shadowRoot;
      if (!root) return true;
      return root
        .getAnimations()
        .every((animation) => animation.effect?.getComputedTiming().iterations === Infinity || animation.playState === 'finished');
    },
    undefined,
    { timeout: 5_000 },
  );
}
