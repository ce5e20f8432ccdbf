// How many keys the farm's Redis holds (RESP `DBSIZE`, no client library): the Data Protection
// key ring is one; each circuit state Blazor saved in its HybridCache adds one.
import { createConnection } from 'node:net';

export function redisKeyCount(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(2_000, () => socket.destroy(new Error('redis: no answer to DBSIZE')));
    socket.once('error', reject);
    socket.once('connect', () => socket.write('DBSIZE\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      const match = /^:(\d+)\r\n/.exec(data.toString());
      if (match?.[1] === undefined) reject(new Error(`redis: unexpected answer ${JSON.stringify(data.toString())}`));
      else resolve(Number(match[1]));
    });
  });
}

/**
 * The key count once it has not changed for `quietMs`: circuits of tabs closed just before (an
 * earlier test's) are saved when the farm's 2 s retention evicts them, and would otherwise be
 * counted as the ones a test is waiting for.
 */
export async function settledRedisKeyCount(port: number, quietMs = 4_000, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = await redisKeyCount(port);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`redis: the key count still changed after ${timeoutMs} ms (now ${count})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await redisKeyCount(port);
    if (now !== count) {
      count = now;
      since = Date.now();
    }
  }
  return count;
}
