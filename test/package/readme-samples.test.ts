// Keeps README.md honest: every fenced code block names the file it is copied from
// (`<!-- sample: <file> -->` on the line before it) and is found there, whitespace aside; those
// files are the ones the other package tests run (support/exercised.ts). Shell blocks may only
// use commands that exist. The names, links and numbers the README quotes are checked too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS_MARKER, exercisedFiles, FIXTURE_PAGES } from './support/exercised';
import { REPO_ROOT } from './support/packed-package';

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
  scripts: Record<string, string>;
  files: string[];
}
const pkg = JSON.parse(read('package.json')) as PackageJson;
const VITEST_PROJECTS = ['unit', 'integration', 'browser', 'package'];

/** Why a shell command line cannot be run as written, or undefined when it can. */
function commandProblem(command: string): string | undefined {
  let match: RegExpExecArray | null;
  if (/^npm (install|test)$/.test(command) || command === 'npm install circuit-reconnect') return undefined;
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
  it('names only the classes, ids and events the library has', () => {
    const constants = read('src/ui/constants.ts');
    const declared = new Set([...constants.matchAll(/= '(components-[a-z-]+)'/g)].map((match) => match[1]));
    const named = new Set([...README.matchAll(/\bcomponents-[a-z]+(?:-[a-z]+)*/g)].map((match) => match[0]));
    // Blazor's template names the README mentions as Blazor's, not ours.
    const notOurs = ['components-reconnect-modal'];
    expect([...named].filter((name) => !declared.has(name) && !notOurs.includes(name))).toEqual([]);
    for (const name of declared) expect(README, `${name ?? ''} is undocumented`).toContain(name);
    expect(read('src/options/defaults.ts')).toContain("DEFAULT_DIALOG_ID = 'components-reconnect-modal'");
  });

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
    expect(reconnection).toEqual(['maxRetries', 'retryIntervalMilliseconds', 'dialogId', 'dialogDelayMilliseconds', 'messages']);
    const messages = tableNames('| key | shown | English default |');
    expect(messages).toEqual(['title', 'rejoining', 'retrying', 'failed', 'rejected', 'offline', 'retry', 'reload']);
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

  it('quotes the default texts the dialog really shows', () => {
    const messages = read('src/ui/default-display/messages.ts').replaceAll('\\u2026', '…');
    for (const text of [
      'Connection to the server lost',
      'Rejoining the server…',
      'Failed to rejoin. Please retry or reload the page.',
      'The session has ended. Reload the page to continue.',
      'You are offline. Waiting for the network…',
    ]) {
      expect(messages, text).toContain(text);
      expect(README, text).toContain(text);
    }
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

interface HerdResult {
  policy: string;
  model: string;
  outageSeconds: number;
  peakPer100ms: number;
  p50Ms: number | null;
  p95Ms: number | null;
  failed: number;
}
interface SizeReport {
  artifacts: { name: string; raw: number; gzip: number; brotli: number }[];
  budgets: { name: string; brotli: number; limit: number; ok: boolean; over?: number }[];
}

const count = (value: number): string => value.toLocaleString('en-US');
const seconds = (ms: number | null): string => (ms === null || !Number.isFinite(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`);

/** The README's herd table, from bench/results/herd.json. */
function herdTable(results: HerdResult[]): string {
  const policies = ['Blazor default', 'circuit-reconnect default', 'exponential 1–28 s, full'];
  const rows = ['| policy | server | outage | busiest 100 ms | p50 / p95 after return | failed |', '| --- | --- | --- | ---: | ---: | ---: |'];
  for (const model of ['queue', 'drop']) {
    for (const outage of [30, 120]) {
      for (const policy of policies) {
        const result = results.find((candidate) => candidate.policy === policy && candidate.model === model && candidate.outageSeconds === outage);
        if (result === undefined) throw new Error(`herd.json has no ${policy}/${model}/${outage} s row`);
        rows.push(`| ${policy} | ${model} | ${outage} s | ${count(result.peakPer100ms)} | ${seconds(result.p50Ms)} / ${seconds(result.p95Ms)} | ${count(result.failed)} |`);
      }
    }
  }
  return rows.join('\n');
}

/** The README's size table, from bench/results/size.json. */
function sizeTable(report: SizeReport): string {
  const rows = ['| artifact | raw | gzip | brotli |', '| --- | ---: | ---: | ---: |'];
  for (const artifact of report.artifacts) rows.push(`| ${artifact.name} | ${count(artifact.raw)} B | ${count(artifact.gzip)} B | ${count(artifact.brotli)} B |`);
  return rows.join('\n');
}

interface BrowserReport {
  runs: number;
  chromium: string;
  results: Record<string, { evaluateMs: number; connectedMs: number; recoveryMs: number }>;
}

/** The README's startup table, from bench/results/browser.json. */
function browserTable(report: BrowserReport): string {
  const rows = ['| page | script evaluation | navigation → connected | server back → reconnected |', '| --- | ---: | ---: | ---: |'];
  for (const [name, result] of Object.entries(report.results)) {
    rows.push(`| ${name} | ${result.evaluateMs.toFixed(1)} ms | ${result.connectedMs.toFixed(0)} ms | ${result.recoveryMs.toFixed(0)} ms |`);
  }
  return rows.join('\n');
}

describe('README numbers', () => {
  it('quotes the browser benchmark as bench/results/browser.json has it', () => {
    const browser = JSON.parse(read('bench/results/browser.json')) as BrowserReport;
    const table = browserTable(browser);
    expect(README.includes(table), `README.md must show, from bench/results/browser.json:\n${table}`).toBe(true);
    expect(README).toContain(`medians of ${browser.runs} runs in Chromium ${browser.chromium}`);
  });

  it('quotes the herd benchmark as bench/results/herd.json has it', () => {
    const herd = JSON.parse(read('bench/results/herd.json')) as { clients: number; results: HerdResult[] };
    expect(herd.clients).toBe(10000);
    const table = herdTable(herd.results);
    expect(README.includes(table), `README.md must show, from bench/results/herd.json:\n${table}`).toBe(true);
  });

  it('quotes the sizes as bench/results/size.json has them, and says whether the budgets hold', () => {
    const size = JSON.parse(read('bench/results/size.json')) as SizeReport;
    const table = sizeTable(size);
    expect(README.includes(table), `README.md must show, from bench/results/size.json:\n${table}`).toBe(true);
    for (const budget of size.budgets) {
      const quote = budget.ok ? `${budget.name}: ${count(budget.brotli)} B of ${count(budget.limit)} B` : `${budget.name}: ${count(budget.brotli)} B, ${count(budget.over ?? 0)} B over`;
      expect(README.includes(quote), `README.md must say "${quote}"`).toBe(true);
    }
  });
});
