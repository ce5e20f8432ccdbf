// @ts-check
/**
 * The demo server, startable in-process (tests) or from demo/server.mjs (the CLI):
 *
 *   /                         with `staticDir`: the user's app first; then demo/pages (index.html,
 *                             the demo pages, panel.js/.css)
 *   /circuit-reconnect.js …   dist/ (the built library: .js, .min.js, index.mjs)
 *   /vendor/signalr/          @microsoft/signalr's browser build (signalr.js, signalr.min.js)
 *   /vendor/signalr-esm/      its ES2015 module build, for the import map
 *   /_blazor, /signalr        hubs speaking the circuit contract (sharing one registry)
 *   /hub, /chat               stateless hubs (Echo, Send → Message), for `circuitHandshake: false`
 *   /sample/                  the ASP.NET Core sample's wwwroot (its chat page runs here unchanged)
 *   /control/*                fault controls and the hub's log (see control.mjs)
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createControlHandler } from './control.mjs';
import { createHub, describeEntry } from './hub/index.mjs';
import { createStaticHandler } from './static.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..');
const signalrRoot = dirname(createRequire(import.meta.url).resolve('@microsoft/signalr/package.json'));

export const DEFAULT_PORT = 5000;
export const HUB_ENDPOINTS = Object.freeze([
  { path: '/_blazor', kind: /** @type {const} */ ('circuit') },
  { path: '/signalr', kind: /** @type {const} */ ('circuit') },
  { path: '/hub', kind: /** @type {const} */ ('stateless') },
  { path: '/chat', kind: /** @type {const} */ ('stateless') },
]);

/**
 * @typedef {object} DemoServerOptions
 * @property {number} [port] default 5000; 0 for an ephemeral port
 * @property {string} [host] default 127.0.0.1
 * @property {number} [retentionMs] disconnected-circuit retention (default 3 minutes)
 * @property {string} [circuitsFile] keep the circuits in this file across restarts
 * @property {number} [keepAliveIntervalMs] server pings (default 15 s)
 * @property {boolean} [csp] send a strict Content-Security-Policy with pages (default true)
 * @property {(line: string) => void} [print] where to write one-line event descriptions
 *   (circuit ids are never included); default: nowhere
 * @property {string} [distDir] the built library (default <repo>/dist)
 * @property {string} [staticDir] a user's own built app, served at / before the demo pages (its
 *   `index.html` replaces the demo's), so it runs against the hubs without a proxy
 */

/**
 * Starts listening; rejects with the listen error (e.g. EADDRINUSE) if the port is taken.
 * @param {DemoServerOptions} [options]
 */
export async function startDemoServer(options = {}) {
  const { port = DEFAULT_PORT, host = '127.0.0.1', csp = true, print } = options;
  const distDir = options.distDir ?? join(repoRoot, 'dist');
  const hub = createHub({
    endpoints: HUB_ENDPOINTS.map((e) => ({ ...e })),
    retentionMs: options.retentionMs,
    ...(options.circuitsFile === undefined ? {} : { circuitsFile: options.circuitsFile }),
    keepAliveIntervalMs: options.keepAliveIntervalMs,
  });
  const unsubscribe = print
    ? hub.log.subscribe((entry) => {
        const line = describeEntry(entry);
        if (line !== null) print(line);
      })
    : () => {};
  const control = createControlHandler(hub);
  const serveStatic = createStaticHandler(
    [
      { prefix: '/vendor/signalr/', dir: join(signalrRoot, 'dist', 'browser') },
      { prefix: '/vendor/signalr-esm/', dir: join(signalrRoot, 'dist', 'esm'), extensionless: true },
      ...(options.staticDir === undefined ? [] : [{ prefix: '/', dir: options.staticDir }]),
      { prefix: '/sample/', dir: join(repoRoot, 'examples', 'aspnetcore', 'wwwroot') },
      { prefix: '/', dir: join(here, 'pages') },
      { prefix: '/', dir: distDir },
    ],
    { csp },
  );

  const server = createServer();
  hub.attach(server, (req, res) => {
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('Bad Request');
      return;
    }
    if (control(req, res, url)) return;
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end(); // browsers ask on every site; an empty answer keeps consoles clean
      return;
    }
    serveStatic(req, res, decodeURIComponent(url.pathname))
      .then((served) => {
        if (!served) notFound(res, url.pathname);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end('Internal Server Error');
        else res.destroy();
      });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  }).catch(async (error) => {
    unsubscribe();
    await hub.close({ graceMs: 0 });
    throw error;
  });

  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://${host}:${address.port}`;
  /** @type {Promise<void> | null} */
  let closing = null;
  return {
    url,
    port: address.port,
    hub,
    server,
    /** Whether dist/circuit-reconnect.js exists (the pages need `npm run build` first). */
    distBuilt: existsSync(join(distDir, 'circuit-reconnect.js')),
    /** Closes hub sockets (with Close messages), timers and the server. */
    close() {
      closing ??= (async () => {
        unsubscribe();
        await hub.close({ graceMs: 500 });
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      })();
      return closing;
    },
  };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} pathname
 */
function notFound(res, pathname) {
  const hint = /^\/(circuit-reconnect(\.min)?\.js|index\.mjs)$/.test(pathname)
    ? ' The library is not built: run `npm run build` (`npm run demo` does it for you).'
    : '';
  const body = `Not Found: ${pathname}.${hint}`;
  res.writeHead(404, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}
