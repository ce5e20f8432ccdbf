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
