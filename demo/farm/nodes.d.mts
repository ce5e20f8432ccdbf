// Types for demo/farm/nodes.mjs, so TypeScript tests start farm nodes through it too.
import type { ServerProcess } from '../server-process.mjs';

export type FarmApp = 'blazor' | 'aspnetcore';

export interface FarmNode {
  /** 1-based */
  readonly n: number;
  readonly port: number;
  readonly server: ServerProcess;
}

/** `count` nodes of the example app `app`, each on a free port, told by environment it is node N. */
export function startNodes(options: {
  app?: FarmApp;
  count: number;
  redis: string | undefined;
  keysDir: string;
  drain: boolean;
  appArgs: string[];
}): Promise<FarmNode[]>;
