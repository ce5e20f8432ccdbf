// @ts-check
/** Debian's redis-server on a free loopback port, in its own temporary folder, nothing saved to disk. */
import { createConnection } from 'node:net';
import { freePort, startServer } from '../server-process.mjs';

/** Sends PING over RESP and expects +PONG. @param {number} port @returns {Promise<boolean>} */
function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => { done(false); });
    socket.once('error', () => { done(false); });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => { done(data.toString().startsWith('+PONG')); });
  });
}

/** @param {string} dir a temporary folder of the farm's own @returns {Promise<{ port: number, connection: string, server: import('../server-process.mjs').ServerProcess }>} */
export async function startRedis(dir) {
  const port = await freePort();
  const server = await startServer({
    name: 'redis',
    command: 'redis-server',
    // No RDB snapshots, no append-only file: the farm's Redis lives and dies with the farm.
    args: ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    healthy: () => ping(port),
    startTimeoutMs: 10_000,
  });
  return { port, connection: `127.0.0.1:${port}`, server };
}
