// @ts-check
/**
 * A small SignalR hub server for tests and the demo: negotiate + WebSockets + the JSON hub
 * protocol, Blazor's circuit contract, fault controls and a log of what it saw.
 *
 * @example
 * const { hub, url, close } = await startHubServer({ retentionMs: 300 });
 * // new HubConnectionBuilder().withUrl(`${url}/_blazor`) ...
 * hub.drop();
 * await close();
 */
import { createServer } from 'node:http';
import { createHub } from './hub.mjs';

export { createHub } from './hub.mjs';
export { HubLog, describeEntry, COUNTER_NAMES } from './log.mjs';
export { DEFAULT_RETENTION_MS } from './circuits.mjs';
export { parseForm, parseMultipart } from './form.mjs';
export { MessageType, RECORD_SEPARATOR, RecordReader, writeRecord } from './protocol.mjs';

/**
 * Starts an http.Server on `host` (127.0.0.1) and an ephemeral port unless one is given, serving
 * only the hub.
 *
 * @param {import('./hub.mjs').HubOptions & { port?: number, host?: string }} [options]
 */
export async function startHubServer(options = {}) {
  const { port = 0, host = '127.0.0.1', ...hubOptions } = options;
  const server = createServer();
  const hub = createHub(hubOptions).attach(server);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://${host}:${address.port}`;
  let closing = /** @type {Promise<void> | null} */ (null);
  return {
    hub,
    server,
    url,
    port: address.port,
    /** Closes the hub (sockets, timers) and the server. */
    close() {
      closing ??= (async () => {
        await hub.close({ graceMs: 200 });
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      })();
      return closing;
    },
  };
}
