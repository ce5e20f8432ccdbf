// The cross-engine suites' site: the built script tag, the demo hub, and host pages under the
// strict CSP, each loading the recorder first; plus what a test reads of the dialog in any engine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { uiPage, USER_MODAL_MARKUP } from '../../browser/fixtures-ui/pages';
import { startSite, STRICT_CSP } from '../../browser/support/site';
import type { Site } from '../../browser/support/site';
import type { EnginePage } from './engine';
import { RECORDER_SCRIPT } from './recorder';

const HEAD = '<script src="/engine-recorder.js"></script>';
const CSP = { 'Content-Security-Policy': STRICT_CSP };
/** One attempt a second, two of them: each state stays long enough to read in a slow engine. */
const OPTIONS = '{ reconnectionOptions: { maxRetries: 2, retryIntervalMilliseconds: 1000 } }';
const JS = 'text/javascript; charset=utf-8';

export function startEngineSite(): Promise<Site> {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return startSite({
    pages: {
      '/engine-recorder.js': { body: RECORDER_SCRIPT, contentType: JS },
      // Same-origin, so that the strict CSP lets the audit in as it lets the library in.
      '/axe.js': { body: axe, contentType: JS },
      ...uiPage({ startScript: '/dialog.js', startOptions: OPTIONS, extraHead: HEAD, headers: CSP }),
      ...uiPage({ startScript: '/modal.js', startOptions: OPTIONS, extraHead: HEAD, headers: CSP, extraBody: USER_MODAL_MARKUP }),
      ...uiPage({ startScript: '/rtl.js', startOptions: OPTIONS, extraHead: HEAD, headers: CSP, lang: 'ar', dir: 'rtl' }),
      '/elsewhere.html': '<!doctype html><title>Elsewhere</title><p>Another page.</p>',
    },
  });
}

/** What the user sees of the default dialog, read the same way in every engine. */
export interface EngineDialog {
  visible: boolean;
  modal: boolean;
  classes: string[];
  text: string;
  /** The focused element: `dialog`, a button's label, or the page's focused element's id. */
  focus: string | null;
  offered: string[];
  language: string | null;
  direction: string | null;
}

export function readEngineDialog(page: EnginePage): Promise<EngineDialog> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-reconnect-dialog]')?.shadowRoot;
    const dialog = root?.querySelector('dialog');
    const pageFocus = document.activeElement?.id ?? null;
    if (!root || !dialog) {
      return { visible: false, modal: false, classes: [], text: '', focus: pageFocus, offered: [], language: null, direction: null };
    }
    const active = root.activeElement;
    return {
      visible: dialog.checkVisibility({ visibilityProperty: true }),
      modal: dialog.matches(':modal'),
      classes: Array.from(dialog.classList),
      text: `${root.querySelector('h2')?.textContent ?? ''} ${root.querySelector('[role="status"]')?.textContent ?? ''}`.trim(),
      focus: active === dialog ? 'dialog' : active instanceof HTMLButtonElement ? active.textContent : (active?.tagName ?? pageFocus),
      offered: Array.from(root.querySelectorAll('button')).filter((button) => !button.hidden).map((button) => button.textContent),
      language: ['en', 'ar'].find((language) => dialog.matches(`:lang(${language})`)) ?? null,
      direction: getComputedStyle(dialog).direction,
    };
  });
}

/** Polls the page until `check` holds (bounded); the error names `what` and the last value seen. */
export async function pollPage<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | string | undefined;
  while (Date.now() < deadline) {
    try {
      const value = await read();
      if (check(value)) return value;
      last = value;
    } catch (error) {
      // A page between two documents (a reload) cannot be read for a moment.
      last = `read failed: ${String(error)}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${String(timeoutMs)} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

export const dialogIn = (page: EnginePage, check: (view: EngineDialog) => boolean, what: string, timeoutMs?: number): Promise<EngineDialog> =>
  pollPage(() => readEngineDialog(page), check, what, timeoutMs);

/** Waits until the page's circuit started (`Blazor.start()` resolved). */
export async function waitForStart(page: EnginePage, timeoutMs?: number): Promise<void> {
  await pollPage(() => page.evaluate(() => (window as { __uiStarted?: boolean }).__uiStarted === true), Boolean, 'the circuit to start', timeoutMs);
}
