// A test web site on 127.0.0.1: inline host pages written by the tests, the built library from
// dist/, and the demo hub endpoints (circuit contract at /_blazor and /signalr, stateless /hub).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHub } from '../../../demo/hub/index.mjs';
import type { Hub } from '../../../demo/hub/index.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST_DIR = join(REPO_ROOT, 'dist');

/** The strict policy the default dialog must live under without a single violation. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";
export const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'`;

export interface SitePage {
  body: string;
  /** Extra response headers, e.g. `{ 'Content-Security-Policy': STRICT_CSP }`. */
  headers?: Record<string, string>;
  contentType?: string;
  /** @default 200 (204 sends no body) */
  status?: number;
}

export interface SiteOptions {
  /** Path → page; a plain string is served as HTML. Files not listed come from dist/. */
  pages?: Record<string, SitePage | string>;
  retentionMs?: number;
  keepAliveIntervalMs?: number;
}

export interface Site {
  url: string;
  hub: Hub;
  /** Adds or replaces a page while running. */
  setPage(path: string, page: SitePage | string): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Fails loudly when the suites run before `npm run build`: they test the shipped artifact. */
export function assertBuilt(): void {
  if (!existsSync(join(DIST_DIR, 'circuit-reconnect.js'))) {
    throw new Error('dist/circuit-reconnect.js is missing: run `npm run build` first (npm test does).');
  }
}

export async function startSite(options: SiteOptions = {}): Promise<Site> {
  assertBuilt();
  const pages = new Map<string, SitePage>();
  const setPage = (path: string, page: SitePage | string): void => {
    pages.set(path, typeof page === 'string' ? { body: page } : page);
  };
  for (const [path, page] of Object.entries(options.pages ?? {})) setPage(path, page);

  const hub = createHub({
    endpoints: [
      { path: '/_blazor', kind: 'circuit' },
      { path: '/signalr', kind: 'circuit' },
      { path: '/hub', kind: 'stateless' },
    ],
    ...(options.retentionMs === undefined ? {} : { retentionMs: options.retentionMs }),
    ...(options.keepAliveIntervalMs === undefined ? {} : { keepAliveIntervalMs: options.keepAliveIntervalMs }),
  });
  const server = createServer();
  hub.attach(server, (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const page = pages.get(path);
    if (page) {
      res.writeHead(page.status ?? 200, { 'Content-Type': page.contentType ?? TYPES[extname(path)] ?? TYPES['.html'], 'Cache-Control': 'no-store', ...page.headers });
      res.end(page.status === 204 ? undefined : page.body);
      return;
    }
    const file = normalize(join(DIST_DIR, path));
    if (file.startsWith(DIST_DIR) && existsSync(file) && extname(file) !== '') {
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hub,
    setPage,
    async close() {
      await hub.close({ graceMs: 50 });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => { resolve(); }));
    },
  };
}
