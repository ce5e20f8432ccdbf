/**
 * Where the leading tab's outage stands, as it tells the other tabs of its group. `attempt` is
 * the 1-based attempt waited for or made (what the display's `update` shows); `deadline` is when
 * the next attempt is due, in wall-clock milliseconds (`Date.now()` is shared by the tabs of one
 * browser, so every follower counts down to the same instant).
 */
export type LeaderState =
  | { readonly state: 'waiting'; readonly attempt: number; readonly deadline: number }
  | { readonly state: 'attempting'; readonly attempt: number }
  | { readonly state: 'offline'; readonly attempt: number }
  | { readonly state: 'failed'; readonly attempt: number };

/** What a tab hears from its group during one outage. */
export type TabEvent =
  /** This tab leads now: it makes the attempts on its policy and tells the others. */
  | { readonly type: 'lead' }
  /** Another tab leads: make no attempt; its state follows. */
  | { readonly type: 'follow' }
  /** The leader's state changed (followers only). */
  | { readonly type: 'leader'; readonly state: LeaderState }
  /** The leader's attempt reached the server (resumed, rejected, unauthorized): attempt at once. */
  | { readonly type: 'reached' }
  /** A follower asks the leader for an attempt now (a page signal or its Retry button). */
  | { readonly type: 'attempt-requested' };

/** One tab's part in one outage of its group; built by {@link TabCoordinator.join}. */
export interface TabMembership {
  /** Leader: tells the followers where the outage stands. Ignored from a follower. */
  publish(state: LeaderState): void;
  /** The server answered this tab: the others attempt at once. Then leaves the group. */
  reached(): void;
  /** Follower: asks the leader for an attempt now. */
  requestAttempt(): void;
  /** Leaves the group (a leader hands over) and releases every timer, lock and channel. */
  leave(): void;
}

/**
 * The seam between the reconnection process and the tabs of its origin that reconnect to the
 * same server. The browser's is {@link createBrowserTabCoordinator}; unit tests use an in-memory
 * one on fake timers.
 */
export interface TabCoordinator {
  /** Joins the group for one outage; the role (`lead` or `follow`) arrives as an event. */
  join(onEvent: (event: TabEvent) => void): TabMembership;
}
