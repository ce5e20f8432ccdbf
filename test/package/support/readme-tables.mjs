// The benchmark figures README.md quotes, as markdown built from bench/results/*.json. The
// readme-samples test checks README.md contains exactly these; after `npm run bench` changes the
// results, `node test/package/support/readme-tables.mjs` rewrites them in README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = (file) => JSON.parse(readFileSync(`${root}${file}`, 'utf8'));
const count = (value) => value.toLocaleString('en-US');
const seconds = (ms) => (ms === null || !Number.isFinite(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`);

/** The policies and scenarios the README's herd table shows, in its order. */
const HERD_POLICIES = ['Blazor default', 'circuit-reconnect default', 'exponential 1–28 s, full'];

/** @param {{ results: Array<{ policy: string, model: string, outageSeconds: number, peakPer100ms: number, p50Ms: number | null, p95Ms: number | null, failed: number }> }} herd */
export function herdTable(herd) {
  const rows = ['| policy | server | outage | busiest 100 ms | p50 / p95 after return | failed |', '| --- | --- | --- | ---: | ---: | ---: |'];
  for (const model of ['queue', 'drop', 'retry-after']) {
    for (const outage of [30, 120]) {
      for (const policy of HERD_POLICIES) {
        const result = herd.results.find((candidate) => candidate.policy === policy && candidate.model === model && candidate.outageSeconds === outage);
        if (result === undefined) throw new Error(`herd.json has no ${policy} / ${model} / ${outage} s row`);
        rows.push(`| ${policy} | ${model} | ${outage} s | ${count(result.peakPer100ms)} | ${seconds(result.p50Ms)} / ${seconds(result.p95Ms)} | ${count(result.failed)} |`);
      }
    }
  }
  return rows.join('\n');
}

/**
 * The long-outage sweep: for each outage, the p95 after return of Blazor's default and ours in
 * each server model, and whether ours met the targets (p95 ≤ 9.5 s, peak ≤ 1/10 of Blazor's, 0 failed).
 * @param {{ results: Array<{ policy: string, model: string, outageSeconds: number, p95Ms: number | null, peakPer100ms: number, failed: number }> }} sweep
 */
export function sweepTable(sweep) {
  const models = ['queue', 'drop', 'retry-after'];
  const rows = [
    '| outage | queue p95: Blazor / default | drop p95: Blazor / default | retry-after p95: Blazor / default | default failed |',
    '| ---: | ---: | ---: | ---: | ---: |',
  ];
  const outages = [...new Set(sweep.results.map((result) => result.outageSeconds))].sort((a, b) => a - b);
  for (const outage of outages) {
    const find = (policy, model) => sweep.results.find((r) => r.policy === policy && r.model === model && r.outageSeconds === outage);
    const cells = models.map((model) => `${seconds(find('Blazor default', model)?.p95Ms ?? null)} / ${seconds(find('circuit-reconnect default', model)?.p95Ms ?? null)}`);
    const failed = models.reduce((sum, model) => sum + (find('circuit-reconnect default', model)?.failed ?? 0), 0);
    rows.push(`| ${outage} s | ${cells.join(' | ')} | ${count(failed)} |`);
  }
  return rows.join('\n');
}

/** @param {{ artifacts: Array<{ name: string, raw: number, gzip: number, brotli: number }> }} size */
export function sizeTable(size) {
  const rows = ['| artifact | raw | gzip | brotli |', '| --- | ---: | ---: | ---: |'];
  for (const artifact of size.artifacts) rows.push(`| ${artifact.name} | ${count(artifact.raw)} B | ${count(artifact.gzip)} B | ${count(artifact.brotli)} B |`);
  return rows.join('\n');
}

/** @param {{ budgets: Array<{ name: string, brotli: number, limit: number, ok: boolean, over?: number }> }} size */
export function budgetQuote(size) {
  return size.budgets
    .map((budget) => (budget.ok ? `${budget.name}: ${count(budget.brotli)} B of ${count(budget.limit)} B` : `${budget.name}: ${count(budget.brotli)} B, ${count(budget.over ?? 0)} B over`))
    .join('; ');
}

/** @param {{ results: Record<string, { evaluateMs: number, connectedMs: number, recoveryMs: number }> }} browser */
export function browserTable(browser) {
  const rows = ['| page | script evaluation | navigation → connected | server back → reconnected |', '| --- | ---: | ---: | ---: |'];
  for (const [name, result] of Object.entries(browser.results)) {
    rows.push(`| ${name} | ${result.evaluateMs.toFixed(1)} ms | ${result.connectedMs.toFixed(0)} ms | ${result.recoveryMs.toFixed(0)} ms |`);
  }
  return rows.join('\n');
}

/** @param {{ runs: number, chromium: string }} browser */
export function browserRunsQuote(browser) {
  return `medians of ${browser.runs} runs in Chromium ${browser.chromium}, a fresh context each`;
}

/**
 * The real-server herd (bench/real-herd.mjs): every run of the N-client comparison and the
 * stress point, each beside the simulator's prediction for the same N, R and outage.
 * @param {{ runs: Array<{ hub: string, policy: string, clients: number, outageSeconds: number, sharedOutage: boolean, admissionPerSecond: number, peakPer100ms: number, p50Ms: number, p95Ms: number, failed: number, predicted: { peakPer100ms: number, p95Ms: number } }> }} realHerd
 */
export function realHerdTable(realHerd) {
  const rows = [
    '| server | policy | N | outage | R measured | busiest 100 ms (simulated) | p50 / p95 from ready (simulated p95) | failed |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const run of realHerd.runs) {
    const policy = run.policy === 'ours' ? 'circuit-reconnect default' : 'Blazor default';
    const outage = `${run.outageSeconds} s${run.sharedOutage ? ' (shared)' : ''}`;
    rows.push(
      `| ${run.hub} | ${policy} | ${count(run.clients)} | ${outage} | ${count(Math.round(run.admissionPerSecond))}/s | ${count(run.peakPer100ms)} (${count(run.predicted.peakPer100ms)}) | ` +
        `${seconds(run.p50Ms)} / ${seconds(run.p95Ms)} (${seconds(run.predicted.p95Ms)}) | ${count(run.failed)} |`,
    );
  }
  return rows.join('\n');
}

/**
 * The farm benchmark (bench/farm.mjs): per policy, the clients node 1 held moving to node 2.
 * @param {{ runs: Array<{ policy: string, clients: number, moved: number, peakPer100ms: number, p50Ms: number, p95Ms: number, failed: number }> }} farm
 */
export function farmTable(farm) {
  const rows = [
    '| policy | clients (on node 1) | survivor\'s busiest 100 ms | p50 / p95 from the stop | failed |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const run of farm.runs) {
    const policy = run.policy === 'ours' ? 'circuit-reconnect default' : 'Blazor default';
    rows.push(`| ${policy} | ${count(run.clients)} (${count(run.moved)}) | ${count(run.peakPer100ms)} | ${seconds(run.p50Ms)} / ${seconds(run.p95Ms)} | ${count(run.failed)} |`);
  }
  return rows.join('\n');
}

/** Everything the README must contain, from the results on disk. */
export function expectedQuotes() {
  const herd = readJson('bench/results/herd.json');
  const sweep = readJson('bench/results/herd-sweep.json');
  const size = readJson('bench/results/size.json');
  const browser = readJson('bench/results/browser.json');
  return {
    realHerd: realHerdTable(readJson('bench/results/real-herd.json')),
    farm: farmTable(readJson('bench/results/farm.json')),
    herd: herdTable(herd),
    sweep: sweepTable(sweep),
    size: sizeTable(size),
    budgets: `(${budgetQuote(size)})`,
    browser: browserTable(browser),
    browserRuns: `(${browserRunsQuote(browser)})`,
  };
}

/** Replaces each table (found by its header line) and quote (found by its opening words) in `readme`. */
export function refreshReadme(readme) {
  const quotes = expectedQuotes();
  let text = readme;
  for (const table of [quotes.herd, quotes.sweep, quotes.size, quotes.browser, quotes.realHerd, quotes.farm]) {
    const header = table.slice(0, table.indexOf('\n'));
    const start = text.indexOf(header);
    if (start === -1) throw new Error(`README.md has no table starting "${header}"`);
    const end = text.indexOf('\n\n', start);
    text = text.slice(0, start) + table + (end === -1 ? '\n' : text.slice(end));
  }
  text = text.replace(/\((?:ES module core|script tag)[^)]* B(?: over| of [\d,]+ B)\)/, quotes.budgets);
  text = text.replace(/\(medians of \d+ runs in Chromium [^)]*\)/, quotes.browserRuns);
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = `${root}README.md`;
  const before = readFileSync(file, 'utf8');
  const after = refreshReadme(before);
  writeFileSync(file, after);
  console.log(before === after ? 'README.md already matches bench/results.' : 'README.md updated from bench/results.');
}
