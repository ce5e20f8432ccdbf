// A free TCP port on the loopback interface, for servers the tests start.
import { createServer } from 'node:net';

/**
 * Asks the operating system for a free port on 127.0.0.1 and releases it at once. Another process
 * could take it before the caller binds it; on a test machine that race is rare, and a server
 * that then fails to bind fails loudly with its own output, never silently.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('freePort: no TCP address'));
        else resolve(address.port);
      });
    });
  });
}
