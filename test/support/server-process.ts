// Starts a server as a child process on a free loopback port, waits until it answers, and ends
// it by process id (never by name), even when the test runner dies: the tests' face of the one
// helper (demo/server-process.mjs) that also starts the farm's Redis, nodes and balancer.
import { answers200, freePort, startServer } from '../../demo/server-process.mjs';

/** How to start a server process. */
export interface ServerProcessOptions {
  /** Names the server in errors, e.g. the assembly. */
  readonly name: string;
  readonly command: string;
  /** The arguments, given the server's URL (`http://127.0.0.1:<port>`) and port. */
  readonly args: (url: string, port: number) => readonly string[];
  readonly cwd?: string;
  /** Added to this process's environment, given the port. */
  readonly env?: (port: number) => Readonly<Record<string, string>>;
  /** The path that answers 200 once the server serves. @default '/' */
  readonly healthPath?: string;
  /** How long to wait for health. @default 30_000 */
  readonly startTimeoutMs?: number;
}

/** A running server. Every method that ends it ends it by process id, never by name. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The current process's id (a restart changes it). */
  readonly pid: number;
  /** Milliseconds from spawn to the first healthy answer, for the last start. */
  readonly startMs: number;
  /** What the server printed (stdout and stderr, last 300 lines), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after 5 s. Safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL: the server vanishes without closing its connections, as in a crash. */
  kill(): Promise<void>;
  /** Starts the server again on the same port (stopping it first if it still runs). */
  restart(): Promise<void>;
}

/** A test ends what it started quickly: a server slower than this to stop on SIGTERM is killed. */
const STOP_TIMEOUT_MS = 5_000;

/** Starts the server on a free port and waits until `healthPath` answers 200. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const server = await startServer({
    name: options.name,
    command: options.command,
    args: [...options.args(url, port)],
    cwd: options.cwd,
    env: { ...options.env?.(port) },
    healthy: () => answers200(`${url}${options.healthPath ?? '/'}`),
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
    killAfterMs: STOP_TIMEOUT_MS,
  });
  let startMs = Date.now() - started;
  return {
    url,
    port,
    get pid() {
      return server.pid;
    },
    get startMs() {
      return startMs;
    },
    output: () => server.output(),
    stop: async () => {
      await server.stop('SIGTERM');
    },
    kill: async () => {
      await server.stop('SIGKILL');
    },
    restart: async () => {
      await server.stop('SIGTERM');
      startMs = await server.start();
    },
  };
}
