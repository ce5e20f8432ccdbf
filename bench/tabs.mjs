// Cross-tab coordination in Chromium: five tabs of one origin on one hub lose the server for
// OUTAGE_MS, once coordinated (the default) and once with `coordinateTabs: false` (five
// independent tabs, what every peer library does). Counts the attempts that reach the server
// during the outage (refused negotiations) and when each tab is back after the server returns.
// The library's default retry policy; writes bench/results/tabs.json.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startLoopbackSite } from './loopback-site.mjs';
import { root } from './size-helpers.mjs';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TABS = 5;
const OUTAGE_MS = 30_000;

/** The page's own modal: its state event with `hide` marks the tab's return. */
const PAGE = `<!doctype html><html lang="en"><title>tabs</title>
<div id="components-reconnect-modal"></div>
<script>
window.__back = [];
document.getElementById('components-reconnect-modal').addEventListener('components-reconnect-state-changed', (event) => {
  if (event.detail.state === 'hide') window.__back.push(Date.now());
});
</script>
<script src="/circuit-reconnect.min.js" autostart="false"></script>
<script>Blazor.start({ reconnectionOptions: { coordinateTabs: !location.search.includes('independent') } });</script></html>`;

function startTabsSite() {
  return startLoopbackSite({
    endpoints: [{ path: '/_blazor', kind: 'circuit' }],
    pages: { '/tabs.html': PAGE },
    scripts: { '/circuit-reconnect.min.js': join(root, 'dist', 'circuit-reconnect.min.js') },
  });
}

const until = async (check, timeoutMs, what) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`tabs benchmark: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** One outage over TABS tabs of one context; `independent` turns coordination off. */
async function oneOutage(browser, site, independent) {
  const context = await browser.newContext();
  try {
    const pages = [];
    for (let index = 0; index < TABS; index++) {
      const page = await context.newPage();
      await page.goto(`${site.url}/tabs.html${independent ? '?independent' : ''}`);
      pages.push(page);
    }
    await until(() => site.hub.circuits.size === TABS, 15_000, `${TABS} circuits`);
    const before = site.hub.log.entries().at(-1)?.seq ?? 0;
    const upAt = Date.now() + OUTAGE_MS;
    site.hub.down(OUTAGE_MS);
    const backTimes = async () => Promise.all(pages.map((page) => page.evaluate(() => window.__back.at(-1))));
    await until(async () => (await backTimes()).every((at) => at !== undefined && at >= upAt), OUTAGE_MS + 60_000, 'every tab back');
    const negotiations = site.hub.log.entries('negotiate').filter((entry) => entry.seq > before);
    const back = (await backTimes()).map((at) => at - upAt).sort((a, b) => a - b);
    return {
      attemptsDuringOutage: negotiations.filter((entry) => entry.at < upAt).length,
      backMs: back,
      spreadMs: back.at(-1) - back[0],
    };
  } finally {
    await context.close();
    await until(() => site.hub.connectionCount === 0, 5_000, 'connections closed');
    site.hub.reset({ log: true });
  }
}

export async function runTabsBenchmark() {
  const missing = [
    [CHROMIUM, 'Chromium'],
    [join(root, 'dist', 'circuit-reconnect.min.js'), 'the build (npm run build)'],
  ].find(([path]) => !existsSync(path));
  if (missing !== undefined) {
    console.log(`Tabs benchmark skipped: ${missing[1]} not found at ${missing[0]}.`);
    return undefined;
  }
  const site = await startTabsSite();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const results = {};
  try {
    results.coordinated = await oneOutage(browser, site, false);
    results.independent = await oneOutage(browser, site, true);
  } finally {
    await browser.close();
    await site.close();
  }
  const rows = Object.entries(results).map(([name, result]) => [
    `${TABS} tabs, ${name}`,
    String(result.attemptsDuringOutage),
    result.backMs.map((ms) => ms.toFixed(0)).join(' / '),
    result.spreadMs.toFixed(0),
  ]);
  const header = ['tabs', `attempts at the server in ${OUTAGE_MS / 1000} s`, 'server back → each tab up, ms', 'last − first ms'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  ');
  console.log(`Cross-tab coordination (Chromium, default retry policy, one ${OUTAGE_MS / 1000} s outage):`);
  console.log([line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n'));
  const ratio = results.coordinated.attemptsDuringOutage / results.independent.attemptsDuringOutage;
  console.log(`Coordinated / independent attempts: ${ratio.toFixed(2)}.`);
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(
    join(root, 'bench', 'results', 'tabs.json'),
    `${JSON.stringify({ tabs: TABS, outageMs: OUTAGE_MS, chromium: browser.version(), ratio, results }, null, 1)}\n`,
  );
  console.log('\nWrote bench/results/tabs.json.');
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runTabsBenchmark();
