// Packs the package the way `npm publish` would and lays it out as a consumer sees it: a temp
// project whose node_modules/circuit-reconnect holds the tarball's content (nothing from the
// work tree leaks in) and whose node_modules/@microsoft/signalr is the installed dependency.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** One file of `npm pack --json`. */
export interface PackedFile {
  path: string;
  size: number;
}

/** What `npm pack --json` reports about one tarball. */
export interface PackReport {
  name: string;
  version: string;
  filename: string;
  /** Bytes of the .tgz. */
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

/** The suites test the built artifact: fail with the fix when dist/ is missing. */
export function assertBuilt(): void {
  for (const file of ['index.mjs', 'index.d.ts', 'circuit-reconnect.min.js']) {
    if (!existsSync(join(REPO_ROOT, 'dist', file))) {
      throw new Error(`dist/${file} is missing: run \`npm run build\` first (npm test does).`);
    }
  }
}

/**
 * `npm pack --json`, with scripts off: `prepack` would rebuild dist/, and the suites run after
 * the build of `npm test` anyway.
 */
export async function npmPack(options: { dryRun: boolean; destination?: string }): Promise<PackReport> {
  const args = ['pack', '--json', '--ignore-scripts'];
  if (options.dryRun) args.push('--dry-run');
  if (options.destination !== undefined) args.push('--pack-destination', options.destination);
  const { stdout } = await run('npm', args, { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  const reports = JSON.parse(stdout) as PackReport[];
  const report = reports[0];
  if (reports.length !== 1 || report === undefined) throw new Error(`npm pack reported ${reports.length} packages`);
  return report;
}

/** A consumer project on disk; `cleanup()` removes it. */
export interface ConsumerProject {
  root: string;
  /** `<root>/node_modules/circuit-reconnect`: the tarball's content. */
  packageDir: string;
  report: PackReport;
  cleanup(): Promise<void>;
}

/**
 * Packs the repo into a temp dir, extracts the tarball into `node_modules/circuit-reconnect` of a
 * fresh project (`type: module`) and links the one runtime dependency from the repo's install.
 */
export async function createConsumerProject(): Promise<ConsumerProject> {
  const root = await mkdtemp(join(tmpdir(), 'circuit-reconnect-consumer-'));
  const report = await npmPack({ dryRun: false, destination: root });
  await run('tar', ['-xzf', join(root, report.filename), '-C', root]);
  const modules = join(root, 'node_modules');
  await mkdir(join(modules, '@microsoft'), { recursive: true });
  const packageDir = join(modules, 'circuit-reconnect');
  await rename(join(root, 'package'), packageDir);
  await symlink(join(REPO_ROOT, 'node_modules', '@microsoft', 'signalr'), join(modules, '@microsoft', 'signalr'), 'dir');
  return {
    root,
    packageDir,
    report,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Runs `node <args>` in `cwd` and returns stdout; rejects with stderr on a non-zero exit. */
export async function runNode(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run(process.execPath, args, { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
  return stdout;
}
