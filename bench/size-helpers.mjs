// Byte measurements shared by bench/size.mjs and .size-limit.mjs: the same minifier settings and
// the same compressors (gzip level 9, brotli quality 11, as @size-limit/file uses).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { minify } from 'terser';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SIGNALR_MIN = 'node_modules/@microsoft/signalr/dist/browser/signalr.min.js';
export const IIFE_MIN = 'dist/circuit-reconnect.min.js';
export const ESM = 'dist/index.mjs';
/** Where the minified ES module is written for measuring (never shipped, never committed). */
export const ESM_MIN = 'node_modules/.cache/circuit-reconnect-size/index.min.mjs';
/** Where the minified ES module core is written for measuring. */
export const CORE_MIN = 'node_modules/.cache/circuit-reconnect-size/core.min.mjs';
/**
 * The ES module core: what the README's ES-module quick start imports, which is what an
 * application that uses circuit-reconnect (start, the default dialog, the default retry policy)
 * ships. The other exports (exponentialBackoff and its validation, blazorDefaultRetryInterval, the
 * constants) are added only by the applications that import them; the whole module is measured
 * as well ({@link ESM_MIN}).
 */
export const CORE_IMPORT = 'start, StartFailedError';

/** @param {Buffer | string} bytes */
export function brotliBytes(bytes) {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** @param {Buffer | string} bytes */
export function gzipBytes(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

/**
 * Minifies an ES module the way an application's bundler would (terser, two compress passes,
 * mangled names, comments dropped except `/*!` licences).
 * @param {string} code
 * @param {{ keepTopLevel?: boolean }} [options] keep top-level declarations (for a module's
 *   rendered code measured alone, whose exports are no longer marked as used)
 * @returns {Promise<string>}
 */
export async function minifyModule(code, { keepTopLevel = false } = {}) {
  const result = await minify(code, {
    module: !keepTopLevel,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: /^!/ },
  });
  if (result.code === undefined) throw new Error('terser returned no code');
  return result.code;
}

/**
 * Minifies dist/index.mjs into {@link ESM_MIN} and returns that path (relative to the root).
 * @throws {Error} when dist/index.mjs does not exist: a missing build must fail, not measure 0 bytes.
 */
export async function writeMinifiedEsm() {
  const source = join(root, ESM);
  if (!existsSync(source)) throw new Error(`${ESM} is missing: run \`npm run build\` before measuring sizes.`);
  const target = join(root, ESM_MIN);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, await minifyModule(readFileSync(source, 'utf8')));
  return ESM_MIN;
}

/**
 * Bundles `export { CORE_IMPORT } from 'dist/index.mjs'` as an application's bundler would (rollup
 * tree-shaking, SignalR external), minifies it like {@link writeMinifiedEsm} and writes it to
 * {@link CORE_MIN}; returns that path.
 */
export async function writeMinifiedCore() {
  const source = join(root, ESM);
  if (!existsSync(source)) throw new Error(`${ESM} is missing: run \`npm run build\` before measuring sizes.`);
  const entry = '\0circuit-reconnect-core';
  const bundle = await rollup({
    input: entry,
    external: ['@microsoft/signalr'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'core-entry',
        resolveId: (id) => (id === entry ? entry : null),
        load: (id) => (id === entry ? `export { ${CORE_IMPORT} } from ${JSON.stringify(source)};` : null),
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const target = join(root, CORE_MIN);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, await minifyModule(output[0].code));
  return CORE_MIN;
}

/** Brotli bytes of SignalR's own browser bundle: the floor the script-tag build sits on. */
export function signalRBrotliBytes() {
  return brotliBytes(readFileSync(join(root, SIGNALR_MIN)));
}
