// @ts-check
/**
 * A TCP relay that holds every chunk `delayMs` in each direction before passing it on, in order:
 * a round trip through it takes `2 × delayMs` more. The network-fault suite puts it in front of
 * the hub for its latency test, because this machine's kernel has no `netem` qdisc. The TCP
 * handshake with the relay itself is not delayed; every HTTP and WebSocket exchange is.
 */
import { connect, createServer } from 'node:net';

/**
 * @param {{ host: string; port: number; target: { host: string; port: number }; delayMs: number }} options
 * @returns {Promise<import('node:net').Server>}
 */
export function startDelayRelay({ host, port, target, delayMs }) {
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    /**
     * @param {import('node:net').Socket} from
     * @param {import('node:net').Socket} to
     */
    const pipeLate = (from, to) => {
      // Same delay for every chunk, so the timers fire in the order the chunks came.
      from.on('data', (chunk) => setTimeout(() => to.write(chunk), delayMs));
      from.on('end', () => setTimeout(() => to.end(), delayMs));
      from.on('error', () => to.destroy());
      from.on('close', () => setTimeout(() => to.destroy(), delayMs + 1));
    };
    pipeLate(client, upstream);
    pipeLate(upstream, client);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
