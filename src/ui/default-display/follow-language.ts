/** Keeps the dialog's `lang` equal to the page's while it is shown. */
export interface LanguageFollower {
  /** Copies the page's language now, and follows later changes until {@link stop}. */
  follow(): void;
  stop(): void;
}

/**
 * Firefox 153 does not carry the page's language into a shadow tree (whatwg/html#4906), so the
 * dialog copies it: screen readers and `:lang()` then match the text in every engine. While the
 * dialog is shown, a change of any `lang` in the page (an app switching language with the dialog
 * open) is followed, as Chromium and WebKit do by inheritance. The dialog's own `lang` is inside
 * the shadow tree, which the observer does not see, so copying never re-triggers it.
 * @param host - the dialog's host in the page; before it is first attached, the page's root
 *   stands in for where it will be.
 */
export function createLanguageFollower(dialog: HTMLElement, host: HTMLElement, document: Document): LanguageFollower {
  const copy = (): void => {
    const language = (host.isConnected ? host : document.documentElement).closest('[lang]')?.getAttribute('lang');
    if (language == null) dialog.removeAttribute('lang');
    else dialog.lang = language;
  };
  const Observer = document.defaultView?.MutationObserver;
  const observer = Observer ? new Observer(copy) : undefined;
  let following = false;
  return {
    follow() {
      copy();
      if (following || !observer) return;
      following = true;
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    },
    stop() {
      following = false;
      observer?.disconnect();
    },
  };
}
