// The benchmarks' loopback site: the demo hub and a few pages and scripts on one HTTP server at
// 127.0.0.1. Real responses from loopback, so Chromium's local-network checks see a loopback page
// talking to loopback, as on a developer's machine.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createHub } from '../demo/hub/index.mjs';

/**
 * @param {{ endpoints: { path: string, kind: string }[], pages: Record<string, string>, scripts: Record<string, string> }} options
 *   `pages`: HTML by path; `scripts`: a file to serve as JavaScript, by path.
 */
export async function startLoopbackSite({ endpoints, pages, scripts }) {
  const hub = createHub({ endpoints });
  const server = createServer();
  hub.attach(server, (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(pages[path]);
    } else if (scripts[path] !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(readFileSync(scripts[path]));
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    hub,
    async close() {
      await hub.close({ graceMs: 50 });
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
