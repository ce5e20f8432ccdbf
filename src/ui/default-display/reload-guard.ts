import { RELOAD_HISTORY_KEY } from '../constants';

/** Automatic reloads allowed within {@link RELOAD_WINDOW_MS}. */
export const RELOAD_LIMIT = 3;
/** The window, in milliseconds, within which at most {@link RELOAD_LIMIT} reloads happen. */
export const RELOAD_WINDOW_MS = 60_000;

const UNAVAILABLE = 'sessionStorage unavailable';

/**
 * Stops reload storms. A rejected circuit reloads the page; if the fresh page is rejected again
 * at once (a server that keeps losing state, a proxy that keeps routing to the wrong node), the
 * page would reload forever. Each allowed reload is recorded in `sessionStorage` (it survives the
 * reload, and is per tab); once {@link RELOAD_LIMIT} reloads happened within
 * {@link RELOAD_WINDOW_MS}, no more are allowed and the dialog offers a Reload button instead.
 * Where nothing can be recorded (storage blocked or full), no automatic reload is allowed at all:
 * a loop that cannot be counted cannot be stopped.
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
    if (!store) return UNAVAILABLE;
    const raw = store.getItem(RELOAD_HISTORY_KEY);
    let recent: number[] = [];
    try {
      // Entries outside the window either side are dropped: old ones have expired, and ones far
      // in the future come from a clock that jumped back and must not block reloads forever.
      recent = (JSON.parse(raw ?? '[]') as unknown[]).filter(
        (time): time is number => Number.isFinite(time) && Math.abs(now - (time as number)) < RELOAD_WINDOW_MS,
      );
    } catch {
      // A corrupt or foreign value (not JSON, not an array) counts as no history rather than an
      // error: the key is ours.
    }
    if (recent.length >= RELOAD_LIMIT) return 'reload storm guard';
    store.setItem(RELOAD_HISTORY_KEY, JSON.stringify([...recent, now]));
    return undefined;
  } catch {
    // No storage, SecurityError (storage blocked), QuotaExceededError (full, Safari private mode).
    return UNAVAILABLE;
  }
}
