// `node demo/server.mjs` as a user runs it: the start line, a busy port, bad flags, SIGTERM.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait';
import { ClientPool, startCircuit, within } from './support/hub-client';

const CLI = fileURLToPath(new URL('../../demo/server.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));

interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: Cli[] = [];
const held: Server[] = [];

function runCli(args: string[], env: Record<string, string>): Cli {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const cli = { child, stdout: () => out, stderr: () => err, exited };
  running.push(cli);
  return cli;
}

/** Waits (bounded) for the start line and returns the URL it names. */
async function startedUrl(cli: Cli): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const match = /demo on (http:\/\/127\.0\.0\.1:\d+)\//.exec(cli.stdout());
    if (match?.[1] !== undefined) return match[1];
    if (cli.child.exitCode !== null) throw new Error(`the CLI exited early: ${cli.stderr()}`);
    if (Date.now() > deadline) throw new Error(`no start line within 10 s; stdout: ${cli.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function holdPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      held.push(server);
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      resolve({ server, port: address.port });
    });
  });
}

afterEach(async () => {
  for (const cli of running.splice(0)) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) {
      cli.child.kill('SIGKILL');
      await cli.exited;
    }
  }
  await Promise.all(held.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('demo/server.mjs', () => {
  it('says in one line that the port is busy and how to pick another, exit code 1', async () => {
    const { port } = await holdPort();
    const cli = runCli([], { PORT: String(port) });
    const { code } = await within(cli.exited, 10_000, 'the CLI to exit');
    expect(code).toBe(1);
    const lines = cli.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`port ${port}`);
    expect(lines[0]).toContain('PORT');
    expect(cli.stdout()).toBe('');
  });

  it('rejects a bad --retention and a bad PORT with a one-line error', async () => {
    const badFlag = runCli(['--retention', 'soon'], { PORT: '0' });
    expect((await within(badFlag.exited, 10_000, 'exit')).code).toBe(1);
    expect(badFlag.stderr()).toMatch(/--retention must be a number of seconds/);
    const badPort = runCli([], { PORT: 'eighty' });
    expect((await within(badPort.exited, 10_000, 'exit')).code).toBe(1);
    expect(badPort.stderr()).toMatch(/PORT must be a port number/);
  });

  it('--static DIR serves a built app at / beside the hubs and the library; a missing folder is a one-line error', async () => {
    const app = mkdtempSync(join(tmpdir(), 'demo-static-'));
    try {
      writeFileSync(join(app, 'index.html'), '<!doctype html><title>My app</title><script src="/circuit-reconnect.min.js"></script>');
      writeFileSync(join(app, 'app.js'), 'console.log("mine");');
      const cli = runCli(['--static', app], { PORT: '0' });
      const url = await startedUrl(cli);
      // Its own line after the start line: a pipe may hand the two over in separate chunks.
      await waitUntil(() => cli.stdout().includes(`serving ${app} at ${url}/`), 10_000, 'the --static line', cli.stdout);
      expect(await (await fetch(`${url}/`)).text()).toContain('<title>My app</title>');
      expect(await (await fetch(`${url}/app.js`)).text()).toBe('console.log("mine");');
      // The library and the demo's own pages are still there, and so are the hubs.
      expect((await fetch(`${url}/circuit-reconnect.min.js`)).status).toBe(200);
      expect((await fetch(`${url}/default-dialog.html`)).status).toBe(200);
      expect((await fetch(`${url}/_blazor/negotiate?negotiateVersion=1`, { method: 'POST' })).status).toBe(200);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
    const missing = runCli(['--static', join(tmpdir(), 'no-such-folder-for-the-demo')], { PORT: '0' });
    expect((await within(missing.exited, 10_000, 'exit')).code).toBe(1);
    expect(missing.stderr()).toMatch(/^demo: --static must name a folder/);
  });

  it('serves, never prints circuit ids, and on SIGTERM closes and exits 0 with one line', async () => {
    const cli = runCli(['--retention', '2'], { PORT: '0' });
    const url = await startedUrl(cli);
    expect(cli.stdout()).toContain('circuit retention 2 s');
    expect((await fetch(`${url}/`)).status).toBe(200);

    const clients = new ClientPool(() => url);
    const connection = await clients.start('/_blazor');
    const id = await startCircuit(connection);
    expect(id).toEqual(expect.any(String));
    await connection.invoke('ConnectCircuit', id);
    await fetch(`${url}/_blazor/disconnect`, { method: 'POST', body: new URLSearchParams({ circuitId: id ?? '' }) });

    cli.child.kill('SIGTERM');
    const { code } = await within(cli.exited, 10_000, 'the CLI to exit after SIGTERM');
    await clients.stopAll();
    expect(code).toBe(0);
    const out = cli.stdout();
    expect(out).toContain('StartCircuit');
    expect(out).toContain('<circuit>');
    expect(out).not.toContain(id ?? '');
    expect(out.trim().split('\n').at(-1)).toMatch(/^demo server stopped \(SIGTERM\)$/);
    expect(cli.stderr()).toBe('');
  });
});
