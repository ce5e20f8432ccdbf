// @ts-check
/**
 * Debian's HAProxy in front of the nodes: a sticky cookie (a circuit lives in one node's memory),
 * WebSocket pass-through, health checks on each node's /healthz, and `option redispatch` so a
 * request whose node is gone goes to a live one. Its config is generated here; its runtime API
 * (a Unix socket) tells the control when a restarted node is back in rotation.
 */
import { writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { answers200, startServer } from './server-process.mjs';

/**
 * @param {{ port: number, controlPort: number, nodePorts: number[], socket: string }} farm
 * @returns {string}
 */
export function haproxyConfig({ port, controlPort, nodePorts, socket }) {
  const servers = nodePorts.map((nodePort, index) => `  server n${index + 1} 127.0.0.1:${nodePort} check cookie n${index + 1}`);
  return [
    'global',
    `  stats socket ${socket} mode 600 level admin`,
    '  maxconn 4000',
    // Notices (a node going down or up) on HAProxy's own output, which the farm keeps.
    '  log stdout format raw local0 notice',
    'defaults',
    '  mode http',
    '  log global',
    '  option redispatch',
    '  retries 3',
    '  timeout connect 1s',
    '  timeout client 1h',
    '  timeout server 1h',
    // A WebSocket is a tunnel once upgraded; Blazor's and SignalR's keep-alives cross it.
    '  timeout tunnel 1h',
    'frontend farm',
    `  bind 127.0.0.1:${port}`,
    '  use_backend control if { path_beg /_farm/ }',
    '  default_backend nodes',
    'backend control',
    `  server control 127.0.0.1:${controlPort}`,
    'backend nodes',
    '  balance roundrobin',
    // Sticky by cookie; `indirect` keeps it away from the nodes, `nocache` out of shared caches.
    '  cookie FARM_NODE insert indirect nocache httponly',
    '  option httpchk GET /healthz',
    // A node that answers 503 (stopping) leaves rotation at its next check. A slow answer is not a
    // failure: on two busy cores a check can take 300 ms, and a node marked down by mistake sends
    // its tabs' next requests to another node (measured: it broke a negotiate/WebSocket pair).
    '  timeout check 3s',
    '  default-server inter 400ms fall 1 rise 1',
    ...servers,
    '',
  ].join('\n');
}

/** One command on HAProxy's runtime API. @param {string} socket @param {string} command @returns {Promise<string>} */
export function haproxyCommand(socket, command) {
  return new Promise((resolve, reject) => {
    let answer = '';
    const connection = createConnection(socket);
    connection.setTimeout(2_000, () => connection.destroy(new Error(`haproxy: no answer to ${command}`)));
    connection.once('error', reject);
    connection.on('data', (data) => (answer += data.toString()));
    connection.once('close', () => { resolve(answer); });
    connection.once('connect', () => connection.end(`${command}\n`));
  });
}

/** Whether HAProxy counts node `n` (1-based) as up. @param {string} socket @param {number} n */
export async function nodeIsUp(socket, n) {
  const csv = await haproxyCommand(socket, 'show stat');
  const row = csv.split('\n').find((line) => line.startsWith(`nodes,n${n},`));
  // The status column (18th) reads UP, DOWN, MAINT, or "UP 1/2" while a check is in progress.
  return row?.split(',')[17] === 'UP';
}

/**
 * @param {{ dir: string, port: number, controlPort: number, nodePorts: number[] }} options
 */
export async function startHaproxy({ dir, port, controlPort, nodePorts }) {
  const socket = join(dir, 'haproxy.sock');
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, haproxyConfig({ port, controlPort, nodePorts, socket }));
  // -db: stay in the foreground, so the farm holds its process id.
  const server = await startServer({
    name: 'haproxy',
    command: 'haproxy',
    args: ['-db', '-f', file],
    healthy: async () => (await answers200(`http://127.0.0.1:${port}/healthz`)) && (await nodeIsUp(socket, 1)),
    startTimeoutMs: 15_000,
  });
  return { server, socket, file, output: server.output };
}
