import type { Clock } from '../../timing/clock';
import type { LeaderState, TabCoordinator, TabEvent, TabMembership } from './types';

/** The leader tells the others it is alive this often. */
const BEAT_MS = 250;
/**
 * Followers take the lead when a visible leader has been silent this long: a tab frozen by the
 * browser keeps its Web Lock (only closing a tab releases it), so the lock alone cannot tell.
 */
const SILENCE_MS = 1000;
/**
 * A hidden leader's timers run at most once a second, and once a minute after five minutes in
 * the background (Chromium's intensive throttling): it asks for this much patience instead.
 */
const HIDDEN_SILENCE_MS = 65_000;
/**
 * Each follower waits up to this much longer than the silence, at random, so that one of them
 * takes over and its first beat reaches the others before they do the same.
 */
const TAKEOVER_SPREAD_MS = 250;

type Message =
  | { readonly kind: 'beat'; readonly within: number; readonly state: LeaderState | undefined }
  | { readonly kind: 'hello' | 'reached' | 'attempt' };

type Role = 'joining' | 'leader' | 'follower' | 'left';

/**
 * Tabs of one origin reconnecting to the same server share one outage: the tab that gets the
 * Web Lock named after the group leads; the others queue for the lock (a closed leader hands it
 * over at once) and listen on a BroadcastChannel of the same name for the leader's state and
 * beats (a frozen leader's beats stop: the first follower to notice leads). Both APIs are in
 * every browser this library supports; where either is missing (an old WebView, a sandboxed
 * frame), there is no coordinator and each tab reconnects on its own, as without this feature.
 * @param group - what names the shared server: its hub URL (never a circuit id: it is a secret).
 * @param random - spreads the followers' takeovers; injectable for tests.
 */
export function createBrowserTabCoordinator(
  win: Window,
  group: string,
  clock: Clock,
  random: () => number = Math.random,
): TabCoordinator | undefined {
  const locks = (win.navigator as Partial<Navigator>).locks;
  const Channel = (win as Window & { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (!locks || !Channel) return undefined;
  const name = `circuit-reconnect:${group}`;
  return {
    join(onEvent: (event: TabEvent) => void): TabMembership {
      let role: Role = 'joining';
      /** The leader's own state, or (followers) the last one heard. */
      let state: LeaderState | undefined;
      let heard = '';
      let timer: unknown;
      let lastBeat = 0;
      let patience = SILENCE_MS;
      let releaseLock: (() => void) | undefined;
      const spread = random() * TAKEOVER_SPREAD_MS;
      const queued = new AbortController();
      const channel = new Channel(name);
      const post = (message: Message): void => {
        channel.postMessage(message);
      };
      const after = (callback: () => void, delayMs: number): void => {
        clock.clearTimeout(timer);
        timer = clock.setTimeout(callback, delayMs);
      };
      const beat = (): void => {
        post({ kind: 'beat', within: win.document.visibilityState === 'hidden' ? HIDDEN_SILENCE_MS : SILENCE_MS, state });
      };
      const pulse = (): void => {
        if (role !== 'leader') return;
        beat();
        after(pulse, BEAT_MS);
      };
      const lead = (): void => {
        if (role === 'leader' || role === 'left') return;
        role = 'leader';
        onEvent({ type: 'lead' });
        pulse();
      };
      const watch = (): void => {
        if (role !== 'follower') return;
        const left = lastBeat + patience + spread - clock.now();
        if (left <= 0) lead();
        else after(watch, left);
      };
      /** Holds the lock until the tab leaves the group (or closes: the browser releases it). */
      const hold = (): Promise<void> | undefined => {
        if (role === 'left') return undefined;
        lead();
        return new Promise<void>((resolve) => {
          releaseLock = resolve;
        });
      };
      const follow = (): void => {
        if (role !== 'joining') return;
        role = 'follower';
        lastBeat = clock.now();
        onEvent({ type: 'follow' });
        post({ kind: 'hello' });
        watch();
        locks.request(name, { signal: queued.signal }, hold).catch(() => undefined);
      };
      channel.onmessage = ({ data }: MessageEvent<Message>) => {
        if (data.kind === 'beat' && role === 'follower') {
          lastBeat = clock.now();
          patience = data.within;
          const text = JSON.stringify(data.state);
          if (data.state && text !== heard) {
            heard = text;
            onEvent({ type: 'leader', state: data.state });
          }
        } else if (data.kind === 'hello' && role === 'leader') {
          beat();
        } else if (data.kind === 'reached' && role !== 'left') {
          onEvent({ type: 'reached' });
        } else if (data.kind === 'attempt' && role === 'leader') {
          onEvent({ type: 'attempt-requested' });
        }
      };
      locks
        .request(name, { ifAvailable: true }, (lock) => {
          if (lock) return hold();
          follow();
          return undefined;
        })
        .catch(() => undefined);

      const membership: TabMembership = {
        publish(next) {
          if (role !== 'leader') return;
          state = next;
          beat();
        },
        reached() {
          if (role !== 'left') post({ kind: 'reached' });
          membership.leave();
        },
        requestAttempt() {
          if (role === 'follower') post({ kind: 'attempt' });
        },
        leave() {
          if (role === 'left') return;
          role = 'left';
          clock.clearTimeout(timer);
          queued.abort();
          releaseLock?.();
          channel.close();
        },
      };
      return membership;
    },
  };
}
