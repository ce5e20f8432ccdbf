import { seededRandom } from '../herd/random';
import type { HerdPolicy } from '../herd/herd';
import { BLAZOR, HERD_POLICIES, OURS } from '../herd/policies';
import { HerdClient } from './herd-client';
import type { ClientDiagnosis, OutageEnd } from './herd-client';

/** What the benchmark's parent process asks a client process to do. */
export type ChildCommand =
  | { readonly type: 'start'; readonly url: string; readonly count: number; readonly process: number }
  /** `split`: every other client runs Blazor's schedule, the others ours (two policies, one outage). */
  | { readonly type: 'arm'; readonly policy: 'blazor' | 'ours' | 'split'; readonly seed: number }
  | { readonly type: 'cpu' }
  | { readonly type: 'busy' }
  | { readonly type: 'diagnose' }
  | { readonly type: 'stop' };

/** What a client process reports. */
export type ChildReport =
  | { readonly type: 'started'; readonly firstAt: number; readonly lastAt: number; readonly failed: number; readonly error?: string }
  /** `reloaded`: clients that were not ready (still in the last run's outage, or given up) and loaded the page again. */
  | { readonly type: 'armed'; readonly reloaded: number }
  | { readonly type: 'end'; readonly end: OutageEnd }
  | { readonly type: 'cpu'; readonly cpuMs: number }
  | { readonly type: 'busy'; readonly inOutage: number }
  | { readonly type: 'diagnosis'; readonly clients: readonly ClientDiagnosis[] }
  | { readonly type: 'stopped' };

const POLICY_NAMES = { blazor: BLAZOR, ours: OURS } as const;

function herdPolicy(tag: 'blazor' | 'ours'): HerdPolicy {
  const policy = HERD_POLICIES.find((each) => each.name === POLICY_NAMES[tag]);
  if (policy === undefined) throw new RangeError(`No herd policy ${tag}`);
  return policy;
}

/**
 * A client process of the real-server herd: `count` real clients in one Node event loop, driven
 * by the parent over IPC (several such processes share the herd, so no one event loop is the
 * bottleneck). Each outage's end is reported as it happens, stamped with this machine's clock.
 */
export function runChild(send: (report: ChildReport) => void, receive: (handler: (command: ChildCommand) => void) => void): void {
  let clients: HerdClient[] = [];
  const report = (end: OutageEnd) => {
    send({ type: 'end', end });
  };

  receive((command) => {
    switch (command.type) {
      case 'start': {
        clients = Array.from({ length: command.count }, (_, index) => new HerdClient(`${command.process}.${index}`, command.url, report));
        const firstAt = Date.now();
        let lastAt = firstAt;
        let failed = 0;
        let error: string | undefined;
        void Promise.all(
          clients.map((client) =>
            client.start().then(
              () => {
                lastAt = Math.max(lastAt, Date.now());
              },
              (reason: unknown) => {
                failed++;
                error = String(reason);
              },
            ),
          ),
        ).then(() => {
          send({ type: 'started', firstAt, lastAt, failed, ...(error === undefined ? {} : { error }) });
        });
        break;
      }
      case 'arm': {
        // Every client starts the run connected: see `HerdClient.reload`.
        const stale = clients.filter((client) => !client.ready);
        void Promise.all(stale.map((client) => client.reload())).then(() => {
          const random = seededRandom(command.seed);
          clients.forEach((client, index) => {
            const tag = command.policy === 'split' ? (index % 2 === 0 ? 'blazor' : 'ours') : command.policy;
            client.arm(tag, herdPolicy(tag), random);
          });
          send({ type: 'armed', reloaded: stale.length });
        });
        break;
      }
      case 'cpu': {
        const usage = process.cpuUsage();
        send({ type: 'cpu', cpuMs: (usage.user + usage.system) / 1000 });
        break;
      }
      case 'busy':
        send({ type: 'busy', inOutage: clients.filter((client) => client.inOutage).length });
        break;
      case 'diagnose':
        send({ type: 'diagnosis', clients: clients.map((client) => client.diagnosis()) });
        break;
      case 'stop':
        void Promise.allSettled(clients.map((client) => client.stop())).then(() => {
          send({ type: 'stopped' });
        });
        break;
    }
  });
}
