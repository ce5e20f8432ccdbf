// The Node demo server (`node demo/server.mjs`) as a child process, so a test can kill it and
// start it again on the same port, as it does Kestrel: a real restart that loses every circuit.
import { REPOSITORY_ROOT } from './dotnet-apps';
import { startServerProcess } from './server-process';
import type { ServerProcess } from './server-process';

/** @param args - extra arguments, e.g. `['--circuits-file', path]` */
export function startDemoProcess(args: readonly string[] = []): Promise<ServerProcess> {
  return startServerProcess({
    name: 'demo/server.mjs',
    command: process.execPath,
    args: () => ['demo/server.mjs', '--quiet', ...args],
    cwd: REPOSITORY_ROOT,
    env: (port) => ({ PORT: String(port) }),
  });
}
