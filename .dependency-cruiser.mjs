// Import direction inside src/, checked by `npm run lint:deps` (inside `npm test`, before the build).
//
// Why dependency-cruiser rather than eslint-plugin-import: it sees the whole module graph at once,
// so it checks folder layers, counts type-only imports (`import type` vanishes from the emitted
// JavaScript, but it still couples the source), and reports every cycle with its full path.
//
// The layers, top to bottom. A module imports only from its own folder or a lower layer:
//   1. entries: src/index.ts, src/iife.ts, src/blazor.ts (each picks a host)
//   2. src/hosts/<name>/: one thin adapter per host; a host never imports another host
//   3. src/reconnection/: the reconnection core
//   4. src/ui/: the displays
//   5. src/options/
//   6. src/retry/
//   7. src/validation/
//   8. leaves: src/errors/, src/logging/, src/dom/, src/timing/ import only src/types/;
//      src/types/ imports nothing of src.

/**
 * The core's layers under src/, top to bottom (the hosts sit above them, the leaves below). The
 * entries are the top layer: they may import anything in src, so no rule restricts them.
 */
const CORE = ['reconnection', 'ui', 'options', 'retry', 'validation'];

/** The leaves: each imports its own folder and src/types/ only. */
const LEAVES = ['errors', 'logging', 'dom', 'timing'];
const TYPES = '^src/types/';

const folder = (name) => `^src/${name}/`;
const leafPaths = LEAVES.map(folder);

/** A host imports its own folder, the core and the leaves: never an entry, never another host. */
const hostRule = {
  name: 'layer-hosts',
  comment: 'a host imports only its own folder or a lower layer (type-only imports included)',
  severity: 'error',
  // `$1` is the host's own folder: the captured group of `from.path`.
  from: { path: '^src/hosts/([^/]+)/' },
  to: { path: '^src/', pathNot: ['^src/hosts/$1/', ...CORE.map(folder), ...leafPaths, TYPES] },
};

/** One rule a core layer: importing anything in src that is neither its own folder nor below it. */
const coreRules = CORE.map((name, index) => ({
  name: `layer-${name}`,
  comment: `src/${name}/ imports only from its own folder or a lower layer (type-only imports included)`,
  severity: 'error',
  from: { path: folder(name) },
  to: { path: '^src/', pathNot: [folder(name), ...CORE.slice(index + 1).map(folder), ...leafPaths, TYPES] },
}));

const leafRules = LEAVES.map((leaf) => ({
  name: `leaf-${leaf}`,
  comment: `src/${leaf}/ is a leaf: it imports only its own folder and src/types/`,
  severity: 'error',
  from: { path: folder(leaf) },
  to: { path: '^src/', pathNot: [folder(leaf), TYPES] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    hostRule,
    ...coreRules,
    ...leafRules,
    {
      name: 'leaf-types',
      comment: 'src/types/ holds declarations only and imports nothing of src',
      severity: 'error',
      from: { path: TYPES },
      to: { path: '^src/', pathNot: TYPES },
    },
    {
      name: 'no-circular',
      comment: 'a cycle makes the load order decide behaviour and defeats the layers',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-not-to-tooling',
      comment: 'the shipped code never imports the tests, the benchmarks or the demo',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|demo)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing would fail the build; say it here first',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Count `import type` too: a type-only import still couples one layer to another.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // `?raw` CSS imports are the stylesheet's text (rollup and vite both read the file).
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.d.ts'] },
  },
};
