// A web site for the README's sample pages: the pages of test/package/fixtures/pages, the
// library from the *packed* package (never the work tree's dist), @microsoft/signalr for the
// import-map sample, and the demo hub (circuit contract at /_blazor and /signalr, a stateless
// /hub). Every page gets a strict Content-Security-Policy that allows exactly the page's own
// inline <script> and <style> blocks by hash, so a violation can only come from the library.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { createHub } from '../../../demo/hub/index.mjs';
import type { Hub } from '../../../demo/hub/index.mjs';
import { REPO_ROOT } from './packed-package';

export const FIXTURE_PAGES_DIR = join(REPO_ROOT, 'test/package/fixtures/pages');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface SampleSite {
  url: string;
  hub: Hub;
  close(): Promise<void>;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** `default-src 'self'` plus the hashes of the page's inline scripts (import maps included) and styles. */
export function strictPolicyFor(html: string): string {
  const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => sha256(match[1] ?? ''));
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => sha256(match[1] ?? ''));
  return [
    "default-src 'self'",
    `script-src 'self'${scripts.map((hash) => ` ${hash}`).join('')}`,
    `style-src 'self'${styles.map((hash) => ` ${hash}`).join('')}`,
    "connect-src 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** `<dir>/<relative>`, or `<dir>/<relative>.js` for @microsoft/signalr's extensionless imports; never outside `dir`. */
function fileUnder(dir: string, relative: string, extensionless: boolean): string | undefined {
  const root = resolve(dir);
  const candidate = resolve(join(root, relative));
  if (!candidate.startsWith(root + sep)) return undefined;
  for (const file of extensionless && extname(candidate) === '' ? [candidate, `${candidate}.js`] : [candidate]) {
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Serves the fixture pages at `/<name>.html`, `packageDir`'s dist and the demo's stylesheets at the root. */
export async function startSampleSite(packageDir: string): Promise<SampleSite> {
  const signalrDir = join(REPO_ROOT, 'node_modules/@microsoft/signalr');
  const mounts: { prefix: string; dir: string; extensionless: boolean }[] = [
    { prefix: '/node_modules/circuit-reconnect/', dir: packageDir, extensionless: false },
    { prefix: '/node_modules/@microsoft/signalr/', dir: signalrDir, extensionless: true },
    { prefix: '/', dir: FIXTURE_PAGES_DIR, extensionless: false },
    { prefix: '/', dir: join(packageDir, 'dist'), extensionless: false },
    // Blazor's documented modal CSS, one file for the demo, these pages and the browser tests.
    { prefix: '/', dir: join(REPO_ROOT, 'demo/pages'), extensionless: false },
  ];
  const hub = createHub({
    endpoints: [
      { path: '/_blazor', kind: 'circuit' },
      { path: '/signalr', kind: 'circuit' },
      { path: '/hub', kind: 'stateless' },
    ],
  });
  const server = createServer();
  hub.attach(server, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    for (const mount of mounts) {
      if (!path.startsWith(mount.prefix)) continue;
      const file = fileUnder(mount.dir, path.slice(mount.prefix.length), mount.extensionless);
      if (file === undefined) continue;
      const body = readFileSync(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-store' };
      if (type.startsWith('text/html')) headers['Content-Security-Policy'] = strictPolicyFor(body.toString('utf8'));
      res.writeHead(200, headers);
      res.end(body);
      return;
    }
    res.writeHead(path === '/favicon.ico' ? 204 : 404, { 'Content-Type': 'text/plain' });
    res.end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hub,
    async close() {
      await hub.close({ graceMs: 50 });
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => { done(); }));
    },
  };
}
