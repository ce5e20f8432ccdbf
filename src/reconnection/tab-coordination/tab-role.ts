import { mirrorLeader, type MirrorTarget } from './mirror-leader';
import type { LeaderState, TabCoordinator, TabMembership } from './types';

/** What the reconnection process offers its tab's role in the group. */
export interface TabRoleHooks {
  /** Shows the leader's state in a follower (see `mirrorLeader`). */
  readonly follower: MirrorTarget;
  /**
   * Schedules on this tab's own policy (no group, or this tab leads), the wait counted from
   * `from`: a tab that leads once the lock answers keeps the schedule it would have had alone.
   */
  readonly proceed: (from?: number) => void;
  /** Counts down on this tab's own to the attempt due at `deadline`. */
  readonly waitUntil: (deadline: number) => void;
  /** The leader made this many attempts: a follower that takes over goes on from there. */
  readonly attemptsMade: (count: number) => void;
  /** Attempts now, as the process's Retry does (from waiting, offline or failed). */
  readonly attemptNow: () => void;
  /** This tab led and another leads now: stop counting down to an attempt of its own. */
  readonly stopWaiting: () => void;
}

/** One process's place in its group of tabs; see {@link createTabRole}. */
export interface TabRole {
  /** Another tab makes the attempts (or this tab is still finding out). */
  readonly following: boolean;
  /** Where a wait begins: joins the group, or schedules at once when alone or leading. */
  begin(): void;
  /** Leader: tells the followers (nothing otherwise). */
  publish(state: LeaderState): void;
  /** This tab's attempt reached the server: tell the others, leave the group. */
  reached(): void;
  /** Follower: a page signal or Retry asks the leader for one attempt. */
  requestAttempt(): void;
  leave(): void;
}

/**
 * The process's side of tab coordination, one membership at a time: joined when a wait begins,
 * left when the server answers or the outage ends. A follower shows the leader's state and makes
 * no attempt; told that the server answered, it attempts at once (each tab has its own circuit);
 * given the lead (the leader closed or froze), it counts down to the old leader's deadline. A tab
 * that left after the server answered and then finds it gone again joins afresh at its next wait,
 * so a flapping server still sees one attempt stream per group. Without a coordinator, `begin`
 * is the process's own scheduling and the rest does nothing: exactly a single tab's behaviour.
 */
export function createTabRole(coordinator: TabCoordinator | undefined, hooks: TabRoleHooks): TabRole {
  let membership: TabMembership | undefined;
  let role: 'none' | 'joining' | 'leader' | 'follower' = 'none';
  let last: LeaderState | undefined;
  /** What this tab last published (a leader's first state may come before `join` returns). */
  let published: LeaderState | undefined;
  let stopMirror: (() => void) | undefined;
  /** Counts memberships: an event of one already left is stale. */
  let generation = 0;
  // A function, so that the check after `join` (whose events may change the role) is not narrowed away.
  const leading = (): boolean => role === 'leader';
  const stopMirroring = (): void => {
    stopMirror?.();
    stopMirror = undefined;
  };
  /** A leader that stepped down with its own attempt out: that answer counts (see `begin`). */
  let attemptOut = false;
  /** Shows the leader's state, once this tab has no attempt of its own out. */
  const mirror = (): void => {
    if (role !== 'follower' || !last || attemptOut) return;
    stopMirroring();
    stopMirror = mirrorLeader(last, hooks.follower);
  };
  /** Ends the membership; `reached` first tells the others the server answered. */
  const end = (reached: boolean): void => {
    generation++;
    stopMirroring();
    if (reached) membership?.reached();
    else membership?.leave();
    membership = undefined;
    role = 'none';
    last = undefined;
    attemptOut = false;
  };
  /** When this membership's wait began (the lock answers a moment later). */
  let joinedAt = 0;
  const lead = (): void => {
    role = 'leader';
    stopMirroring();
    const { state, clock } = hooks.follower;
    if (last?.state === 'waiting') hooks.waitUntil(Math.max(last.deadline, clock.now()));
    // After offline or failed, the new leader waits for a signal or Retry, as the old one did.
    else if (state() === 'waiting') hooks.proceed(last ? clock.now() : joinedAt);
  };
  return {
    get following() {
      return role === 'joining' || role === 'follower';
    },
    begin() {
      if (!coordinator || role === 'leader') {
        hooks.proceed();
        return;
      }
      // A stepped-down leader's attempt failed: from now on it shows the leader's state.
      if (role === 'follower') {
        attemptOut = false;
        mirror();
      }
      if (role !== 'none') return;
      role = 'joining';
      joinedAt = hooks.follower.clock.now();
      const mine = ++generation;
      const joined = coordinator.join((event) => {
        if (mine !== generation) return;
        if (event.type === 'lead') {
          lead();
        } else if (event.type === 'follow') {
          // A leader told to follow (two led at once) stops its own schedule.
          if (role === 'leader') {
            hooks.stopWaiting();
            attemptOut = hooks.follower.state() === 'attempting';
          }
          role = 'follower';
        } else if (event.type === 'leader') {
          last = event.state;
          if (role !== 'follower') return;
          hooks.attemptsMade(event.state.attempt - 1);
          mirror();
        } else if (event.type === 'reached') {
          end(false);
          hooks.attemptNow();
        } else if (role === 'leader') {
          hooks.attemptNow();
        }
      });
      // A coordinator may answer inside `join` (an in-memory one): a leave meanwhile ends it, and
      // what a new leader published meanwhile is published now.
      if (mine !== generation) {
        joined.leave();
        return;
      }
      membership = joined;
      if (leading() && published) joined.publish(published);
    },
    publish(state) {
      published = state;
      if (role === 'leader') membership?.publish(state);
    },
    reached() {
      end(true);
    },
    requestAttempt() {
      membership?.requestAttempt();
    },
    leave() {
      end(false);
    },
  };
}
