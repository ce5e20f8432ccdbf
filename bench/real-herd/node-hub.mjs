// The Node demo hub as the real-server herd benchmark runs it: the demo's hub (demo/hub) with its
// circuits kept in a file across a kill, on 127.0.0.1:<port>, plus what the benchmark reads at
// the server: GET /bench/negotiations → { startedAt, times, tags }: Unix milliseconds and each
// negotiation's `herd` query parameter (the same shape as the ASP.NET Core sample's
// Bench:Counters). Nothing about circuits is printed.
//   node bench/real-herd/node-hub.mjs <port> <circuits-file>
import { createServer } from 'node:http';
import { HubLog, createHub } from '../../demo/hub/index.mjs';

const [port, circuitsFile] = process.argv.slice(2);
if (port === undefined || circuitsFile === undefined) throw new Error('usage: node bench/real-herd/node-hub.mjs <port> <circuits-file>');

// A short log: the benchmark reads counters, not entries, and a herd would fill a long one.
const hub = createHub({ circuitsFile, log: new HubLog({ limit: 100 }) });
/** @type {number[]} */
const times = [];
/** @type {string[]} */
const tags = [];
let startedAt = 0;
const server = createServer();
// Registered before the hub's own listener: it only notes the negotiation, the hub answers it.
server.on('request', (req) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'POST' && url.pathname.endsWith('/negotiate')) {
    times.push(Date.now());
    tags.push(url.searchParams.get('herd') ?? '');
  }
});
hub.attach(server, (req, res) => {
  if (req.url === '/bench/negotiations') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ startedAt, times, tags }));
  } else {
    res.writeHead(404).end();
  }
});
// Kestrel's default backlog, so both hubs meet a herd with the same listen queue.
server.listen({ port: Number(port), host: '127.0.0.1', backlog: 512 }, () => {
  startedAt = Date.now();
});
