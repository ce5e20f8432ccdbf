// Types for demo/server-process.mjs, so the TypeScript tests start their servers through it too.

export interface ServerSpec {
  /** e.g. "node 1", for messages */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** true once the server serves */
  healthy: () => Promise<boolean>;
  /** @default 60_000 */
  startTimeoutMs?: number;
  /** How long a SIGTERM may take before SIGKILL. @default 30_000 */
  killAfterMs?: number;
}

export interface ServerProcess {
  /** The current process's id (a restart changes it). */
  readonly pid: number;
  /** The last 300 lines it printed. */
  output(): string;
  /** Resolves with the milliseconds it took to exit (0 if it was not running). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number>;
  /** Starts it again; resolves with the milliseconds to health. */
  start(): Promise<number>;
}

export function startServer(spec: ServerSpec): Promise<ServerProcess>;
/** A free TCP port on 127.0.0.1, released at once. */
export function freePort(): Promise<number>;
/** GET `url` answers 200 (within 2 s). */
export function answers200(url: string): Promise<boolean>;
export function delay(ms: number): Promise<void>;
