// @ts-check
/**
 * The farm's control, reached through the load balancer at /_farm/ (people and tests use the same
 * URL as the app):
 *   POST /_farm/restart?node=N&signal=TERM|KILL  stop node N that way, start it again, answer once
 *                                               the balancer has it back in rotation
 *   POST /_farm/roll                            a rolling restart, node by node, with SIGTERM as a deploy does
 *   GET  /_farm/nodes                           each node's port, process id and whether the balancer counts it up
 */
import { createServer } from 'node:http';
import { delay } from '../server-process.mjs';

/**
 * @typedef {object} RestartReport
 * @property {number} node
 * @property {'TERM' | 'KILL'} signal
 * @property {number} exitMs      from the signal to the process's exit
 * @property {number} startMs     from the new spawn to its first healthy answer
 * @property {number} downMs      from the signal until the balancer counts the node up again
 */

/**
 * @param {{ nodes: import('./nodes.mjs').FarmNode[], isUp: (n: number) => Promise<boolean>, print: (line: string) => void }} farm
 */
export function createControl({ nodes, isUp, print }) {
  // One operation at a time: a roll and a restart must not stop two nodes at once.
  /** @type {Promise<unknown>} */
  let queue = Promise.resolve();
  /** @template T @param {() => Promise<T>} operation @returns {Promise<T>} */
  const serialized = (operation) => {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
  };

  /** @param {number} n @param {'TERM' | 'KILL'} signal @returns {Promise<RestartReport>} */
  async function restartNode(n, signal) {
    const node = nodes[n - 1];
    if (node === undefined) throw new RangeError(`no node ${n}: the farm has nodes 1 to ${nodes.length}`);
    const started = Date.now();
    print(`node ${n}: SIG${signal} to process ${node.server.pid}`);
    const exitMs = await node.server.stop(`SIG${signal}`);
    const startMs = await node.server.start();
    while (!(await isUp(n))) await delay(50);
    const downMs = Date.now() - started;
    print(`node ${n}: back in rotation as process ${node.server.pid} after ${downMs} ms (exit ${exitMs} ms, start ${startMs} ms)`);
    return { node: n, signal, exitMs, startMs, downMs };
  }

  const restart = (/** @type {number} */ n, /** @type {'TERM' | 'KILL'} */ signal) => serialized(() => restartNode(n, signal));
  const roll = () =>
    serialized(async () => {
      /** @type {RestartReport[]} */
      const reports = [];
      for (const node of nodes) reports.push(await restartNode(node.n, 'TERM'));
      return reports;
    });
  const status = async () =>
    Promise.all(nodes.map(async (node) => ({ node: node.n, port: node.port, pid: node.server.pid, up: await isUp(node.n) })));

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://farm');
    /** @param {number} code @param {unknown} body */
    const answer = (code, body) => {
      response.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    /** @param {Promise<unknown>} work */
    const answerWith = (work) => {
      work.then((body) => { answer(200, body); }, (/** @type {unknown} */ error) => {
        answer(error instanceof RangeError ? 400 : 500, { error: error instanceof Error ? error.message : String(error) });
      });
    };
    if (request.method === 'POST' && url.pathname === '/_farm/restart') {
      const n = Number(url.searchParams.get('node'));
      const signal = url.searchParams.get('signal') ?? 'TERM';
      if (!Number.isInteger(n) || (signal !== 'TERM' && signal !== 'KILL')) {
        answer(400, { error: `expected ?node=1..${nodes.length}&signal=TERM|KILL, got ${url.search}` });
        return;
      }
      answerWith(restart(n, signal));
    } else if (request.method === 'POST' && url.pathname === '/_farm/roll') {
      answerWith(roll());
    } else if (request.method === 'GET' && url.pathname === '/_farm/nodes') {
      answerWith(status());
    } else {
      answer(404, { error: 'POST /_farm/restart?node=N&signal=TERM|KILL, POST /_farm/roll, GET /_farm/nodes' });
    }
  });
  return { server, restart, roll, status };
}
