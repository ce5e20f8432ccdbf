// Types for demo/server-core.mjs, so TypeScript tests can start the demo server in-process.
import type { Server } from 'node:http';
import type { Endpoint, Hub } from './hub/index.mjs';

export interface DemoServerOptions {
  /** @default 5000; 0 for an ephemeral port */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Disconnected-circuit retention. @default 180000 */
  retentionMs?: number;
  /** Keep the circuits in this file across restarts (`--circuits-file`). */
  circuitsFile?: string;
  /** Server → client pings. @default 15000 */
  keepAliveIntervalMs?: number;
  /** Send a strict Content-Security-Policy with every page. @default true */
  csp?: boolean;
  /** Receives one line per notable hub event (circuit ids never included). */
  print?: (line: string) => void;
  /** The built library. @default '<repo>/dist' */
  distDir?: string;
}

export interface DemoServer {
  /** http://host:port, no trailing slash. */
  url: string;
  port: number;
  hub: Hub;
  server: Server;
  /** Whether dist/circuit-reconnect.js exists. */
  distBuilt: boolean;
  /** Close messages to clients, sockets and timers closed, server closed. */
  close(): Promise<void>;
}

export declare const DEFAULT_PORT: number;
/** /_blazor and /signalr (circuit contract, one shared registry), /hub (stateless). */
export declare const HUB_ENDPOINTS: readonly Endpoint[];
/** Listens; rejects with the listen error (code EADDRINUSE when the port is taken). */
export declare function startDemoServer(options?: DemoServerOptions): Promise<DemoServer>;
