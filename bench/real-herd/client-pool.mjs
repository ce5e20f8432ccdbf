// The real herd's clients: `clients` real @microsoft/signalr clients in forked Node processes
// (bench/real-herd-child.mjs, at most CLIENTS_PER_PROCESS each, so no one event loop is the
// bottleneck), each running the library's real reconnection process. The parent sends commands
// over IPC and collects each client's outage end as it happens.
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const CLIENTS_PER_PROCESS = 250;

/**
 * @param {string} bundleUrl the bundled bench/real-herd/child.ts
 * @param {string} url the hub
 * @param {number} clients
 */
export function forkClientPool(bundleUrl, url, clients) {
  const processes = Math.ceil(clients / CLIENTS_PER_PROCESS);
  const children = Array.from({ length: processes }, () => fork(join(here, '..', 'real-herd-child.mjs'), [bundleUrl], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  /** @type {{ client: string, policy: string, outcome: string, at: number, attempts: number }[]} */
  let ends = [];
  /** Clients whose outage ended at least once since the last arm. */
  const ended = new Set();
  /** @type {(() => void) | undefined} */
  let onEnd;
  /** @type {Map<import('node:child_process').ChildProcess, ((report: any) => void)[]>} */
  const waiting = new Map(children.map((child) => [child, []]));
  for (const child of children) {
    child.on('message', (/** @type {any} */ report) => {
      if (report.type === 'end') {
        ends.push(report.end);
        ended.add(report.end.client);
        onEnd?.();
        return;
      }
      waiting.get(child)?.shift()?.(report);
    });
  }
  /** Sends a command to every process and resolves with each one's answer. @param {(index: number) => object} command */
  const all = (command) =>
    Promise.all(children.map((child, index) => new Promise((resolve) => {
      waiting.get(child)?.push(resolve);
      child.send(command(index));
    })));
  const share = (/** @type {number} */ index) => Math.floor(clients / processes) + (index < clients % processes ? 1 : 0);

  return {
    processes,
    /**
     * Starts every client at once (a burst of `clients` fresh connections, each starting a
     * circuit) and resolves with the admission rate R it achieved, in connections per second.
     */
    async start() {
      const reports = /** @type {{ firstAt: number, lastAt: number, failed: number, error?: string }[]} */ (await all((index) => ({ type: 'start', url, count: share(index), process: index })));
      const failed = reports.reduce((sum, report) => sum + report.failed, 0);
      if (failed > 0) throw new Error(`${failed} of ${clients} clients could not start a circuit: ${reports.find((report) => report.error)?.error}`);
      const first = Math.min(...reports.map((report) => report.firstAt));
      const last = Math.max(...reports.map((report) => report.lastAt));
      return { admissionPerSecond: (clients * 1000) / Math.max(1, last - first), burstMs: last - first };
    },
    /**
     * The policy the next outage runs; clears the collected ends. A client not connected (still in
     * the last run's outage, or given up) loads the page again first. Resolves with how many did.
     * @param {'blazor' | 'ours' | 'split'} policy @param {number} seed @returns {Promise<number>}
     */
    async arm(policy, seed) {
      const reports = /** @type {{ reloaded: number }[]} */ (await all((index) => ({ type: 'arm', policy, seed: seed + index })));
      ends = [];
      ended.clear();
      return reports.reduce((sum, report) => sum + report.reloaded, 0);
    },
    /**
     * Resolves once `count` clients' outages ended (every client's by default), or after
     * `timeoutMs` with those that did. A client with two outages counts once.
     * @param {number} timeoutMs @param {number} [count]
     */
    waitForEnds(timeoutMs, count = clients) {
      return new Promise((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          onEnd = undefined;
          resolve([...ends]);
        };
        const timer = setTimeout(finish, timeoutMs);
        onEnd = () => {
          if (ended.size >= count) finish();
        };
        onEnd();
      });
    },
    /** How many clients are in an outage now (dropped again after a resume, say). */
    async inOutage() {
      const reports = /** @type {{ inOutage: number }[]} */ (await all(() => ({ type: 'busy' })));
      return reports.reduce((sum, report) => sum + report.inOutage, 0);
    },
    /** Every client's state and last outage (policy, state, attempts, errors, last wait). */
    async diagnose() {
      const reports = /** @type {{ clients: import('./herd-client').ClientDiagnosis[] }[]} */ (await all(() => ({ type: 'diagnose' })));
      return reports.flatMap((report) => report.clients);
    },
    /** CPU milliseconds all client processes used so far. */
    async cpuMs() {
      const reports = /** @type {{ cpuMs: number }[]} */ (await all(() => ({ type: 'cpu' })));
      return reports.reduce((sum, report) => sum + report.cpuMs, 0);
    },
    async stop() {
      await Promise.race([all(() => ({ type: 'stop' })), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
