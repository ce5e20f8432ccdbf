// Keeps README.md honest: every fenced code block names the file it is copied from
// (`<!-- sample: <file> -->` on the line before it) and is found there, whitespace aside; those
// files are the ones the other package tests run (support/exercised.ts). Shell blocks may only
// use commands that exist. The options, exports, links and numbers the README quotes are checked
// too; the class, id and event names and the dialog's texts are checked by behaviour in
// readme-names.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS_MARKER, exercisedFiles, FIXTURE_PAGES } from './support/exercised';
import { REPO_ROOT } from './support/packed-package';
import { expectedQuotes, refreshReadme } from './support/readme-tables.mjs';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const read = (file: string): string => readFileSync(join(REPO_ROOT, file), 'utf8');
const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface Block {
  language: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  marker: string | undefined;
}

function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^```(\S*)\s*$/.exec(lines[index] ?? '');
    if (!open) continue;
    const end = lines.findIndex((candidate, at) => at > index && candidate.startsWith('```'));
    if (end === -1) throw new Error(`README.md:${index + 1}: unclosed code fence`);
    let previous = index - 1;
    while (previous >= 0 && (lines[previous] ?? '').trim() === '') previous--;
    const marker = /^<!-- sample: (.+?) -->$/.exec((lines[previous] ?? '').trim())?.[1];
    blocks.push({ language: open[1] ?? '', code: lines.slice(index + 1, end).join('\n'), line: index + 1, marker });
    index = end;
  }
  return blocks;
}

interface PackageJson {
  version: string;
  scripts: Record<string, string>;
  files: string[];
}
const pkg = JSON.parse(read('package.json')) as PackageJson;
const VITEST_PROJECTS = ['unit', 'integration', 'browser', 'package', 'farm'];

/** Why a shell command line cannot be run as written, or undefined when it can. */
function commandProblem(command: string): string | undefined {
  let match: RegExpExecArray | null;
  if (/^npm (install|test|ci|pack)$/.test(command)) return undefined;
  // Not on the registry yet: the README installs the file `npm pack` writes, by its path.
  if ((match = /^npm install (?:\S+\/)?(circuit-reconnect-\S+\.tgz)$/.exec(command))) {
    return match[1] === `circuit-reconnect-${pkg.version}.tgz` ? undefined : `npm pack writes circuit-reconnect-${pkg.version}.tgz, not ${match[1] ?? ''}`;
  }
  if (command.startsWith('npm install circuit-reconnect')) return 'circuit-reconnect is not on the npm registry yet';
  if ((match = /^npm run (\S+)( -- .+)?$/.exec(command))) {
    return match[1] !== undefined && match[1] in pkg.scripts ? undefined : `no npm script "${match[1] ?? ''}"`;
  }
  if ((match = /^npx vitest run --project (\S+)$/.exec(command))) {
    return VITEST_PROJECTS.includes(match[1] ?? '') ? undefined : `no vitest project "${match[1] ?? ''}"`;
  }
  return 'not a command this test knows how to check';
}

const blocks = fencedBlocks(README);

describe('README code samples', () => {
  it('has samples, each marked with where it comes from', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(20);
    const unmarked = blocks.filter((block) => block.marker === undefined).map((block) => `README.md:${block.line}`);
    expect(unmarked).toEqual([]);
  });

  for (const block of blocks) {
    it(`README.md:${block.line} (${block.language}) is in ${block.marker ?? '?'}`, () => {
      const marker = block.marker ?? '';
      if (marker === COMMANDS_MARKER) {
        expect(['sh', 'bash']).toContain(block.language);
        const commands = block.code
          .split('\n')
          .map((line) => line.replace(/\s+#.*$/, '').trim())
          .filter((line) => line !== '' && !line.startsWith('#'))
          .flatMap((line) => line.split('&&').map((part) => part.trim()));
        expect(commands.length).toBeGreaterThan(0);
        for (const command of commands) expect(commandProblem(command), command).toBeUndefined();
        return;
      }
      expect(exercisedFiles(), `${marker} is not a file the package tests run`).toContain(marker);
      expect(existsSync(join(REPO_ROOT, marker)), marker).toBe(true);
      expect(normalise(read(marker))).toContain(normalise(block.code));
    });
  }

  it('shows every fixture page (no page is run for nothing)', () => {
    const markers = new Set(blocks.map((block) => block.marker));
    expect(FIXTURE_PAGES.filter((page) => !markers.has(page))).toEqual([]);
  });
});

describe('README names and links', () => {
  it('documents exactly the options, messages and exports the declarations have', () => {
    const declarations = read('dist/index.d.ts');
    const tableNames = (heading: string): string[] => {
      const start = README.indexOf(heading);
      const table = README.slice(start).split('\n\n').find((chunk) => chunk.startsWith('| '));
      return [...(table ?? '').matchAll(/^\| `([A-Za-z]+)`/gm)].map((match) => match[1] ?? '');
    };
    const circuitOptions = tableNames('| option | type | default | differs from Blazor |');
    expect(circuitOptions).toEqual(['configureSignalR', 'logLevel', 'reconnectionOptions', 'reconnectionHandler', 'circuitHandlers', 'circuitHandshake']);
    const reconnection = tableNames('`reconnectionOptions`:');
    expect(reconnection).toEqual(['maxRetries', 'retryIntervalMilliseconds', 'dialogId', 'dialogDelayMilliseconds', 'messages', 'onUnauthorized', 'preserveInput', 'coordinateTabs']);
    const messages = tableNames('| key | shown | English default |');
    expect(messages).toEqual(['title', 'rejoining', 'retrying', 'failed', 'rejected', 'offline', 'retry', 'reload', 'paused', 'pausedByServer', 'updating', 'resumeFailed', 'resume', 'unauthorized', 'signIn']);
    for (const name of [...circuitOptions, ...reconnection, ...messages]) {
      expect(declarations, name).toMatch(new RegExp(`\\b${name}\\??: `));
    }
    const exported = /export \{([^}]*)\};\s*export type \{([^}]*)\};\s*$/.exec(declarations);
    const names = `${exported?.[1] ?? ''},${exported?.[2] ?? ''}`.split(',').map((name) => name.trim()).filter(Boolean);
    const documented = [...README.matchAll(/`([A-Z][A-Za-z]+(?:Error|Handler|Options|Display|Messages|Function))`/g)].map((match) => match[1] ?? '');
    const notOurs = ['HubConnectionBuilder', 'TypeError'];
    expect(documented.filter((name) => !names.includes(name) && !notOurs.includes(name))).toEqual([]);
    for (const name of names.filter((candidate) => candidate.endsWith('Error'))) expect(README, name).toContain(`\`${name}\``);
  });

  it('runs only npm scripts that exist', () => {
    const named = new Set([...README.matchAll(/\bnpm run ([a-z:-]+)/g)].map((match) => match[1] ?? ''));
    expect([...named].filter((name) => !(name in pkg.scripts))).toEqual([]);
    for (const script of ['demo', 'bench', 'build']) expect(named).toContain(script);
    expect(README).toContain('npm install');
    expect(README).toContain('npm test');
  });

  it('links and shows only files that exist', () => {
    const targets = [...README.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((match) => match[1] ?? '')
      .filter((target) => !/^[a-z]+:/.test(target));
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((target) => !existsSync(join(REPO_ROOT, target)))).toEqual([]);
    expect(targets).toContain('docs/images/dialog-retrying-light.png');
    expect(targets).toContain('bench/results/herd.svg');
  });
});

const count = (value: number): string => value.toLocaleString('en-US');

describe('README numbers', () => {
  // After `npm run bench`, `node test/package/support/readme-tables.mjs` brings README.md up to date.
  const quotes = expectedQuotes();
  const FIX = 'run `node test/package/support/readme-tables.mjs` to update README.md from bench/results';

  it('quotes the herd benchmark as bench/results/herd.json has it', () => {
    const herd = JSON.parse(read('bench/results/herd.json')) as { clients: number };
    expect(herd.clients).toBe(10000);
    expect(README.includes(quotes.herd), `README.md must show:\n${quotes.herd}\n(${FIX})`).toBe(true);
  });

  it('quotes the real-server herd and the farm benchmark as bench/results/real-herd.json and farm.json have them', () => {
    expect(README.includes(quotes.realHerd), `README.md must show:\n${quotes.realHerd}\n(${FIX})`).toBe(true);
    expect(README.includes(quotes.farm), `README.md must show:\n${quotes.farm}\n(${FIX})`).toBe(true);
    expect(README).toContain('](bench/results/real-herd.svg)');
  });

  it('quotes the long-outage sweep as bench/results/herd-sweep.json has it', () => {
    expect(README.includes(quotes.sweep), `README.md must show:\n${quotes.sweep}\n(${FIX})`).toBe(true);
  });

  it('quotes the sizes and the budgets as bench/results/size.json has them', () => {
    expect(README.includes(quotes.size), `README.md must show:\n${quotes.size}\n(${FIX})`).toBe(true);
    expect(README.includes(quotes.budgets), `README.md must say ${quotes.budgets} (${FIX})`).toBe(true);
  });

  it('quotes the byte budgets of .size-limit.mjs', async () => {
    const { BUDGETS } = (await import(join(REPO_ROOT, '.size-limit.mjs'))) as {
      BUDGETS: { esmCore: number; esmAllExports: number; scriptTagAboveSignalR: number; blazorHandler: number };
    };
    expect(normalise(README)).toContain(
      `${count(BUDGETS.esmCore)} B brotli for the ES module core, ${count(BUDGETS.esmAllExports)} B for the whole ES module, ` +
        `SignalR + ${count(BUDGETS.scriptTagAboveSignalR)} B for the script tag, ${count(BUDGETS.blazorHandler)} B for the Blazor handler script`,
    );
  });

  it('quotes the browser benchmark as bench/results/browser.json has it', () => {
    expect(README.includes(quotes.browser), `README.md must show:\n${quotes.browser}\n(${FIX})`).toBe(true);
    expect(README.includes(quotes.browserRuns), `README.md must say ${quotes.browserRuns} (${FIX})`).toBe(true);
  });

  it('rewrites nothing when README.md is up to date', () => {
    expect(refreshReadme(README) === README, FIX).toBe(true);
  });
});
