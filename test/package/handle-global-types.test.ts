// `circuit-reconnect/global`: a page's TypeScript that uses the script tag's `Blazor` compiles
// against the packed declarations, `start()` resolving to the typed Circuit handle; without the
// reference, `Blazor` is unknown.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerProject } from './support/packed-package';
import { assertBuilt, createConsumerProject } from './support/packed-package';

const PAGE = `/// <reference types="circuit-reconnect/global" />
const circuit = await Blazor.start({ reconnectionOptions: { maxRetries: 3 } });
const state: 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'paused' | 'failed' | 'rejected' | 'unauthorized' | 'disconnected' = circuit.state;
const remove: () => void = circuit.on('Message', (user: string, text: string) => { console.log(user, text, state); });
circuit.on('Joined', (name) => { console.log(name); });
remove();
circuit.off('Message');
const echoed: string = await circuit.invoke<string>('Echo', 'ping');
await circuit.send('Send', 'ada', echoed);
circuit.stream<number>('Count', 3).subscribe({ next: (n: number) => { console.log(n + 1); }, complete: () => undefined, error: (e: unknown) => { console.log(e); } });
const unsubscribe: () => void = circuit.onStateChange((next) => { console.log(next === 'connected'); });
unsubscribe();
console.log(circuit.connection?.connectionId);
const up: boolean = await Blazor.reconnect();
Blazor.disconnect();
// @ts-expect-error: start resolves to the Circuit handle, which has no such state
const online: typeof circuit.state = 'online';
console.log(up, online);
// @ts-expect-error: the current connection is the handle's to change, not the page's
circuit.connection = undefined;
// @ts-expect-error: stream items are typed by the page
circuit.stream<number>('Count', 3).subscribe({ next: (n: string) => { console.log(n); }, complete: () => undefined, error: () => undefined });
export {};
`;

const WITHOUT_REFERENCE = `const circuit = await Blazor.start();\nexport { circuit };\n`;

const COMMON: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  types: [],
};

const CONFIGS: Record<string, ts.CompilerOptions> = {
  bundler: { ...COMMON, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  nodenext: { ...COMMON, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
};

function diagnostics(file: string, options: ts.CompilerOptions): string[] {
  const program = ts.createProgram({ rootNames: [file], options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    return `${diagnostic.file?.fileName.split('/').pop() ?? ''}:${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('circuit-reconnect/global', () => {
  let project: ConsumerProject;
  let page: string;
  let bare: string;

  beforeAll(async () => {
    assertBuilt();
    project = await createConsumerProject();
    await writeFile(join(project.root, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    page = join(project.root, 'page.ts');
    bare = join(project.root, 'bare.ts');
    await writeFile(page, PAGE);
    await writeFile(bare, WITHOUT_REFERENCE);
  });

  afterAll(async () => {
    await project.cleanup();
  });

  for (const [name, options] of Object.entries(CONFIGS)) {
    it(`types the script tag's Blazor and its Circuit handle (${name})`, () => {
      expect(diagnostics(page, options)).toEqual([]);
    });
  }

  it('resolves through the exports map to the packed dist/global.d.ts', () => {
    const resolved = ts.resolveTypeReferenceDirective('circuit-reconnect/global', page, CONFIGS.bundler ?? {}, ts.sys).resolvedTypeReferenceDirective;
    expect(resolved?.resolvedFileName).toBe(join(project.packageDir, 'dist/global.d.ts'));
  });

  it('without the reference, Blazor is not declared', () => {
    expect(diagnostics(bare, CONFIGS.bundler ?? {})).toEqual([expect.stringMatching(/^bare\.ts:1 Cannot find name 'Blazor'/)]);
  });
});
