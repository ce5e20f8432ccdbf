// Startup and recovery in Chromium: the built script tag against the demo server, beside a page
// that loads SignalR's own signalr.min.js and connects (the floor). Each run is a fresh browser
// context (cold caches): script evaluation time, navigation → connected, and one outage
// (server down, sockets dropped) → reconnected. Medians of RUNS runs; writes bench/results/browser.json.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startLoopbackSite } from './loopback-site.mjs';
import { root, SIGNALR_MIN } from './size-helpers.mjs';

const RUNS = 20;
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The server refuses everything this long, dropping every socket when it goes down. */
const DOWN_MS = 500;
/** Both pages wait this long before their first reconnect attempt, so it lands after the return. */
const RETRY_MS = 800;

// Both pages record the same marks on window.__bench. `script` is the URL whose evaluation is
// timed: from the end of its download (Resource Timing) to the next inline script.
const RECORD = `window.__bench = { evalStart: performance.now() };`;
const EVALUATED = (script) =>
  `window.__bench.evalEnd = performance.now();
   window.__bench.responseEnd = performance.getEntriesByName(new URL(${JSON.stringify(script)}, location.href).href)[0]?.responseEnd ?? window.__bench.evalStart;`;

const PAGES = {
  'circuit-reconnect': `<!doctype html><title>circuit-reconnect</title>
<div id="components-reconnect-modal"></div>
<script>${RECORD}
document.getElementById('components-reconnect-modal').addEventListener('components-reconnect-state-changed', (event) => {
  if (event.detail.state === 'hide') window.__bench.upAt = Date.now();
});</script>
<script src="/circuit-reconnect.min.js" autostart="false"></script>
<script>${EVALUATED('/circuit-reconnect.min.js')}
Blazor.start({
  reconnectionOptions: { maxRetries: 100, retryIntervalMilliseconds: ${RETRY_MS} },
  circuitHandlers: [{ onCircuitOpened() { window.__bench.connectedAt ??= performance.now(); } }],
});</script>`,
  'signalr.min.js alone': `<!doctype html><title>signalr floor</title>
<script>${RECORD}</script>
<script src="/vendor/signalr/signalr.min.js"></script>
<script>${EVALUATED('/vendor/signalr/signalr.min.js')}
const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hub')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => ${RETRY_MS} })
  .configureLogging(signalR.LogLevel.None)
  .build();
connection.onreconnected(() => { window.__bench.upAt = Date.now(); });
connection.start().then(() => { window.__bench.connectedAt = performance.now(); });</script>`,
};

/** Pages live at the root: the library's hub path `_blazor` is relative to the page, as in Blazor. */
const slug = (name) => name.replace(/[^a-z0-9]+/gi, '-');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The demo hub (circuit contract at /_blazor, stateless /hub), the pages and the scripts. */
function startBenchSite() {
  return startLoopbackSite({
    endpoints: [
      { path: '/_blazor', kind: 'circuit' },
      { path: '/hub', kind: 'stateless' },
    ],
    pages: Object.fromEntries(Object.entries(PAGES).map(([name, page]) => [`/${slug(name)}.html`, page])),
    scripts: {
      '/circuit-reconnect.min.js': join(root, 'dist', 'circuit-reconnect.min.js'),
      '/vendor/signalr/signalr.min.js': join(root, SIGNALR_MIN),
    },
  });
}

async function oneRun(browser, server, name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (process.env.BENCH_DEBUG) page.on("console", (message) => console.log("[page]", message.type(), message.text()));
  if (process.env.BENCH_DEBUG) page.on("pageerror", (error) => console.log("[pageerror]", error.message));
  try {
    await page.goto(`${server.url}/${slug(name)}.html`);
    await page.waitForFunction(() => window.__bench?.connectedAt !== undefined, undefined, { timeout: 15_000 });
    const startup = await page.evaluate(() => window.__bench);
    const downAt = Date.now();
    server.hub.down(DOWN_MS);
    await page.waitForFunction(() => window.__bench.upAt !== undefined, undefined, { timeout: 15_000 });
    const upAt = await page.evaluate(() => window.__bench.upAt);
    return {
      evaluateMs: startup.evalEnd - Math.max(startup.responseEnd, startup.evalStart),
      connectedMs: startup.connectedAt,
      recoveryMs: upAt - (downAt + DOWN_MS),
    };
  } finally {
    await context.close();
    server.hub.reset({ log: true });
  }
}

export async function runBrowserBenchmark({ runs = RUNS } = {}) {
  const missing = [
    [CHROMIUM, 'Chromium'],
    [join(root, 'dist', 'circuit-reconnect.min.js'), 'the build (npm run build)'],
  ].find(([path]) => !existsSync(path));
  if (missing !== undefined) {
    console.log(`Browser benchmark skipped: ${missing[1]} not found at ${missing[0]}.`);
    return undefined;
  }
  const server = await startBenchSite();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const results = {};
  const chromiumVersion = browser.version();
  try {
    for (const name of Object.keys(PAGES)) {
      const samples = [];
      for (let run = 0; run < runs; run++) samples.push(await oneRun(browser, server, name));
      results[name] = {
        evaluateMs: median(samples.map((sample) => sample.evaluateMs)),
        connectedMs: median(samples.map((sample) => sample.connectedMs)),
        recoveryMs: median(samples.map((sample) => sample.recoveryMs)),
        samples,
      };
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const rows = Object.entries(results).map(([name, result]) => [
    name,
    result.evaluateMs.toFixed(1),
    result.connectedMs.toFixed(0),
    result.recoveryMs.toFixed(0),
    (result.recoveryMs - (RETRY_MS - DOWN_MS)).toFixed(0),
  ]);
  const header = ['page (Chromium, cold context)', 'script eval ms', 'navigation → connected ms', 'server back → up ms', 'minus scheduled wait'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  ');
  console.log(`Startup and recovery, median of ${runs} runs (outage ${DOWN_MS} ms; first retry ${RETRY_MS} ms after the drop):`);
  console.log([line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n'));

  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(
    join(root, 'bench', 'results', 'browser.json'),
    `${JSON.stringify({ runs, downMs: DOWN_MS, retryMs: RETRY_MS, chromium: chromiumVersion, results }, null, 1)}\n`,
  );
  console.log('\nWrote bench/results/browser.json.');
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runBrowserBenchmark();
