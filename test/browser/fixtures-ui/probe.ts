// Page-side probes for the reconnection-UI suites: a recorder installed before any page script
// (every state event, and every change of what the user sees, timed with `performance.now()`),
// and readers of the default dialog's styles and animations (what it shows: support/dialog-view).
import type { Page } from 'playwright-core';

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
