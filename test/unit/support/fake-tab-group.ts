// An in-memory group of tabs for the reconnection process's unit tests: the first tab to join
// leads, the others follow in the order they joined (as a Web Lock queue hands over), and every
// message is delivered at once. The browser's own coordinator has its tests in
// test/unit/reconnection/browser-tab-coordinator.test.ts.
import type { LeaderState, TabCoordinator, TabEvent, TabMembership } from '../../../src/reconnection/tab-coordination/types';

interface Member {
  readonly name: string;
  readonly onEvent: (event: TabEvent) => void;
  readonly membership: TabMembership;
}

export class FakeTabGroup {
  /** Members in join order; the first leads. */
  readonly members: Member[] = [];
  /** Everything said in the group, e.g. `['a publish waiting 2', 'b requestAttempt']`. */
  readonly said: string[] = [];
  private state: LeaderState | undefined;

  /** The coordinator one tab's process is given. */
  tab(name: string): TabCoordinator {
    return { join: (onEvent) => this.join(name, onEvent) };
  }

  get leader(): string | undefined {
    return this.members[0]?.name;
  }

  private join(name: string, onEvent: (event: TabEvent) => void): TabMembership {
    const membership: TabMembership = {
      publish: (state) => {
        this.said.push(`${name} publish ${state.state} ${state.attempt}`);
        if (this.members[0]?.membership !== membership) return;
        this.state = state;
        for (const other of this.members.slice(1)) other.onEvent({ type: 'leader', state });
      },
      reached: () => {
        this.said.push(`${name} reached`);
        for (const other of this.members.filter((each) => each.membership !== membership)) other.onEvent({ type: 'reached' });
        membership.leave();
      },
      requestAttempt: () => {
        this.said.push(`${name} requestAttempt`);
        const leader = this.members[0];
        if (leader && leader.membership !== membership) leader.onEvent({ type: 'attempt-requested' });
      },
      leave: () => {
        const index = this.members.findIndex((each) => each.membership === membership);
        if (index < 0) return;
        this.members.splice(index, 1);
        if (index !== 0) return;
        const next = this.members[0];
        if (next) next.onEvent({ type: 'lead' });
        else this.state = undefined;
      },
    };
    this.members.push({ name, onEvent, membership });
    if (this.members.length === 1) {
      onEvent({ type: 'lead' });
    } else {
      onEvent({ type: 'follow' });
      if (this.state) onEvent({ type: 'leader', state: this.state });
    }
    return membership;
  }
}
