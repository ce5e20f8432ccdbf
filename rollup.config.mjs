// Builds the artifacts: the script-tag IIFE (SignalR bundled) and the Blazor handler script (no
// SignalR: Blazor brings its own), each plain and minified with a source map; the ES module
// (SignalR stays an import) and one bundled declaration file.
import { readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

/**
 * `import css from '../styles/x.css?raw'` → the file's text as a string constant, the same
 * contract Vite gives the unit tests, so the stylesheet is bundled without a CSS toolchain.
 * Comments and runs of whitespace are dropped to keep the shipped bytes small.
 */
function rawCss() {
  return {
    name: 'raw-css',
    async resolveId(source, importer) {
      if (!source.endsWith('.css?raw')) return null;
      const resolved = await this.resolve(source.slice(0, -4), importer, { skipSelf: true });
      return resolved ? `${resolved.id}?raw` : null;
    },
    load(id) {
      if (!id.endsWith('.css?raw')) return null;
      const file = id.slice(0, -4);
      this.addWatchFile(file);
      const css = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{}:;,>])\s*/g, '$1')
        .replace(/;}/g, '}')
        .replace(/ !important/g, '!important')
        .trim();
      return `export default ${JSON.stringify(css)};`;
    },
  };
}

const banner = `/*! circuit-reconnect ${JSON.parse(readFileSync('./package.json', 'utf8')).version} | MIT */`;
const ts = () => typescript({ tsconfig: './tsconfig.build.json', noEmitOnError: true });

/**
 * The minifier for the scripts. `keep_classnames` for error classes: the console names an error
 * by its class, and SignalR's (`FailedToNegotiateWithServerError`, `HttpError`…) would otherwise
 * read `i: Failed to complete negotiation` in a page's log.
 */
const minify = () =>
  terser({
    compress: { passes: 2, keep_classnames: /Error$/ },
    mangle: { keep_classnames: /Error$/ },
    // ascii_only: a script served without a charset on a page without <meta charset> would
    // otherwise be decoded as windows-1252 and show "â€¦" for every ellipsis.
    format: { comments: /^!/, ascii_only: true },
  });

/** A script-tag build: plain and minified (with a source map). */
const script = (input, name, extraPlugins = []) => ({
  input,
  plugins: [rawCss(), ...extraPlugins, ts()],
  output: [
    { file: `dist/${name}.js`, format: 'iife', banner },
    { file: `dist/${name}.min.js`, format: 'iife', banner, sourcemap: true, plugins: [minify()] },
  ],
});

/**
 * SignalR's ES modules put `/*#__PURE__*\/` before two function declarations (`getOsName`,
 * `getRuntimeVersion` in Utils.js), where the annotation means nothing; Rollup warns that it drops
 * it. Exactly that warning, from SignalR's files, is dropped here: every other warning (ours, and
 * any other of SignalR's) still shows, so a clean build prints none.
 */
const onwarnSignalR = (warning, warn) => {
  const fromSignalR = (warning.id ?? '').replaceAll('\\', '/').includes('/node_modules/@microsoft/signalr/');
  if (warning.code === 'INVALID_ANNOTATION' && fromSignalR) return;
  warn(warning);
};

export default [
  { ...script('src/iife.ts', 'circuit-reconnect', [nodeResolve({ browser: true })]), onwarn: onwarnSignalR },
  // Nothing of SignalR may reach this one: an import of it fails the build (unresolved).
  {
    ...script('src/blazor.ts', 'circuit-reconnect.blazor'),
    onwarn(warning, warn) {
      if (warning.code === 'UNRESOLVED_IMPORT') {
        throw new Error(`The Blazor handler script must not import ${warning.exporter ?? warning.message}.`);
      }
      warn(warning);
    },
  },
  {
    input: 'src/index.ts',
    external: (id) => id === '@microsoft/signalr' || id.startsWith('@microsoft/signalr/'),
    plugins: [rawCss(), ts()],
    output: { file: 'dist/index.mjs', format: 'es', banner },
  },
  {
    input: 'src/index.ts',
    external: (id) => id.startsWith('@microsoft/signalr') || id.endsWith('.css?raw'),
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
    output: { file: 'dist/index.d.ts', format: 'es' },
  },
  // `circuit-reconnect/global`: the script tag's `Blazor` as a global, importing its types from
  // dist/index.d.ts (not a copy of them, so both name the same classes).
  {
    input: 'src/global.ts',
    external: (id) => id === './index' || id.startsWith('@microsoft/signalr'),
    plugins: [
      dts({ tsconfig: './tsconfig.build.json' }),
      // With the extension, as Node's ESM resolution (moduleResolution node16/nodenext) requires.
      { name: 'index-extension', renderChunk: (code) => code.replaceAll("from './index';", "from './index.js';") },
    ],
    output: { file: 'dist/global.d.ts', format: 'es' },
  },
];
