// @ts-check
/**
 * Debian's HAProxy in front of the nodes: a sticky cookie (a circuit lives in one node's memory),
 * WebSocket pass-through, health checks on each node's /healthz, and `option redispatch` so a
 * request whose node is gone goes to a live one. Its config is haproxy.cfg, filled in here; its runtime API
 * (a Unix socket) tells the control when a restarted node is back in rotation.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answers200, startServer } from '../server-process.mjs';

const TEMPLATE = fileURLToPath(new URL('haproxy.cfg', import.meta.url));

/**
 * haproxy.cfg with the farm's ports and socket filled in.
 * @param {{ port: number, controlPort: number, nodePorts: number[], socket: string }} farm
 * @returns {string}
 */
export function haproxyConfig({ port, controlPort, nodePorts, socket }) {
  const servers = nodePorts.map((nodePort, index) => `  server n${index + 1} 127.0.0.1:${nodePort} check cookie n${index + 1}`);
  return readFileSync(TEMPLATE, 'utf8')
    .replaceAll('{{SOCKET}}', socket)
    .replaceAll('{{PORT}}', String(port))
    .replaceAll('{{CONTROL}}', String(controlPort))
    .replaceAll('{{SERVERS}}', servers.join('\n'));
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
