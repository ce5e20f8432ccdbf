// What `npm pack` puts in the tarball, and whether package.json points at files that are in it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackReport } from './support/packed-package';
import { assertBuilt, npmPack, REPO_ROOT } from './support/packed-package';

interface PackageJson {
  name: string;
  version: string;
  license: string;
  type: string;
  exports: Record<string, string | Record<string, string>>;
  module: string;
  types: string;
  unpkg: string;
  jsdelivr: string;
  sideEffects: string[];
  files: string[];
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
  keywords: string[];
  scripts: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;

/** Exactly what a user gets: the builds and their maps, the stylesheet, and the docs npm shows. */
const EXPECTED_FILES = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/circuit-reconnect.blazor.js',
  'dist/circuit-reconnect.blazor.min.js',
  'dist/circuit-reconnect.blazor.min.js.map',
  'dist/circuit-reconnect.js',
  'dist/circuit-reconnect.min.js',
  'dist/circuit-reconnect.min.js.map',
  'dist/global.d.ts',
  'dist/index.d.ts',
  'dist/index.mjs',
  'package.json',
  'styles/reconnect.css',
];

const relative = (target: string): string => target.replace(/^\.\//, '');

describe('npm pack', () => {
  let report: PackReport;
  let packed: Set<string>;

  beforeAll(async () => {
    assertBuilt();
    report = await npmPack({ dryRun: true });
    packed = new Set(report.files.map((file) => file.path));
  });

  it('packs exactly the files a user needs', () => {
    expect([...packed].sort()).toEqual(EXPECTED_FILES);
    expect(report.name).toBe('circuit-reconnect');
    expect(report.version).toBe(pkg.version);
  });

  it('points every entry of package.json at a packed file', () => {
    const targets = [
      pkg.module,
      pkg.types,
      pkg.unpkg,
      pkg.jsdelivr,
      ...pkg.sideEffects,
      ...Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
    ];
    for (const target of targets) expect(packed, target).toContain(relative(target));
  });

  it('exports the ES module with its types first, the script-tag build and the stylesheet', () => {
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.mjs' });
    // `types` must come first: resolvers take the first matching condition.
    expect(Object.keys(pkg.exports['.'] as Record<string, string>)[0]).toBe('types');
    expect(pkg.exports['./iife']).toBe('./dist/circuit-reconnect.min.js');
    expect(pkg.exports['./blazor']).toBe('./dist/circuit-reconnect.blazor.min.js');
    expect(pkg.exports['./styles/reconnect.css']).toBe('./styles/reconnect.css');
    expect(pkg.unpkg).toBe('./dist/circuit-reconnect.min.js');
    expect(pkg.jsdelivr).toBe('./dist/circuit-reconnect.min.js');
  });

  it('marks only the scripts as having side effects (they install window.Blazor or window.CircuitReconnect)', () => {
    expect(pkg.sideEffects).toEqual([
      './dist/circuit-reconnect.js',
      './dist/circuit-reconnect.min.js',
      './dist/circuit-reconnect.blazor.js',
      './dist/circuit-reconnect.blazor.min.js',
    ]);
  });

  it('is an MIT-licensed ES module package depending on @microsoft/signalr only', () => {
    expect(pkg).toMatchObject({ name: 'circuit-reconnect', version: '0.1.0', license: 'MIT', type: 'module' });
    expect(Object.keys(pkg.dependencies)).toEqual(['@microsoft/signalr']);
    expect(pkg.engines.node).toMatch(/^>=\d/);
    expect(pkg.repository.url).toContain('github.com/circuit-reconnect/circuit-reconnect');
    expect(pkg.homepage).toContain('github.com/circuit-reconnect/circuit-reconnect');
    expect(pkg.bugs.url).toContain('github.com/circuit-reconnect/circuit-reconnect/issues');
    expect(pkg.keywords).toEqual(expect.arrayContaining(['blazor', 'signalr', 'reconnect']));
  });

  it('keeps the test command and builds before packing', () => {
    expect(pkg.scripts.test).toBe('npm run lint && npm run lint:deps && npm run typecheck && npm run build && vitest run && npm run size');
    expect(pkg.scripts.prepack).toBe('npm run build');
    for (const script of ['build', 'demo', 'bench', 'size', 'lint', 'lint:deps', 'typecheck']) expect(pkg.scripts).toHaveProperty(script);
  });

  it('ships the MIT licence text, a changelog entry for this version, and versioned builds', () => {
    const license = readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 circuit-reconnect contributors\n/);
    const changelog = readFileSync(join(REPO_ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## [${pkg.version}]`);
    for (const file of ['dist/circuit-reconnect.js', 'dist/circuit-reconnect.min.js', 'dist/index.mjs']) {
      expect(readFileSync(join(REPO_ROOT, file), 'utf8').startsWith(`/*! circuit-reconnect ${pkg.version} | MIT */`), file).toBe(true);
    }
  });

  it('ships a self-contained source map (sources embedded: src/ is not in the package)', () => {
    const map = JSON.parse(readFileSync(join(REPO_ROOT, 'dist/circuit-reconnect.min.js.map'), 'utf8')) as {
      sources: string[];
      sourcesContent?: (string | null)[];
    };
    expect(map.sourcesContent).toHaveLength(map.sources.length);
    expect(map.sourcesContent?.every((content) => typeof content === 'string')).toBe(true);
    expect(readFileSync(join(REPO_ROOT, 'dist/circuit-reconnect.min.js'), 'utf8')).toMatch(/\/\/# sourceMappingURL=circuit-reconnect\.min\.js\.map\s*$/);
  });
});
