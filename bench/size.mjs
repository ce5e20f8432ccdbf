// Size benchmark: raw, gzip and brotli bytes of what a page downloads, beside SignalR's own
// browser bundle, the budgets of .size-limit.mjs, and which source files the ES module's bytes
// come from. Prints tables and writes bench/results/size.json. Needs `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledModules } from './bundle.mjs';
import { brotliBytes, CORE_IMPORT, ESM, gzipBytes, IIFE_MIN, minifyModule, root, SIGNALR_MIN, writeMinifiedCore, writeMinifiedEsm } from './size-helpers.mjs';
import { CEILINGS, TARGETS } from '../.size-limit.mjs';

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

export async function runSizeBenchmark() {
  for (const file of [IIFE_MIN, ESM]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  const signalR = measure(`${SIGNALR_MIN.replace('node_modules/', '')} (floor)`, readFileSync(join(root, SIGNALR_MIN)));
  const iife = measure(`${IIFE_MIN} (incl. SignalR)`, readFileSync(join(root, IIFE_MIN)));
  const esm = measure(`${ESM} (as built)`, readFileSync(join(root, ESM)));
  const esmMin = measure(`${ESM} minified (terser), every export`, readFileSync(join(root, await writeMinifiedEsm())));
  const core = measure(`ES module core: { ${CORE_IMPORT} } bundled, minified`, readFileSync(join(root, await writeMinifiedCore())));
  const retry = measure('src/retry/index.ts alone, minified', Buffer.from(await minifyModule((await bundledModules('src/retry/index.ts')).code)));
  const added = { name: 'script tag minus SignalR', raw: iife.raw - signalR.raw, gzip: iife.gzip - signalR.gzip, brotli: iife.brotli - signalR.brotli };
  const artifacts = [signalR, iife, added, esm, esmMin, core, retry];

  const budgets = [
    { name: 'ES module core', brotli: core.brotli, limit: TARGETS.esmCore },
    { name: 'script tag', brotli: iife.brotli, limit: signalR.brotli + TARGETS.scriptTagAboveSignalR },
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
    `Budgets (.size-limit.mjs targets, enforced by npm test; 1 kB = 1000 B; every export of the ES module is held at ${CEILINGS.esmAllExports} B):`,
    table(
      ['budget', 'brotli', 'limit', 'verdict'],
      budgets.map((each) => [each.name, each.brotli, each.limit, each.ok ? 'within' : `OVER by ${each.over} B`]),
    ),
    ...(modules.length === 0
      ? []
      : [
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
