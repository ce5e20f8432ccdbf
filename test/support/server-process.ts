// Starts a server as a child process on a free loopback port, waits until it answers, and ends
// it by process id (never by name), even when the test runner dies: the one helper every
// real-server test (Kestrel, the Node demo server) starts its servers through.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { freePort } from './free-port';
import { waitUntil } from './wait';

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
  /** What the server printed (stdout and stderr, last 400 lines), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after 5 s. Safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL: the server vanishes without closing its connections, as in a crash. */
  kill(): Promise<void>;
  /** Starts the server again on the same port (stopping it first if it still runs). */
  restart(): Promise<void>;
}

const running = new Set<ChildProcess>();

// A test runner that dies (or a test that forgets to stop its app) must not leave Kestrel behind:
// every process still running when this process exits is killed, by its id.
process.once('exit', () => {
  for (const child of running) {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  }
});

const MAX_LINES = 400;

/** Starts the server on a free port and waits until `healthPath` answers 200. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  let child: ChildProcess | undefined;
  let startMs = 0;

  const record = (prefix: string) => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() !== '') lines.push(`${prefix}${line}`);
    }
    if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
  };
  const output = () => lines.join('\n');

  async function launch(): Promise<void> {
    const started = Date.now();
    const spawned = spawn(options.command, options.args(url, port), {
      cwd: options.cwd,
      env: { ...process.env, ...options.env?.(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = spawned;
    running.add(spawned);
    spawned.stdout.on('data', record(''));
    spawned.stderr.on('data', record('stderr: '));
    spawned.once('exit', (code, signal) => {
      running.delete(spawned);
      lines.push(`[process ${spawned.pid ?? '?'} exited: ${signal ?? code ?? '?'}]`);
    });

    const healthUrl = `${url}${options.healthPath ?? '/'}`;
    try {
      await waitUntil(
        async () => {
          if (spawned.exitCode !== null || spawned.signalCode !== null) {
            throw new Error(`${options.name} exited before it served ${healthUrl}:\n${output()}`);
          }
          try {
            return (await fetch(healthUrl)).status === 200;
          } catch {
            return false;
          }
        },
        options.startTimeoutMs ?? 30_000,
        `${options.name} to answer 200 at ${healthUrl}`,
        output,
      );
    } catch (error) {
      await end('SIGKILL');
      throw error;
    }
    startMs = Date.now() - started;
  }

  async function end(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const current = child;
    if (current?.pid === undefined || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => { resolve(); }));
    current.kill(signal);
    if (signal === 'SIGTERM') {
      const timer = setTimeout(() => current.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    } else {
      await exited;
    }
  }

  await launch();

  return {
    url,
    port,
    get pid() {
      return child?.pid ?? -1;
    },
    get startMs() {
      return startMs;
    },
    output,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    restart: async () => {
      await end('SIGTERM');
      await launch();
    },
  };
}
