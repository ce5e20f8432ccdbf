// What a page running circuit-reconnect's Blazor handler reports about itself: every change of
// the default dialog's `open`, every state event with its time, what Blazor's own handler and
// display did (nothing, if ours took over), CSP violations and the timers the page holds.
import type { Page } from 'playwright-core';

/** What the init script records, on `window.__watch`. */
export interface Watch {
  /** Every change of `open` on a `<dialog>` inside a shadow root (the default dialog's), with `Date.now()`. */
  dialogOpen: { open: boolean; at: number }[];
  /** Every `components-reconnect-state-changed` event: its state and `Date.now()`. */
  states: { state: string; at: number }[];
  /** Calls of `Blazor.defaultReconnectionHandler`'s methods: must stay empty with our handler. */
  blazorHandlerCalls: string[];
  /** A `#components-reconnect-modal` or a `<style>` added to the page by script after load. */
  blazorUi: string[];
  /** `securitypolicyviolation`s: directive and blocked URI. */
  csp: string[];
  /** `setTimeout`/`setInterval` handles set and not yet cleared or fired. */
  pendingTimers: number;
  /** Calls of `Blazor.reconnect()` and `Blazor.resumeCircuit()`, with `Date.now()`. */
  calls: { name: string; at: number }[];
  /** What each of those calls answered (`true`, `false`, `threw: …`), in the order they settled. */
  answers: { name: string; answer: string; at: number }[];
}

/**
 * Installs the recorder before the page's first script (call before `page.goto`). Blazor's own
 * handler is detected by wrapping the instance blazor.web.js assigns to
 * `Blazor.defaultReconnectionHandler` at start (an accessor on the `Blazor` object, installed
 * when blazor.web.js assigns `window.Blazor`); `Blazor.reconnect`/`resumeCircuit` are wrapped
 * the same way, so the page counts the handler's attempts (it reads them at each call).
 */
export async function watchHandlerPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const watch: Watch = {
      dialogOpen: [],
      states: [],
      blazorHandlerCalls: [],
      blazorUi: [],
      csp: [],
      pendingTimers: 0,
      calls: [],
      answers: [],
    };
    (window as unknown as { __watch: Watch }).__watch = watch;

    // Timers: a handle counts from set until cleared or fired (an interval until cleared).
    const pending = new Set<number>();
    const update = () => { watch.pendingTimers = pending.size; };
    const st = window.setTimeout.bind(window);
    const ct = window.clearTimeout.bind(window);
    const si = window.setInterval.bind(window);
    const ci = window.clearInterval.bind(window);
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
      const id = st(() => {
        pending.delete(id);
        update();
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...rest);
      }, ms);
      pending.add(id);
      update();
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) pending.delete(id);
      update();
      ct(id);
    }) as typeof window.clearTimeout;
    window.setInterval = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
      const id = si(handler, ms, ...rest);
      pending.add(id);
      update();
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) pending.delete(id);
      update();
      ci(id);
    }) as typeof window.clearInterval;

    // The default dialog lives in an open shadow root: observe each one as it is attached.
    const observeOpen = new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        if (target.localName === 'dialog') watch.dialogOpen.push({ open: target.hasAttribute('open'), at: Date.now() });
      }
    });
    const attachShadow = Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow')?.value as (
      this: Element,
      init: ShadowRootInit,
    ) => ShadowRoot;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attachShadow.call(this, init);
      observeOpen.observe(root, { attributes: true, attributeFilter: ['open'], subtree: true });
      return root;
    };

    document.addEventListener('securitypolicyviolation', (event) => {
      watch.csp.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    document.addEventListener(
      'components-reconnect-state-changed',
      (event) => {
        watch.states.push({ state: String((event as CustomEvent<{ state?: unknown }>).detail.state), at: Date.now() });
      },
      { capture: true },
    );
    const loaded = new Promise((resolve) => { document.addEventListener('DOMContentLoaded', resolve); });
    void loaded.then(() => {
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            if (node.localName === 'style') watch.blazorUi.push('style');
            if (node.id === 'components-reconnect-modal' || node.querySelector('#components-reconnect-modal')) {
              watch.blazorUi.push('#components-reconnect-modal');
            }
          }
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
    });

    type Fn = (...args: unknown[]) => unknown;
    const wrap = (target: Record<string, unknown>, name: string, label: string, log: (entry: string) => void) => {
      const original = target[name];
      if (typeof original !== 'function') return;
      target[name] = function (this: unknown, ...args: unknown[]) {
        log(label);
        return (original as Fn).apply(this, args);
      };
    };
    let blazor: Record<string, unknown> | undefined;
    Object.defineProperty(window, 'Blazor', {
      configurable: true,
      get: () => blazor,
      set(value: Record<string, unknown>) {
        blazor = value;
        let handler: unknown;
        Object.defineProperty(value, 'defaultReconnectionHandler', {
          configurable: true,
          get: () => handler,
          set(instance: Record<string, unknown>) {
            handler = instance;
            for (const name of ['onConnectionDown', 'onConnectionUp']) {
              wrap(instance, name, name, (entry) => watch.blazorHandlerCalls.push(entry));
            }
          },
        });
        // reconnect/resumeCircuit are assigned when the circuit starts: wrap them as they are.
        for (const name of ['reconnect', 'resumeCircuit']) {
          let fn: unknown;
          Object.defineProperty(value, name, {
            configurable: true,
            get: () => fn,
            set(assigned: Fn) {
              fn = function (this: unknown, ...args: unknown[]) {
                watch.calls.push({ name, at: Date.now() });
                let answer: Promise<unknown>;
                try {
                  answer = Promise.resolve(assigned.apply(this, args));
                } catch (error) {
                  answer = Promise.reject(error instanceof Error ? error : new Error(String(error)));
                }
                answer.then(
                  (value) => watch.answers.push({ name, answer: String(value), at: Date.now() }),
                  (error: unknown) => watch.answers.push({ name, answer: `threw: ${String(error)}`, at: Date.now() }),
                );
                return answer;
              };
            },
          });
        }
      },
    });
  });
}

/** The recorder's state now. */
export function readWatch(page: Page): Promise<Watch> {
  return page.evaluate(() => (window as unknown as { __watch: Watch }).__watch);
}

/** The default dialog as a person sees it: open or not, its text, the one button it offers. */
export interface DialogView {
  readonly exists: boolean;
  readonly open: boolean;
  readonly text: string;
  readonly buttons: string[];
}

export function readDialog(page: Page): Promise<DialogView> {
  return page.evaluate(() => {
    const dialog = document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector('dialog');
    if (!dialog) return { exists: false, open: false, text: '', buttons: [] };
    return {
      exists: true,
      open: dialog.open,
      text: dialog.querySelector('h2')?.textContent ?? '',
      buttons: [...dialog.querySelectorAll('button')].filter((b) => !b.hidden).map((b) => b.className),
    };
  });
}

/** Clicks the dialog's button of that class (`retry`, `resume`, `reload`) as a person does. */
export async function clickDialogButton(page: Page, name: 'retry' | 'resume' | 'reload'): Promise<void> {
  await page.locator(`[data-reconnect-dialog] button.${name}`).click();
}
