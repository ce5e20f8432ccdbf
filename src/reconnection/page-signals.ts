import { listen } from '../dom/listen';

/**
 * Page-lifecycle signals that matter to a reconnection: they say "try now" (the tab became
 * visible, the network came back, the page returned from the back/forward cache) or "pause"
 * (the network went away). Injected so tests and the herd benchmark can fire them.
 */
export type PageSignal = 'visible' | 'online' | 'offline' | 'restored';

export interface PageSignals {
  /** `navigator.onLine` now; `true` where the platform cannot tell. */
  isOnline(): boolean;
  /** Listens until the returned function is called. */
  subscribe(listener: (signal: PageSignal) => void): () => void;
}

/** The browser's signals: `visibilitychange` to visible, `online`, `offline`, `pageshow` persisted. */
export function createBrowserPageSignals(win: Window): PageSignals {
  const doc = win.document;
  return {
    isOnline: () => win.navigator.onLine,
    subscribe(listener) {
      const removers = [
        listen(doc, 'visibilitychange', () => {
          if (doc.visibilityState === 'visible') listener('visible');
        }),
        listen(win, 'pageshow', (event: PageTransitionEvent) => {
          if (event.persisted) listener('restored');
        }),
        ...(['online', 'offline'] as const).map((type) =>
          listen(win, type, () => {
            listener(type);
          }),
        ),
      ];
      return () => {
        for (const remove of removers) remove();
      };
    },
  };
}
