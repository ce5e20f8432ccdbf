// One network-fault run: a fresh link (test/netns/support/netns.ts), the demo hub in the server's
// namespace and Debian's Chromium in the client's, the page opened and its circuit started.
// Everything it made is stopped by `close()`, which every test calls in `finally`.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { HubLogEntry } from '../../../demo/hub/index.mjs';
import { uiPage } from '../../browser/fixtures-ui/pages';
import type { SitePage } from '../../browser/support/site';
import type { EnginePage } from '../../engines/support/engine';
import { EXECUTABLES } from '../../engines/support/engine';
import { waitForStart } from '../../engines/support/engine-site';
import { launchPuppeteer } from '../../engines/support/puppeteer-engine';
import { RECORDER_SCRIPT } from '../../engines/support/recorder';
import { waitUntil } from '../../support/wait';
import { createLink } from './netns';
import type { Link } from './netns';

/** The client: a 4 s server timeout over 2 s keep-alives; one attempt a second. */
const START_OPTIONS = `{
  configureSignalR: (builder) => { builder.withServerTimeout(4000).withKeepAliveInterval(2000); },
  reconnectionOptions: { maxRetries: 120, retryIntervalMilliseconds: 1000 },
}`;

const SERVER = fileURLToPath(new URL('netns-server.mjs', import.meta.url));
const PORT = 5000;

export interface FaultRun {
  readonly link: Link;
  readonly page: EnginePage;
  /** Every hub log entry so far, in order (read from the server's stdout). */
  readonly entries: HubLogEntry[];
  /** The circuit the page started. */
  readonly circuitId: string;
  /** Tells the hub to close every socket abruptly. */
  drop(): void;
  close(): Promise<void>;
}

/** @param latencyMs - held in each direction by a relay before the hub, from the page's first request. */
export async function startFaultRun({ latencyMs = 0 }: { latencyMs?: number } = {}): Promise<FaultRun> {
  const chromium = EXECUTABLES.chromium;
  if (chromium === undefined) throw new Error('no Chromium: the suite should have been skipped');
  const dir = mkdtempSync(join(tmpdir(), 'cr-netns-'));
  const link = createLink();
  const cleanups: (() => Promise<void> | void)[] = [
    () => {
      rmSync(dir, { recursive: true, force: true });
    },
    () => {
      link.remove();
    },
  ];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const pages = Object.fromEntries(
      Object.entries<SitePage>({
        ...uiPage({ startScript: '/netns.js', startOptions: START_OPTIONS, extraHead: '<script src="/engine-recorder.js"></script>' }),
        '/engine-recorder.js': { body: RECORDER_SCRIPT, contentType: 'text/javascript; charset=utf-8' },
      }).map(([path, page]) => [path, { body: page.body, type: page.contentType ?? 'text/html; charset=utf-8' }]),
    );
    writeFileSync(join(dir, 'pages.json'), JSON.stringify(pages));
    const server = spawn('ip', ['netns', 'exec', link.serverNs, process.execPath, SERVER, link.serverIp, String(PORT), join(dir, 'pages.json'), String(latencyMs)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    cleanups.push(() => {
      server.kill('SIGKILL');
    });
    const entries: HubLogEntry[] = [];
    let listening = false;
    createInterface({ input: server.stdout }).on('line', (line) => {
      const parsed = JSON.parse(line) as HubLogEntry | { listening: string };
      if ('listening' in parsed) listening = true;
      else entries.push(parsed);
    });
    await waitUntil(() => listening, 10_000, 'the hub to listen in its namespace');

    // Chromium in the client's namespace: puppeteer talks to it over its pipes.
    const wrapper = join(dir, 'chromium');
    writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${link.clientNs} ${chromium} "$@"\n`);
    chmodSync(wrapper, 0o755);
    const engine = await launchPuppeteer('chromium', wrapper);
    cleanups.push(() => engine.close());
    const page = await engine.newPage();
    await page.goto(`http://${link.serverIp}:${String(PORT)}/netns.html`);
    await waitForStart(page, 30_000);
    const started = entries.find((entry) => entry.kind === 'completion' && entry.method === 'StartCircuit');
    if (typeof started?.result !== 'string') throw new Error('the page started no circuit');
    return {
      link,
      page,
      entries,
      circuitId: started.result,
      drop: () => server.stdin.write('drop\n'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
