// Starts a built .NET example app on a free loopback port, for tests against real Kestrel.
import type { DotnetProject } from './dotnet-apps';
import { builtDll, projectFolder } from './dotnet-apps';
import { startServerProcess } from './server-process';
import type { ServerProcess } from './server-process';

/** How to start an app. */
export interface DotnetAppOptions {
  readonly project: DotnetProject;
  /** Extra environment variables, e.g. `{ CircuitOptions__DisconnectedCircuitRetentionPeriod: '00:00:02' }`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra command-line arguments, e.g. `['--ReconnectUi=blazor']`. */
  readonly args?: readonly string[];
  /** The path that answers 200 once the app serves. @default '/' */
  readonly healthPath?: string;
  /** How long to wait for health. @default 30_000 */
  readonly startTimeoutMs?: number;
}

/** A running app; see {@link ServerProcess}. */
export type DotnetApp = ServerProcess;

/**
 * Runs `dotnet <folder>/bin/<Configuration>/net10.0/<Assembly>.dll --urls http://127.0.0.1:<port>`
 * (the build must exist: CI builds first; starting the dll is seconds faster than `dotnet run`),
 * from the project's folder, in the Development environment (which serves the build's static web
 * assets, blazor.web.js among them), and waits until `healthPath` answers 200.
 */
export function startDotnetApp(options: DotnetAppOptions): Promise<DotnetApp> {
  return startServerProcess({
    name: options.project.assembly,
    command: 'dotnet',
    args: (url) => [builtDll(options.project), '--urls', url, ...(options.args ?? [])],
    cwd: projectFolder(options.project),
    env: () => ({
      ASPNETCORE_ENVIRONMENT: 'Development',
      DOTNET_NOLOGO: '1',
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      ...options.env,
    }),
    healthPath: options.healthPath,
    startTimeoutMs: options.startTimeoutMs,
  });
}
