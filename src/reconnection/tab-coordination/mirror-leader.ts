import type { Clock } from '../../timing/clock';
import { startCountdown } from '../countdown';
import type { OutageState } from '../outage-state';
import type { Draw } from '../sign-in';
import type { LeaderState } from './types';

/** What a following tab's process offers to show the leader's state. */
export interface MirrorTarget {
  readonly clock: Clock;
  readonly state: () => OutageState;
  /** The process's one place that changes the state. */
  readonly set: (next: OutageState) => void;
  readonly draw: Draw;
  /** The process's own `offline` and `failed` (which a follower does not publish). */
  readonly offline: () => void;
  readonly failed: () => void;
}

/**
 * Shows the leader's state in a following tab, through the follower's own process and display
 * (the UI stays one function of its process's state): the same countdown to the same wall-clock
 * deadline, the same attempt number, offline and failed. Nothing is attempted: at the end of
 * the countdown the follower shows 0 s until the leader says what its attempt found.
 * @returns cancels the countdown, when one was started.
 */
export function mirrorLeader(leader: LeaderState, target: MirrorTarget): (() => void) | undefined {
  if (leader.state === 'offline') {
    target.offline();
    return undefined;
  }
  if (leader.state === 'failed') {
    target.failed();
    return undefined;
  }
  const { clock, state, set, draw } = target;
  // Back from offline or failed, the display shows the outage again, as the leader's does.
  if (state() === 'offline' || state() === 'failed') draw('show', (d) => { d.show(); });
  set('waiting');
  const update = (secondsLeft: number): void => {
    draw('update', (d) => { d.update(leader.attempt, secondsLeft); });
  };
  if (leader.state === 'attempting') {
    update(0);
    return undefined;
  }
  return startCountdown(clock, leader.deadline - clock.now(), update, () => undefined);
}
