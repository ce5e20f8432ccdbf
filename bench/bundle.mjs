// Bundles a TypeScript benchmark entry (which imports the library's real sources from src/)
// into one ES module that plain node can import. Each file is only transpiled
// (ts.transpileModule): type checking is `npm run typecheck`'s job, and a whole-program check
// here would fail the benchmark on any unrelated work in progress elsewhere in src/.
// The output goes under node_modules/.cache so bare imports (@microsoft/signalr) still resolve
// and nothing lands in the work tree.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'circuit-reconnect-bench');

/** Resolves extension-less relative imports to .ts files and transpiles them. */
function transpileTypeScript() {
  return {
    name: 'transpile-typescript',
    resolveId(source, importer) {
      if (importer === undefined || !source.startsWith('.')) return null;
      if (source.endsWith('.css?raw')) return `${resolve(dirname(importer), source.slice(0, -4))}?raw`;
      const base = resolve(dirname(importer), source);
      for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
        if (existsSync(candidate)) return candidate;
      }
      return null;
    },
    async load(id) {
      if (!id.endsWith('.css?raw')) return null;
      // The same whitespace and comment stripping as rollup.config.mjs's raw-css plugin.
      const css = (await readFile(id.slice(0, -4), 'utf8'))
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{}:;,>])\s*/g, '$1')
        .trim();
      return `export default ${JSON.stringify(css)};`;
    },
    async transform(_code, id) {
      if (!id.endsWith('.ts')) return null;
      const source = await readFile(id, 'utf8');
      const { outputText } = ts.transpileModule(source, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          verbatimModuleSyntax: true,
          sourceMap: false,
        },
      });
      return { code: outputText, map: null };
    },
  };
}

/**
 * Bundles `entry` in memory and returns each module's rendered code (after tree shaking), to
 * see which source files the shipped bytes come from.
 * @param {string} entry path of the .ts entry, relative to the repository root
 * @returns {Promise<{ code: string, modules: { id: string, code: string }[] }>} the chunk's code
 *   and each module's share of it
 */
export async function bundledModules(entry) {
  const bundle = await rollup({
    input: join(root, entry),
    external: (id) => id.startsWith('@microsoft/signalr'),
    plugins: [transpileTypeScript()],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const [chunk] = output;
  const modules = Object.entries(chunk.modules)
    .filter(([, info]) => info.code !== null && info.code.length > 0)
    .map(([id, info]) => ({ id: id.replace(`${root}/`, '').replace(/\?raw$/, ''), code: info.code ?? '' }));
  return { code: chunk.code, modules };
}

/**
 * @param {string} entry path of the .ts entry, relative to the repository root
 * @param {string} name file name (without extension) of the bundle
 * @returns {Promise<string>} a file: URL to import()
 */
export async function bundleTypeScript(entry, name) {
  await mkdir(cacheDir, { recursive: true });
  const bundle = await rollup({
    input: join(root, entry),
    external: (id) => id.startsWith('node:') || id.startsWith('@microsoft/signalr'),
    plugins: [transpileTypeScript()],
  });
  const file = join(cacheDir, `${name}.mjs`);
  await bundle.write({ file, format: 'es' });
  await bundle.close();
  return pathToFileURL(file).href;
}
