// A consumer's TypeScript compiled against the packed package's declarations, resolved through
// `exports` the way bundlers (moduleResolution "bundler") and Node (node16/nodenext) resolve it.
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerProject } from './support/packed-package';
import { assertBuilt, createConsumerProject, REPO_ROOT } from './support/packed-package';

const FIXTURES = join(REPO_ROOT, 'test/package/fixtures/consumer');
/** The file with every option and the `@ts-expect-error` lines; the others are README samples. */
const TYPES_FIXTURE = 'types.ts.txt';
const EXPECT_ERROR = /^\s*\/\/ @ts-expect-error\b.*$/;

const COMMON: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  strict: true,
  noEmit: true,
  noUnusedLocals: false,
  // Our declarations and what they pull in from @microsoft/signalr are checked too.
  skipLibCheck: false,
  types: [],
};

const CONFIGS: Record<string, ts.CompilerOptions> = {
  bundler: { ...COMMON, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  nodenext: { ...COMMON, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  'bundler, exactOptionalPropertyTypes': {
    ...COMMON,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    exactOptionalPropertyTypes: true,
  },
};

interface Diagnostic {
  file: string;
  line: number;
  message: string;
}

function compile(files: string[], options: ts.CompilerOptions): Diagnostic[] {
  const program = ts.createProgram({ rootNames: files, options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const position =
      diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    return {
      file: diagnostic.file?.fileName ?? '(global)',
      line: (position?.line ?? -1) + 1,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    };
  });
}

describe('the packed declarations', () => {
  let project: ConsumerProject;
  let consumerFiles: string[];
  let strippedFile: string;
  /** 1-based lines of the stripped file that each followed a `@ts-expect-error`. */
  const expectedErrorLines: number[] = [];

  beforeAll(async () => {
    assertBuilt();
    project = await createConsumerProject();
    await writeFile(join(project.root, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.ts.txt'));
    consumerFiles = [];
    for (const name of names) {
      const file = join(project.root, name.replace(/\.txt$/, ''));
      await writeFile(file, readFileSync(join(FIXTURES, name), 'utf8'));
      consumerFiles.push(file);
    }
    const source = readFileSync(join(FIXTURES, TYPES_FIXTURE), 'utf8');

    const kept: string[] = [];
    for (const line of source.split('\n')) {
      if (EXPECT_ERROR.test(line)) expectedErrorLines.push(kept.length + 1);
      else kept.push(line);
    }
    strippedFile = join(project.root, 'without-expect-error.ts');
    await writeFile(strippedFile, kept.join('\n'));
  });

  afterAll(async () => {
    await project.cleanup();
  });

  it('resolve through the exports map to the packed dist/index.d.ts', () => {
    const resolved = ts.resolveModuleName('circuit-reconnect', join(project.root, 'types.ts'), CONFIGS.bundler ?? {}, ts.sys).resolvedModule;
    expect(resolved?.resolvedFileName).toBe(join(project.packageDir, 'dist/index.d.ts'));
  });

  for (const [name, options] of Object.entries(CONFIGS)) {
    it(`type every option and flag every wrong one (${name})`, () => {
      expect(consumerFiles.map((file) => file.slice(project.root.length + 1)).sort()).toEqual(['backoff.ts', 'bundler.ts', 'custom-display.ts', 'types.ts']);
      expect(compile(consumerFiles, options)).toEqual([]);
    });
  }

  it('make each @ts-expect-error line a real error, and nothing else', () => {
    expect(expectedErrorLines.length).toBeGreaterThanOrEqual(15);
    const diagnostics = compile([strippedFile], CONFIGS.bundler ?? {});
    expect(diagnostics.every((diagnostic) => diagnostic.file === strippedFile), JSON.stringify(diagnostics, null, 2)).toBe(true);
    expect([...new Set(diagnostics.map((diagnostic) => diagnostic.line))]).toEqual(expectedErrorLines);
  });
});
