// What a node's stop did to each tab: measured from the tabs' own records, for the farm suites'
// tables and assertions.
import { waitUntil } from '../../support/wait';
import type { FarmTab, TabView } from './farm-tabs';
import { p50AndMax, readTab } from './farm-tabs';

/** One tab's fate across one stop. */
export interface TabOutcome {
  readonly index: number;
  /** Whose reconnection handler the tab runs: circuit-reconnect's, or Blazor's own. */
  readonly handler: 'ours' | 'blazor';
  readonly nodeBefore: string;
  readonly nodeAfter: string;
  readonly persistedBefore: number;
  readonly persistedAfter: number;
  readonly plainAfter: number;
  /** Document loads since the stop: 0 = kept its page, 1 = reloaded once. */
  readonly reloads: number;
  /** The reconnection states it showed since the stop, in order. */
  readonly states: string[];
  /** The default dialog's text at each of those states (`updating: Updating…`). */
  readonly texts: string[];
  /** The same with their times, and its reloads, in ms since the stop: `show@120 … load@2400`. */
  readonly timeline: string;
  /**
   * Time without interactivity since the stop: the sum of its outages (from a `show` or a reload
   * to the next `hide` or interactive counter); 0 if untouched.
   */
  readonly downMs: number;
}

export interface StopOutcome {
  readonly tabs: TabOutcome[];
  /** p50 and max of `downMs` over the tabs the stop touched. */
  readonly down: { p50: number; max: number };
}

const touched = (view: TabView, since: number): boolean =>
  view.states.some((s) => s.at >= since) || view.loads.some((at) => at >= since);

/**
 * Whether a tab the stop touched is interactive again: its last document loaded since the stop
 * has its counter interactive, or (no reload) its last state event is `hide` (a reconnect or a
 * resume renders in place, so the counter never looks disabled).
 */
export function isBack(view: TabView, since: number): boolean {
  const lastLoad = view.loads.at(-1) ?? 0;
  if (lastLoad >= since) return (view.interactive.at(-1) ?? 0) >= lastLoad;
  const last = view.states.at(-1);
  return last !== undefined && last.at >= since && last.state === 'hide';
}

/** The sum of the tab's outages since `since`: each from a `show` or a load to the next `hide` or interactive. */
function timeWithoutInteractivity(view: TabView, since: number): number {
  const events = [
    ...view.states.filter((s) => s.state === 'show' || s.state === 'hide').map((s) => ({ at: s.at, down: s.state === 'show' })),
    ...view.loads.map((at) => ({ at, down: true })),
    ...view.interactive.map((at) => ({ at, down: false })),
  ]
    .filter((event) => event.at >= since)
    .sort((a, b) => a.at - b.at);
  let total = 0;
  let downSince: number | undefined;
  for (const event of events) {
    if (event.down) downSince ??= event.at;
    else if (downSince !== undefined) {
      total += event.at - downSince;
      downSince = undefined;
    }
  }
  return total;
}

/**
 * Runs `stop` (a restart through the farm's control), then waits until every tab the stop touched
 * is interactive again and every tab's circuit is on a live node, and reports each tab's fate.
 */
export async function measureStop(tabs: readonly FarmTab[], stop: () => Promise<unknown>): Promise<StopOutcome> {
  const before = await Promise.all(tabs.map(readTab));
  const since = Date.now();
  await stop();
  const views: TabView[] = [];
  await waitUntil(
    async () => {
      // A tab that is reloading has no document to read yet: not back, read it at the next poll.
      const read = await Promise.all(tabs.map((tab) => readTab(tab).catch(() => undefined)));
      if (read.some((view) => view === undefined)) return false;
      views.splice(0, views.length, ...(read as TabView[]));
      return views.every((view) => view.node !== '' && (!touched(view, since) || isBack(view, since)));
    },
    90_000,
    'every tab interactive on a live node',
    () => JSON.stringify(views),
  );
  const outcomes = views.map((view, index): TabOutcome => {
    return {
      index,
      handler: tabs[index]?.blazorOwnHandler === true ? 'blazor' : 'ours',
      nodeBefore: before[index]?.node ?? '',
      nodeAfter: view.node,
      persistedBefore: before[index]?.persisted ?? Number.NaN,
      persistedAfter: view.persisted,
      plainAfter: view.plain,
      reloads: view.loads.filter((at) => at >= since).length,
      states: view.states.filter((s) => s.at >= since).map((s) => s.state),
      texts: view.states.filter((s) => s.at >= since).map((s) => `${s.state}: ${s.text ?? ''}`),
      timeline: [
        ...view.states.filter((s) => s.at >= since).map((s) => ({ name: s.state, at: s.at })),
        ...view.loads.filter((at) => at >= since).map((at) => ({ name: 'load', at })),
        ...view.interactive.filter((at) => at >= since).map((at) => ({ name: 'interactive', at })),
      ]
        .sort((a, b) => a.at - b.at)
        .map((event) => `${event.name}@${event.at - since}`)
        .join(' '),
      downMs: timeWithoutInteractivity(view, since),
    };
  });
  return { tabs: outcomes, down: p50AndMax(outcomes.filter((tab) => tab.downMs > 0).map((tab) => tab.downMs)) };
}

/** The tabs of one handler, with their own p50 and max (a comparison in one table). */
export function tabsOf(outcome: StopOutcome, handler: TabOutcome['handler']): StopOutcome {
  const tabs = outcome.tabs.filter((tab) => tab.handler === handler);
  return { tabs, down: p50AndMax(tabs.filter((tab) => tab.downMs > 0).map((tab) => tab.downMs)) };
}

/** A table for the test output. */
export function describeOutcome(title: string, outcome: StopOutcome): string {
  const rows = outcome.tabs.map(
    (tab) =>
      `  tab ${tab.index}${tab.handler === 'blazor' ? " (Blazor's own handler)" : ''}: node ${tab.nodeBefore} -> ${tab.nodeAfter}, persisted ${tab.persistedBefore} -> ${tab.persistedAfter}, ` +
      `plain ${tab.plainAfter}, reloads ${tab.reloads}, down ${tab.downMs} ms: ${tab.timeline || 'untouched'}`,
  );
  return [`${title} (down p50 ${outcome.down.p50} ms, max ${outcome.down.max} ms)`, ...rows].join('\n');
}
