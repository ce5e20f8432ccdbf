// What the demo hub saw, read from its log: the fault suites assert on the server's side of every
// reconnection (negotiations, ConnectCircuit answers, connections open at once).
import type { Hub, HubLogEntry, HubLogKind } from '../../../demo/hub/index.mjs';
import { waitUntil } from './page-helpers';

/** The last log sequence number: pass it to `since` to read only what happens afterwards. */
export function mark(hub: Hub): number {
  return hub.log.entries().at(-1)?.seq ?? 0;
}

export function since(hub: Hub, seq: number, kind?: HubLogKind): HubLogEntry[] {
  return hub.log.entries(kind).filter((entry) => entry.seq > seq);
}

export function completionsOf(hub: Hub, method: string, afterSeq = 0): HubLogEntry[] {
  return since(hub, afterSeq, 'completion').filter((entry) => entry.method === method);
}

/** Circuit ids the hub handed out (StartCircuit results), oldest first. */
export function startedCircuits(hub: Hub): string[] {
  return completionsOf(hub, 'StartCircuit')
    .map((entry) => entry.result)
    .filter((id): id is string => typeof id === 'string');
}

export async function waitForLog(
  hub: Hub,
  predicate: (entry: HubLogEntry) => boolean,
  timeoutMs: number,
  what: string,
  afterSeq = 0,
): Promise<HubLogEntry> {
  let found: HubLogEntry | undefined;
  await waitUntil(
    () => {
      found = since(hub, afterSeq).find(predicate);
      return found !== undefined;
    },
    timeoutMs,
    what,
  );
  if (found === undefined) throw new Error(`unreachable: ${what}`);
  return found;
}

export const isResumed = (entry: HubLogEntry): boolean =>
  entry.kind === 'completion' && entry.method === 'ConnectCircuit' && entry.result === true;

/**
 * The most hub connections open at once, from the log's connect and close entries: two
 * reconnection processes racing would show up as a second connection before the first closed.
 */
export function maxConcurrentConnections(entries: readonly HubLogEntry[]): number {
  const open = new Set<string>();
  let max = 0;
  for (const entry of entries) {
    if (entry.connectionId === undefined) continue;
    if (entry.kind === 'connect') open.add(entry.connectionId);
    else if (entry.kind === 'close') open.delete(entry.connectionId);
    max = Math.max(max, open.size);
  }
  return max;
}
