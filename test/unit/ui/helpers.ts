// Shared fixtures for the UI tests: contexts, a recorded event stream, a storage double and spies
// on `showModal`/`close` (jsdom has neither: test/unit/setup.ts installs a stand-in).
import { afterEach, vi } from 'vitest';
import { defaultReconnectionOptions } from '../../../src/options/defaults';
import type { ReconnectionOptions } from '../../../src/options/types';
import { STATE_CHANGED_EVENT, STATE_CLASS_PREFIX } from '../../../src/ui/constants';
import type { ReconnectStateChangedDetail, ReconnectState } from '../../../src/ui/display-state';
import { createDisplaySelector, type DisplaySelector, type DisplaySelectorOptions } from '../../../src/ui/display-selector';
import type { ReconnectionDisplayContext } from '../../../src/ui/reconnection-display';
import { RecordingLogger } from '../support/recording-logger';
import type { ReconnectionDisplay } from '../../../src/ui/reconnection-display';
import type { DefaultDisplay } from '../../../src/ui/default-display/default-reconnect-display';
import { createUserSpecifiedDisplay } from '../../../src/ui/user-specified-display';

export function makeOptions(overrides: Partial<ReconnectionOptions> = {}): ReconnectionOptions {
  return { ...defaultReconnectionOptions(), ...overrides };
}

export function makeContext(
  overrides: Partial<ReconnectionOptions> = {},
  retry: () => void = vi.fn(),
  resume: () => void = vi.fn(),
  signIn: () => void = vi.fn(),
): ReconnectionDisplayContext {
  return { options: makeOptions(overrides), document, retry, resume, signIn };
}

/** The class Blazor's contract puts on the modal for `state`, e.g. `components-reconnect-show`. */
export const stateClass = (state: ReconnectState): string => STATE_CLASS_PREFIX + state;

/** Every state event `target` receives, in order; a bubbling one is recorded as such. */
export function recordEvents(target: EventTarget): (ReconnectStateChangedDetail | 'bubbled')[] {
  const details: (ReconnectStateChangedDetail | 'bubbled')[] = [];
  target.addEventListener(STATE_CHANGED_EVENT, (event) => {
    const custom = event as CustomEvent<ReconnectStateChangedDetail>;
    details.push(custom.bubbles ? 'bubbled' : custom.detail);
  });
  return details;
}

export { LogLevel } from '../support/recording-logger';

/** An in-memory `Storage`. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** Spies on `showModal` and `close` (restored after each test by the setup file). */
export function spyOnDialog() {
  const proto = HTMLDialogElement.prototype;
  return { showModal: vi.spyOn(proto, 'showModal'), close: vi.spyOn(proto, 'close') };
}

/** Narrows a selected display to the default dialog, failing the test otherwise. */
export function asDefault(display: ReconnectionDisplay): DefaultDisplay {
  if (!('host' in display)) throw new Error('expected the default dialog');
  return display as DefaultDisplay;
}

/** The default dialog's parts, as a test sees them through the open shadow root. */
export function partsOf(display: DefaultDisplay) {
  const root = display.host.shadowRoot;
  if (!root) throw new Error('no shadow root');
  const dialog = root.querySelector('dialog');
  const spinner = root.querySelector<HTMLElement>('.spinner');
  const stateText = root.querySelector<HTMLElement>('h2');
  const status = root.querySelector<HTMLElement>('[role="status"]');
  const retryButton = root.querySelector<HTMLButtonElement>('button.retry');
  const resumeButton = root.querySelector<HTMLButtonElement>('button.resume');
  const reloadButton = root.querySelector<HTMLButtonElement>('button.reload');
  const signInButton = root.querySelector<HTMLButtonElement>('button.signIn');
  if (!dialog || !spinner || !stateText || !status || !retryButton || !resumeButton || !reloadButton || !signInButton) {
    throw new Error('dialog incomplete');
  }
  return { root, dialog, spinner, stateText, status, retryButton, resumeButton, reloadButton, signInButton };
}

// Every selector a test made is disposed after it: the default dialog keeps a keydown listener on
// `document` until it is disposed, which the setup file's DOM reset does not remove.
const selectors: DisplaySelector[] = [];
afterEach(() => {
  for (const selector of selectors.splice(0)) selector.dispose();
});

/** A selector with test seams, and the default display it selects for `options`. */
export function openDefault(
  overrides: Partial<ReconnectionOptions> = {},
  settings: DisplaySelectorOptions = {},
  retry: () => void = vi.fn(),
  resume: () => void = vi.fn(),
  signIn: () => void = vi.fn(),
) {
  const reload = vi.fn();
  const storage = new MemoryStorage();
  const logger = new RecordingLogger();
  const selector = createDisplaySelector({ reload, storage: () => storage, logger, ...settings });
  selectors.push(selector);
  const context = makeContext(overrides, retry, resume, signIn);
  const display = asDefault(selector.select(context));
  const events = recordEvents(display.host);
  return { selector, display, context, reload, storage, logger, events, retry, resume, signIn, ...partsOf(display) };
}

export function stateClasses(element: Element): string[] {
  return [...element.classList].filter((name) => name.startsWith('components-reconnect-'));
}

/**
 * Lets the grace period pass as a real outage does: the process's attempt due at its end starts
 * and fails just before the dialog's timer fires, so the dialog appears on time.
 */
export function outlastGracePeriod(display: DefaultDisplay, delay = 500): void {
  vi.advanceTimersByTime(delay - 1);
  display.update(2, 0);
  display.update(3, 2);
  vi.advanceTimersByTime(1);
}

/**
 * The page's own `#components-reconnect-modal` in the body, driven by the class-toggling display
 * (`maxRetries` 40), with the state events it receives.
 */
export function openPageModal() {
  const modal = document.createElement('div');
  modal.id = 'components-reconnect-modal';
  document.body.append(modal);
  const events = recordEvents(modal);
  const display = createUserSpecifiedDisplay(modal, document, modal.id, 40);
  return { modal, events, display };
}
