import { listen } from '../../dom/listen';

/** How long after a navigation starts a dropped connection is taken for that navigation's doing. */
export const NAVIGATION_CLOSE_WINDOW_MS = 2000;

/** What the circuit host does at the page's moments. */
export interface PageLifecycleCallbacks {
  /** `pagehide`: the page says goodbye. */
  hide(): void;
  /** `pageshow` from the back/forward cache. */
  restored(): void;
}

export interface PageLifecycle {
  /** A navigation started less than {@link NAVIGATION_CLOSE_WINDOW_MS} ago, and the page is still here. */
  navigating(): boolean;
  dispose(): void;
}

/**
 * Follows the page events the circuit depends on. Firefox closes the page's WebSockets (code
 * 1001) as soon as a navigation starts, even one that never replaces the page: a file download,
 * a link answered 204 (https://bugzil.la/858538, https://bugzil.la/896666). The Navigation API's
 * `navigate` event says when one started. `beforeunload` would say it too, but a listener on it
 * keeps Firefox from putting the page in the back/forward cache; so where the Navigation API is
 * missing, such a close is reported as an outage like any other.
 * @param now - the wall clock (injectable for tests).
 */
export function watchPageLifecycle(win: Window, on: PageLifecycleCallbacks, now: () => number = Date.now): PageLifecycle {
  let navigationStartedAt = Number.NEGATIVE_INFINITY;
  const removers = [
    listen(win, 'pagehide', () => {
      on.hide();
    }),
    listen(win, 'pageshow', (event: PageTransitionEvent) => {
      if (event.persisted) on.restored();
    }),
  ];
  // Typed as always present, but only recent engines have it.
  if ('navigation' in win) {
    removers.push(
      listen(win.navigation, 'navigate', (event: NavigateEvent) => {
        // Only a navigation that would replace the document closes its sockets.
        if (!event.destination.sameDocument) navigationStartedAt = now();
      }),
    );
  }
  return {
    navigating: () => now() - navigationStartedAt < NAVIGATION_CLOSE_WINDOW_MS,
    dispose() {
      removers.forEach((remove) => {
        remove();
      });
    },
  };
}
