// @ts-check
/**
 * `--circuits-file <path>`: the demo hub's circuits survive the process being killed, so a page
 * whose server restarted resumes its circuit (what the real-server herd benchmark restarts), as
 * the ASP.NET Core sample's `Circuits:Store=file` does. Write-through: every change is one line
 * appended with a synchronous write before the hub answers (the operating system keeps it when the
 * process is killed). At start the file is replayed and rewritten compacted under a temporary
 * name, then renamed over the old one (atomic: a kill during start leaves one whole file). A line
 * cut by a kill is ignored. The file holds circuit ids (the demo's registry is keyed by them), so
 * it is created readable by its owner only; it is a local demo aid, like the control log.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';

/** Events that end holding a circuit; `started` begins one. Others (connected, disconnected) keep it. */
const FORGETS = new Set(['expired', 'dropped', 'paused', 'resumed', 'forgotten']);
const ID = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Reads `path` (if it exists), compacts it, and opens it for appending.
 * @param {string} path
 * @returns {{ ids: string[], record: (event: string, circuitId: string) => void, close: () => void }}
 *   `ids`: the circuits held when the last process ended; `record`: call with every registry event
 */
export function openCircuitsFile(path) {
  /** @type {Set<string>} */
  const held = new Set();
  if (existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const [sign, id] = line.split(' ');
      if (id === undefined || !ID.test(id)) continue; // a line cut by a kill
      if (sign === '+') held.add(id);
      else if (sign === '-') held.delete(id);
    }
  }
  const compacted = `${path}.tmp`;
  writeFileSync(compacted, [...held].map((id) => `+ ${id}\n`).join(''), { mode: 0o600 });
  renameSync(compacted, path);
  let fd = openSync(path, 'a', 0o600);
  return {
    ids: [...held],
    record(event, circuitId) {
      if (fd < 0) return;
      if (event === 'started') writeSync(fd, `+ ${circuitId}\n`);
      else if (FORGETS.has(event)) writeSync(fd, `- ${circuitId}\n`);
    },
    close() {
      if (fd >= 0) closeSync(fd);
      fd = -1;
    },
  };
}
