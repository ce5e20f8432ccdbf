// Runs `node demo/farm.mjs` (what `npm run demo:farm` runs after building) as a person does, and
// drives its control. The farm stops when the test stops it, or when this process's end of the
// script's stdin closes (a test runner that dies), by the script's own process ids.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPOSITORY_ROOT } from '../../support/dotnet-apps';
import { waitUntil } from '../../support/wait';

const SCRIPT = fileURLToPath(new URL('../../../demo/farm.mjs', import.meta.url));

/** A running farm: the balancer's URL and its control. */
export interface FarmScript {
  /** `http://127.0.0.1:<port>`, the load balancer. */
  readonly url: string;
  /** The port of the farm's Redis, or undefined with `--no-redis`. */
  readonly redisPort: number | undefined;
  /** What the script printed. */
  output(): string;
  /** `POST /_farm/restart?node=N&signal=…` through the balancer; its JSON answer. */
  restart(node: number, signal: 'TERM' | 'KILL'): Promise<RestartReport>;
  /** `POST /_farm/roll`. */
  roll(): Promise<RestartReport[]>;
  /** SIGTERM to the script, which stops every process of the farm; resolves when it exited. */
  stop(): Promise<void>;
}

/** One node's restart, as the control reports it. */
export interface RestartReport {
  readonly node: number;
  readonly signal: 'TERM' | 'KILL';
  readonly exitMs: number;
  readonly startMs: number;
  readonly downMs: number;
}

async function post<T>(url: string): Promise<T> {
  const response = await fetch(url, { method: 'POST' });
  if (response.status !== 200) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Starts the farm script with `args` (e.g. `['--no-redis', '--', '--ReconnectUi=blazor']`). */
export async function startFarmScript(args: readonly string[] = []): Promise<FarmScript> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, '--until-stdin-closes', ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
  let url = '';
  await waitUntil(
    () => {
      if (child.exitCode !== null) throw new Error(`demo/farm.mjs exited early:\n${out}`);
      url = /farm on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1] ?? '';
      return url !== '';
    },
    120_000,
    'the farm script to print its URL',
    () => out,
  );
  const redisPort = /redis on 127\.0\.0\.1:(\d+)/.exec(out)?.[1];
  return {
    url,
    redisPort: redisPort === undefined ? undefined : Number(redisPort),
    output: () => out,
    restart: (node, signal) => post(`${url}/_farm/restart?node=${node}&signal=${signal}`),
    roll: () => post(`${url}/_farm/roll`),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
