import { RELOAD_HISTORY_KEY } from '../constants';

/** What the guard decided about one rejection-caused reload. */
export type ReloadDecision = 'allowed' | 'limit-reached' | 'storage-unavailable';

/** The guard's seams and limits; all injectable so tests run without a browser session. */
export interface ReloadGuardOptions {
  /**
   * Returns the storage that survives the reload (the page's `sessionStorage`). A function,
   * because merely reading `window.sessionStorage` throws where storage is blocked.
   */
  readonly storage: () => Storage | null | undefined;
  /** Wall-clock milliseconds. */
  readonly now: () => number;
  /** Reloads allowed within `windowMilliseconds`. @default 3 */
  readonly limit?: number;
  /** @default 60000 */
  readonly windowMilliseconds?: number;
  /** @default "circuit-reconnect:reloads" */
  readonly key?: string;
}

/**
 * Stops reload storms. A rejected circuit reloads the page; if the fresh page is rejected again
 * at once (a server that keeps losing state, a proxy that keeps routing to the wrong node), the
 * page would reload forever. Each allowed reload is recorded in `sessionStorage` (it survives the
 * reload, and is per tab); once `limit` reloads happened within `windowMilliseconds`, no more are
 * allowed and the dialog offers a Reload button instead. Where nothing can be recorded (storage
 * blocked or full), no automatic reload is allowed at all: a loop that cannot be counted cannot
 * be stopped.
 */
export class ReloadGuard {
  private readonly limit: number;
  private readonly windowMilliseconds: number;
  private readonly key: string;

  constructor(private readonly options: ReloadGuardOptions) {
    this.limit = options.limit ?? 3;
    this.windowMilliseconds = options.windowMilliseconds ?? 60_000;
    this.key = options.key ?? RELOAD_HISTORY_KEY;
  }

  /**
   * Decides whether one more automatic reload may happen now and, if so, records it (the caller
   * is expected to reload right after).
   */
  tryRecordReload(): ReloadDecision {
    const now = this.options.now();
    try {
      const storage = this.options.storage();
      if (!storage) return 'storage-unavailable';
      // Entries outside the window either side are dropped: old ones have expired, and ones far
      // in the future come from a clock that jumped back and must not block reloads forever.
      const recent = readHistory(storage.getItem(this.key)).filter(
        (time) => Math.abs(now - time) < this.windowMilliseconds,
      );
      if (recent.length >= this.limit) return 'limit-reached';
      recent.push(now);
      storage.setItem(this.key, JSON.stringify(recent));
      return 'allowed';
    } catch {
      // SecurityError (storage blocked), QuotaExceededError (storage full, Safari private mode).
      return 'storage-unavailable';
    }
  }
}

// A corrupt or foreign value counts as no history rather than an error: the key is ours.
function readHistory(raw: string | null): number[] {
  if (raw === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((item): item is number => typeof item === 'number' && Number.isFinite(item));
}
