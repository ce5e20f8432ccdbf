// @ts-check
/**
 * The demo hub, run inside a network namespace by the network-fault suite (test/netns):
 *
 *   node netns-server.mjs <host> <port> <pages.json> [<latency ms>]
 *
 * serves the built library from dist/, the pages in <pages.json> (path → { body, type }) and the
 * circuit hub at /_blazor (pinging every 2 s, as `withKeepAliveInterval(2000)` expects); with a
 * latency, through a relay that delays every byte that long each way (delay-relay.mjs). It
 * writes every hub log entry to stdout as one JSON line (the test, outside the namespace, reads
 * the hub through them), and obeys commands on stdin: `drop` (every socket closed abruptly).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createHub } from '../../../demo/hub/index.mjs';
import { startDelayRelay } from './delay-relay.mjs';

const [host, port, pagesFile, latency = '0'] = process.argv.slice(2);
if (!host || !port || !pagesFile) throw new Error('usage: node netns-server.mjs <host> <port> <pages.json>');
/** @type {Record<string, { body: string; type: string }>} */
const pages = JSON.parse(readFileSync(pagesFile, 'utf8'));
const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));

const hub = createHub({ endpoints: [{ path: '/_blazor', kind: 'circuit' }], keepAliveIntervalMs: 2000 });
hub.log.subscribe((entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
});
const server = createServer();
hub.attach(server, (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const page = pages[path];
  const file = normalize(join(dist, path));
  if (page) {
    res.writeHead(200, { 'Content-Type': page.type, 'Cache-Control': 'no-store' }).end(page.body);
  } else if (file.startsWith(dist) && extname(file) === '.js' && existsSync(file)) {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(readFileSync(file));
  } else {
    res.writeHead(404).end();
  }
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'drop') hub.drop();
});
const latencyMs = Number(latency);
const announce = () => process.stdout.write(`${JSON.stringify({ listening: `http://${host}:${port}` })}\n`);
if (latencyMs > 0) {
  // The hub on the namespace's loopback, reachable from the link only through the relay.
  server.listen(Number(port) + 1, '127.0.0.1', () => {
    startDelayRelay({ host, port: Number(port), target: { host: '127.0.0.1', port: Number(port) + 1 }, delayMs: latencyMs }).then(announce, (error) => {
      throw error;
    });
  });
} else {
  server.listen(Number(port), host, announce);
}
