import { RELOAD_HISTORY_KEY } from '../constants';

/** Automatic reloads allowed within {@link RELOAD_WINDOW_MS}. */
export const RELOAD_LIMIT = 3;
/** The window, in milliseconds, within which at most {@link RELOAD_LIMIT} reloads happen. */
export const RELOAD_WINDOW_MS = 60_000;

/**
 * Stops reload storms. A rejected circuit reloads the page; if the fresh page is rejected again
 * at once (a server that keeps losing state, a proxy that keeps routing to the wrong node), the
 * page would reload forever. Each allowed reload is recorded in `sessionStorage` (it survives the
 * reload, and is per tab) as a JSON array of timestamps; once {@link RELOAD_LIMIT} reloads
 * happened within {@link RELOAD_WINDOW_MS}, no more are allowed and the dialog offers a Reload
 * button instead. Where nothing can be counted (storage missing, blocked or full, or a value under
 * the key that is not a JSON array), no automatic reload is allowed at all: a loop that cannot be
 * counted cannot be stopped.
 *
 * Decides whether one more automatic reload may happen now and, if so, records it (the caller is
 * expected to reload right after).
 * @param storage - returns the storage that survives the reload (the page's `sessionStorage`). A
 *   function, because merely reading `window.sessionStorage` throws where storage is blocked.
 * @param now - wall-clock milliseconds.
 * @returns `undefined` when the reload is allowed, else why not (for the log).
 */
export function recordReload(
  storage: () => Storage | null | undefined,
  now: number,
): string | undefined {
  try {
    const store = storage();
    if (store) {
      // Entries outside the window either side are dropped: old ones have expired, and ones far
      // in the future come from a clock that jumped back and must not block reloads forever.
      // Entries that are not numbers compare false, so they are dropped too.
      const recent = (JSON.parse(store.getItem(RELOAD_HISTORY_KEY) ?? '[]') as number[]).filter(
        (time) => Math.abs(now - time) < RELOAD_WINDOW_MS,
      );
      if (recent.length >= RELOAD_LIMIT) return 'reload storm guard';
      store.setItem(RELOAD_HISTORY_KEY, JSON.stringify([...recent, now]));
      return undefined;
    }
  } catch {
    // SecurityError (storage blocked), QuotaExceededError (full, Safari private mode), or a value
    // that is not JSON (`JSON.parse`) or not an array (`filter`).
  }
  return 'no usable sessionStorage';
}
