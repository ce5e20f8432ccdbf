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
/**
 * Without Web Locks, a joining tab waits this long for a leader's beat or another joining tab's
 * claim before it leads: the delivery between tabs takes about a millisecond, so this only delays
 * a group's first attempt, never a blip (the grace period's attempt is the leader's).
 */
const CLAIM_MS = 100;

type Message =
  | { readonly kind: 'beat'; readonly id: number; readonly within: number; readonly state: LeaderState | undefined }
  | { readonly kind: 'claim'; readonly id: number }
  | { readonly kind: 'hello' | 'reached' | 'attempt' };

type Role = 'joining' | 'leader' | 'follower' | 'left';

/**
 * Tabs of one origin reconnecting to the same server share one outage: the tab that gets the
 * Web Lock named after the group leads; the others queue for the lock (a closed leader hands it
 * over at once) and listen on a BroadcastChannel of the same name for the leader's state and
 * beats (a frozen leader's beats stop: the first follower to notice leads).
 *
 * Web Locks exist only in secure contexts, and many intranet apps are served over plain http:
 * there the tabs elect over the channel alone. A joining tab claims the lead with a random id;
 * within {@link CLAIM_MS} a leader's beat makes it follow, and of the tabs claiming at once (an
 * outage reaches them all together) the lowest id leads. A leader that closes is then noticed by
 * its silence, as a frozen one is. Without BroadcastChannel (an old WebView, a sandboxed frame)
 * there is no coordinator and each tab reconnects on its own, as without this feature.
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
  if (!Channel) return undefined;
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
      /** The claim of a tab electing over the channel alone (no Web Locks). */
      const id = random();
      let lowestClaim = id;
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
        post({ kind: 'beat', id, within: win.document.visibilityState === 'hidden' ? HIDDEN_SILENCE_MS : SILENCE_MS, state });
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
      /**
       * Two leaders can happen: over the channel alone when a claim is delivered later than
       * {@link CLAIM_MS} (a busy machine), and with Web Locks when a frozen leader thaws after a
       * follower took over. The one with the higher claim follows from now on; a tab holding the
       * Web Lock keeps it (releasing it would hand the lead to a queued follower, a third leader)
       * and, like every follower, takes over if the leader falls silent.
       */
      const stepDown = (): void => {
        role = 'follower';
        lastBeat = clock.now();
        heard = '';
        onEvent({ type: 'follow' });
        watch();
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
        locks?.request(name, { signal: queued.signal }, hold).catch(() => undefined);
      };
      channel.onmessage = ({ data }: MessageEvent<Message>) => {
        // Electing over the channel: a leader's beat during the claim makes this tab follow.
        if (data.kind === 'beat' && role === 'joining' && !locks) follow();
        // Two leaders hear each other: the higher claim steps down, so the group converges on one
        // attempt stream within a beat (see `stepDown`).
        if (data.kind === 'beat' && role === 'leader' && data.id < id) stepDown();
        if (data.kind === 'claim') {
          if (role === 'leader') beat();
          else if (role === 'joining') lowestClaim = Math.min(lowestClaim, data.id);
        } else if (data.kind === 'beat' && role === 'follower') {
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
      if (locks) {
        locks
          .request(name, { ifAvailable: true }, (lock) => {
            if (lock) return hold();
            follow();
            return undefined;
          })
          .catch(() => undefined);
      } else {
        post({ kind: 'claim', id });
        after(() => {
          if (role !== 'joining') return;
          if (lowestClaim < id) follow();
          else lead();
        }, CLAIM_MS);
      }

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
