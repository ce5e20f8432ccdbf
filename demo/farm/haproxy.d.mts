// Types for demo/farm/haproxy.mjs, so TypeScript tests run the farm's own balancer through it.
import type { ServerProcess } from '../server-process.mjs';

/** A command on HAProxy's runtime API (e.g. `disable health nodes/n1`); its answer. */
export function haproxyCommand(socket: string, command: string): Promise<string>;

/** Whether HAProxy counts node `n` (1-based) as up. */
export function nodeIsUp(socket: string, n: number): Promise<boolean>;

/** HAProxy with demo/farm/haproxy.cfg on `port`, in front of the nodes on `nodePorts`; its files in `dir`. */
export function startHaproxy(options: { dir: string; port: number; controlPort: number; nodePorts: number[] }): Promise<{
  server: ServerProcess;
  /** Its runtime API's Unix socket. */
  socket: string;
  file: string;
  output: () => string;
}>;
