// Size benchmark: raw, gzip and brotli bytes of what a page downloads, beside SignalR's own
// browser bundle, the budgets of .size-limit.mjs, and which source files the ES module's bytes
// come from. Prints tables and writes bench/results/size.json. Needs `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledModules } from './bundle.mjs';
import { brotliBytes, CORE_IMPORT, ESM, gzipBytes, IIFE_MIN, minifyModule, root, SIGNALR_MIN, writeMinifiedCore, writeMinifiedEsm } from './size-helpers.mjs';
import { BLAZOR_MIN, BUDGETS } from '../.size-limit.mjs';

function measure(name, bytes) {
  return { name, raw: bytes.length, gzip: gzipBytes(bytes), brotli: brotliBytes(bytes) };
}

function table(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[0]) : String(cell).padStart(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** Minified bytes per source module of the ES module (each minified alone: an approximation). */
async function breakdown() {
  const { modules } = await bundledModules('src/index.ts');
  const sized = [];
  for (const module of modules) sized.push({ module: module.id, minified: (await minifyModule(module.code, { keepTopLevel: true })).length });
  const all = sized.reduce((sum, each) => sum + each.minified, 0);
  return sized.sort((a, b) => b.minified - a.minified).map((each) => ({ ...each, share: each.minified / all }));
}

/** The capability a source module belongs to: its folder under src/ (hosts by name). */
const CAPABILITIES = [
  ['src/hosts/circuit/', 'circuit host (StartCircuit/ConnectCircuit, beacon, start())'],
  ['src/hosts/blazor/', 'Blazor host (Blazor.reconnect/resumeCircuit, pause)'],
  ['src/ui/default-display/', 'default dialog (DOM, CSS, focus, texts, reload guard)'],
  ['styles/reconnect.css', 'default dialog (DOM, CSS, focus, texts, reload guard)'],
  ['src/ui/', "page's modal, display selection, state vocabulary"],
  ['src/reconnection/', 'reconnection process, handler, countdown, page signals'],
  ['src/retry/', 'retry policies'],
  ['src/options/', 'options: types, defaults, resolution'],
  ['src/validation/', 'option validation, "did you mean"'],
  ['src/errors/', 'named errors'],
  ['src/', 'logging, guard, clock, listeners, entries'],
];

/** Sums the module breakdown by capability. */
function byCapability(modules) {
  const sums = new Map();
  for (const each of modules) {
    const name = each.module.replace(/\\/g, '/');
    const capability = CAPABILITIES.find(([prefix]) => name.includes(prefix))?.[1] ?? 'other';
    sums.set(capability, (sums.get(capability) ?? 0) + each.minified);
  }
  const all = [...sums.values()].reduce((sum, value) => sum + value, 0);
  return [...sums].map(([capability, minified]) => ({ capability, minified, share: minified / all })).sort((a, b) => b.minified - a.minified);
}

export async function runSizeBenchmark() {
  for (const file of [IIFE_MIN, ESM, BLAZOR_MIN]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  const signalR = measure(`${SIGNALR_MIN.replace('node_modules/', '')} (floor)`, readFileSync(join(root, SIGNALR_MIN)));
  const iife = measure(`${IIFE_MIN} (incl. SignalR)`, readFileSync(join(root, IIFE_MIN)));
  const esm = measure(`${ESM} (as built)`, readFileSync(join(root, ESM)));
  const esmMin = measure(`${ESM} minified (terser), every export`, readFileSync(join(root, await writeMinifiedEsm())));
  const core = measure(`ES module core: { ${CORE_IMPORT} } bundled, minified`, readFileSync(join(root, await writeMinifiedCore())));
  const retry = measure('src/retry/index.ts alone, minified', Buffer.from(await minifyModule((await bundledModules('src/retry/index.ts')).code)));
  const added = { name: 'script tag minus SignalR', raw: iife.raw - signalR.raw, gzip: iife.gzip - signalR.gzip, brotli: iife.brotli - signalR.brotli };
  const blazor = measure(`${BLAZOR_MIN} (no SignalR)`, readFileSync(join(root, BLAZOR_MIN)));
  const artifacts = [signalR, iife, added, blazor, esm, esmMin, core, retry];

  const budgets = [
    { name: 'ES module core', brotli: core.brotli, limit: BUDGETS.esmCore },
    { name: 'ES module, every export', brotli: esmMin.brotli, limit: BUDGETS.esmAllExports },
    { name: 'script tag', brotli: iife.brotli, limit: signalR.brotli + BUDGETS.scriptTagAboveSignalR },
    { name: 'Blazor handler', brotli: blazor.brotli, limit: BUDGETS.blazorHandler },
  ].map((budget) => ({ ...budget, ok: budget.brotli <= budget.limit, over: budget.brotli - budget.limit }));

  let modules = [];
  try {
    modules = await breakdown();
  } catch (error) {
    console.warn(`(module breakdown skipped: ${error instanceof Error ? error.message : String(error)})`);
  }

  const text = [
    'Size (bytes; gzip level 9, brotli quality 11):',
    table(['artifact', 'raw', 'gzip', 'brotli'], artifacts.map((each) => [each.name, each.raw, each.gzip, each.brotli])),
    '',
    'Budgets (.size-limit.mjs, enforced by npm test; 1 kB = 1000 B):',
    table(
      ['budget', 'brotli', 'limit', 'verdict'],
      budgets.map((each) => [each.name, each.brotli, each.limit, each.ok ? 'within' : `OVER by ${each.over} B`]),
    ),
    ...(modules.length === 0
      ? []
      : [
          '',
          'What each capability costs in the ES module (its folder\'s modules, each minified alone):',
          table(
            ['capability', 'minified', 'share'],
            byCapability(modules).map((each) => [each.capability, each.minified, `${(each.share * 100).toFixed(1)}%`]),
          ),
          '',
          'Where the ES module bytes come from (each module minified alone, top 12):',
          table(
            ['module', 'minified', 'share'],
            modules.slice(0, 12).map((each) => [each.module, each.minified, `${(each.share * 100).toFixed(1)}%`]),
          ),
        ]),
  ].join('\n');
  console.log(text);

  const resultsDir = join(root, 'bench', 'results');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'size.json'), `${JSON.stringify({ artifacts, budgets, modules }, null, 1)}\n`);
  console.log('\nWrote bench/results/size.json.');
  return { artifacts, budgets, modules };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runSizeBenchmark();
