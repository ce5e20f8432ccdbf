// The repository's .NET example apps, where their builds are, and whether the real-server tests
// can run here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One example app: its folder (relative to the repository) and its assembly's name. */
export interface DotnetProject {
  readonly folder: string;
  readonly assembly: string;
}

/** The example apps the tests start. `.ci/run` and `npm run build:dotnet` build each of them. */
export const DOTNET_PROJECTS = {
  blazorWebApp: { folder: 'examples/blazor-web-app', assembly: 'BlazorWebApp' },
  blazorServer: { folder: 'examples/blazor-server', assembly: 'BlazorServerApp' },
  aspnetcore: { folder: 'examples/aspnetcore', assembly: 'CircuitReconnectSample' },
} as const satisfies Record<string, DotnetProject>;

/** The build configuration the tests run: `dotnet build`'s default. */
export const CONFIGURATION = process.env.DOTNET_CONFIGURATION ?? 'Debug';

/** The project's folder, absolute. */
export function projectFolder(project: DotnetProject): string {
  return join(REPOSITORY_ROOT, project.folder);
}

/** The built app: `<folder>/bin/<Configuration>/net10.0/<Assembly>.dll`. */
export function builtDll(project: DotnetProject): string {
  return join(projectFolder(project), 'bin', CONFIGURATION, 'net10.0', `${project.assembly}.dll`);
}

function hasDotnet(): boolean {
  const result = spawnSync('dotnet', ['--version'], { encoding: 'utf8' });
  return result.status === 0;
}

/** Why the apps cannot run here, or undefined when they can. */
export function whyDotnetAppsCannotRun(projects: readonly DotnetProject[]): string | undefined {
  if (!hasDotnet()) return 'no `dotnet` on PATH (install the .NET 10 SDK)';
  const missing = projects.filter((project) => !existsSync(builtDll(project)));
  if (missing.length > 0) {
    return `not built: ${missing.map((project) => project.folder).join(', ')} (run \`npm run build:dotnet\`)`;
  }
  return undefined;
}

/**
 * Whether a suite that starts `projects` must be skipped. Outside CI a machine without the SDK or
 * without the builds skips, with one loud line saying why; in CI (`CI` set) it never skips: it
 * throws, so a broken CI setup fails instead of passing with nothing tested.
 */
export function skipWithoutDotnetApps(projects: readonly DotnetProject[]): boolean {
  const skip = skipLoudly(whyDotnetAppsCannotRun(projects));
  if (!skip) warnIfStale(projects);
  return skip;
}

/** What the build compiles (scoped .razor.css is bundled at build); wwwroot/ is served from the project folder as is. */
const COMPILED = /\.(cs|razor|razor\.css|cshtml|csproj)$/;

/** The newest modification time of the project's compiled sources (bin/ and obj/ left out). */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'bin' || entry.name === 'obj') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (COMPILED.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The tests run the builds as they are: after an edit without `npm run build:dotnet` they would
 * test the old app. Say so loudly (CI always builds first, so this only speaks on a workstation).
 */
function warnIfStale(projects: readonly DotnetProject[]): void {
  const stale = projects.filter((project) => newestSource(projectFolder(project)) > statSync(builtDll(project)).mtimeMs);
  if (stale.length === 0) return;
  console.warn(
    `\n\u001b[33m*** .NET APPS OLDER THAN THEIR SOURCES: ${stale.map((project) => project.folder).join(', ')}. ` +
      'Run `npm run build:dotnet`, or these tests run the old builds. ***\u001b[0m\n',
  );
}

/**
 * The rule above for any missing prerequisite: `reason` undefined runs the suite; otherwise one
 * loud line and a skip outside CI, an error in CI.
 */
export function skipLoudly(reason: string | undefined): boolean {
  if (reason === undefined) return false;
  if (process.env.CI) throw new Error(`The .NET tests must run in CI: ${reason}. .ci/run builds everything first.`);
  console.warn(`\n\u001b[33m*** .NET TESTS SKIPPED: ${reason}. CI builds everything and never skips. ***\u001b[0m\n`);
  return true;
}
