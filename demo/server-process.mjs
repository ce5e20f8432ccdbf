// @ts-check
/**
 * The one helper that starts every real server: the farm's (Redis, the nodes, HAProxy) and the
 * tests' (Kestrel, the Node demo server): a free loopback port, a spawned process, a bounded wait
 * for health, and a stop by process id, also when the starting process exits on an error.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();

process.once('exit', () => {
  for (const child of running) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
  }
});

/** A free TCP port on 127.0.0.1 (released at once: a server that then fails to bind says so). @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('freePort: no TCP address'));
        else resolve(address.port);
      });
    });
  });
}

/** @param {number} ms */
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {object} ServerSpec
 * @property {string} name            e.g. "node 1", for messages
 * @property {string} command
 * @property {string[]} args
 * @property {string} [cwd]
 * @property {Record<string, string>} [env]
 * @property {() => Promise<boolean>} healthy   true once the server serves
 * @property {number} [startTimeoutMs]          @default 60_000
 * @property {number} [killAfterMs]   how long a SIGTERM may take before SIGKILL @default 30_000
 *   (Kestrel's shutdown timeout: a deploy waits for it; a test need not)
 */

/**
 * @typedef {object} ServerProcess
 * @property {number} pid            the current process's id (a restart changes it)
 * @property {() => string} output   the last 300 lines it printed
 * @property {(signal?: 'SIGTERM' | 'SIGKILL') => Promise<number>} stop  resolves with the milliseconds it took to exit; SIGTERM turns into SIGKILL after `killAfterMs`
 * @property {() => Promise<number>} start  starts it again; resolves with the milliseconds to health
 */

/** @param {ServerSpec} spec @returns {Promise<ServerProcess>} */
export async function startServer(spec) {
  /** @type {string[]} */
  const lines = [];
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;

  /** @param {string} prefix */
  const record = (prefix) => (/** @type {Buffer} */ chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(prefix + line);
    if (lines.length > 300) lines.splice(0, lines.length - 300);
  };
  const output = () => lines.join('\n');

  async function start() {
    const started = Date.now();
    const spawned = spawn(spec.command, spec.args, { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child = spawned;
    running.add(spawned);
    spawned.stdout.on('data', record(''));
    spawned.stderr.on('data', record('stderr: '));
    spawned.once('exit', (code, signal) => {
      running.delete(spawned);
      lines.push(`[${spec.name}: process ${spawned.pid ?? '?'} exited: ${signal ?? code ?? '?'}]`);
    });
    spawned.once('error', (error) => lines.push(`[${spec.name}: ${error.message}]`));
    const deadline = started + (spec.startTimeoutMs ?? 60_000);
    for (;;) {
      if (spawned.exitCode !== null || spawned.signalCode !== null) throw new Error(`${spec.name} exited before it served:\n${output()}`);
      if (await spec.healthy().catch(() => false)) return Date.now() - started;
      if (Date.now() > deadline) {
        await stop('SIGKILL');
        throw new Error(`${spec.name} not healthy after ${spec.startTimeoutMs ?? 60_000} ms:\n${output()}`);
      }
      await delay(50);
    }
  }

  /** @param {'SIGTERM' | 'SIGKILL'} [signal] */
  async function stop(signal = 'SIGTERM') {
    const current = child;
    if (current?.pid === undefined || current.exitCode !== null || current.signalCode !== null) return 0;
    const started = Date.now();
    const exited = new Promise((resolve) => current.once('exit', resolve));
    const drained = Promise.all([current.stdout, current.stderr].map((stream) =>
      stream === null || stream.destroyed ? undefined : new Promise((resolve) => stream.once('close', resolve))));
    current.kill(signal);
    const timer = setTimeout(() => current.kill('SIGKILL'), spec.killAfterMs ?? 30_000);
    await exited;
    clearTimeout(timer);
    const stopMs = Date.now() - started;
    // What it printed last (a stop's log line) can still be in the pipe when 'exit' fires; bounded,
    // in case a process it started keeps the pipe open.
    /** @type {NodeJS.Timeout | undefined} */
    let drainTimer;
    await Promise.race([drained, new Promise((resolve) => { drainTimer = setTimeout(resolve, 2_000); })]);
    clearTimeout(drainTimer);
    return stopMs;
  }

  await start();
  return {
    get pid() {
      return child?.pid ?? -1;
    },
    output,
    stop,
    start,
  };
}

/** GET `url` answers 200. @param {string} url */
export async function answers200(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.body?.cancel();
  return response.status === 200;
}
