// Whether the farm can run here: redis-server and haproxy from Debian, the .NET SDK and the built
// app its nodes run (the Blazor Web App, or the ASP.NET Core app). Outside CI a missing tool skips the farm suites with one loud line; in CI
// (.ci/run installs them) it is an error.
import { spawnSync } from 'node:child_process';
import { DOTNET_PROJECTS, whyDotnetAppsCannotRun } from '../../support/dotnet-apps';
import type { DotnetProject } from '../../support/dotnet-apps';

const onPath = (command: string, versionFlag: string): boolean => spawnSync(command, [versionFlag]).status === 0;

function whyFarmCannotRun(project: DotnetProject): string | undefined {
  const missing = [
    onPath('redis-server', '--version') ? undefined : 'redis-server',
    onPath('haproxy', '-v') ? undefined : 'haproxy',
  ].filter((tool) => tool !== undefined);
  if (missing.length > 0) return `${missing.join(' and ')} not on PATH (apt-get install ${missing.join(' ')})`;
  return whyDotnetAppsCannotRun([project]);
}

/** True (after one loud line) when the farm suites must skip; throws in CI instead. */
export function skipWithoutFarm(project: DotnetProject = DOTNET_PROJECTS.blazorWebApp): boolean {
  const reason = whyFarmCannotRun(project);
  if (reason === undefined) return false;
  if (process.env.CI) throw new Error(`The farm tests must run in CI: ${reason}. .ci/run installs and builds everything.`);
  console.warn(`\n\u001b[33m*** FARM TESTS SKIPPED: ${reason}. CI installs them and never skips. ***\u001b[0m\n`);
  return true;
}
