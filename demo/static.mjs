// @ts-check
/**
 * Static files for the demo: mounts (URL prefix → folder), MIME types, no path traversal, and a
 * strict Content-Security-Policy on HTML pages so the demo proves the library needs no
 * 'unsafe-inline'. Inline `<script type="importmap">` blocks and inline `style="…"` attributes
 * a page really has are allowed by their hashes, computed here from the file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** @type {Record<string, string>} */
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @typedef {object} Mount
 * @property {string} prefix URL prefix, "/" or "/x/" (with the trailing slash)
 * @property {string} dir absolute folder
 * @property {boolean} [extensionless] try `<path>.js` when `<path>` does not exist: @microsoft/signalr's
 *   ES2015 build imports "./Errors", not "./Errors.js", so browsers request extensionless URLs
 */

/**
 * @param {Mount[]} mounts tried in order; the first folder holding the file wins
 * @param {{ csp?: boolean }} [options]
 */
export function createStaticHandler(mounts, options = {}) {
  const csp = options.csp ?? true;

  /**
   * Serves the file, or returns false when no mount has it.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} pathname decoded URL path
   * @returns {Promise<boolean>}
   */
  return async function serveStatic(req, res, pathname) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    for (const mount of mounts) {
      if (!path.startsWith(mount.prefix)) continue;
      const file = await findFile(mount, path.slice(mount.prefix.length));
      if (file === null) continue;
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      /** @type {Record<string, string | number>} */
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
      if (type.startsWith('text/html')) {
        const html = await readFile(file, 'utf8');
        if (csp) headers['Content-Security-Policy'] = contentSecurityPolicy(html, req.headers.host);
        headers['Content-Length'] = Buffer.byteLength(html);
        res.writeHead(200, headers);
        res.end(req.method === 'HEAD' ? undefined : html);
        return true;
      }
      headers['Content-Length'] = (await stat(file)).size;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
      return true;
    }
    return false;
  };
}

/**
 * @param {Mount} mount
 * @param {string} relative URL path under the mount, without the prefix
 * @returns {Promise<string | null>} an existing file inside `mount.dir`, or null
 */
async function findFile(mount, relative) {
  if (relative.includes('\0')) return null;
  const root = resolve(mount.dir);
  const candidate = resolve(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  const tries = mount.extensionless && extname(candidate) === '' ? [candidate, `${candidate}.js`] : [candidate];
  for (const file of tries) {
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {
      // not there: try the next
    }
  }
  return null;
}

/**
 * `default-src 'self'`, plus the hashes of what the page itself has inline.
 * @param {string} html
 * @param {string | undefined} host the request's Host header, for an explicit ws: source
 */
export function contentSecurityPolicy(html, host) {
  const scriptHashes = [...html.matchAll(/<script\b[^>]*\btype="importmap"[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${sha256(m[1] ?? '')}'`);
  const styleHashes = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => `'sha256-${sha256(m[1] ?? '')}'`);
  // 'self' covers same-origin ws: in CSP3 browsers; the explicit source helps older ones.
  const ws = host !== undefined && /^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/i.test(host) ? ` ws://${host}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` ${h}`).join('')}`,
    `style-src 'self'${styleHashes.length > 0 ? ` 'unsafe-hashes'${[...new Set(styleHashes)].map((h) => ` ${h}`).join('')}` : ''}`,
    `connect-src 'self'${ws}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** @param {string} text */
function sha256(text) {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}
