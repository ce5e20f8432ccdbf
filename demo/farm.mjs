#!/usr/bin/env node
// @ts-check
/**
 * `npm run demo:farm [-- --nodes 3] [--app blazor|aspnetcore] [--no-redis] [--no-drain] [-- <app arguments, e.g. --ReconnectUi=blazor>]`
 * Redis, N nodes of examples/blazor-web-app (or, with `--app aspnetcore`, of examples/aspnetcore:
 * its chat over a plain SignalR hub, with SignalR's Redis backplane) and HAProxy in front of them,
 * all on loopback; prints the one URL to open (the balancer; PORT chooses its port). One app per
 * farm, as one app per deployment: each keeps its root paths, and the control's /_farm/ names
 * stay the same. See README "Running on a farm".
 */
import { parseArgs } from 'node:util';
import { startFarm } from './farm/farm-core.mjs';

const USAGE = 'usage: node demo/farm.mjs [--nodes <2..9>] [--app blazor|aspnetcore] [--no-redis] [--no-drain] [--quiet] [--until-stdin-closes] [-- <app arguments>]';

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`demo:farm: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      nodes: { type: 'string', default: '2' },
      app: { type: 'string', default: 'blazor' },
      'no-redis': { type: 'boolean', default: false },
      // Without the drain (CircuitDrain.cs): what Blazor 10 does alone when a node stops.
      'no-drain': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      // For a parent process (the tests): stop the farm when the parent's end of stdin closes, so a
      // test runner that dies never leaves Redis, the nodes or HAProxy behind.
      'until-stdin-closes': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
const args = parsed.values;
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const app = args.app;
if (app !== 'blazor' && app !== 'aspnetcore') fail(`--app must be blazor or aspnetcore, got ${JSON.stringify(app)}. ${USAGE}`);
const nodes = Number(args.nodes);
if (!/^\d$/.test(args.nodes) || nodes < 2) fail(`--nodes must be a number from 2 to 9, got ${JSON.stringify(args.nodes)}. ${USAGE}`);
const rawPort = process.env.PORT;
const port = rawPort === undefined ? undefined : Number(rawPort);
if (rawPort !== undefined && (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535)) fail(`PORT must be a port number, got ${JSON.stringify(rawPort)}.`);

const time = () => new Date().toISOString().slice(11, 23);
const print = args.quiet ? undefined : (/** @type {string} */ line) => { console.log(`${time()} ${line}`); };

/** @type {Awaited<ReturnType<typeof startFarm>> | undefined} */
let farm;
let stopping = false;
/** @param {NodeJS.Signals} signal */
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`demo:farm: ${signal}, stopping every process of the farm`);
  // During the start, exiting ends what has started (by process id) and removes its folder.
  await farm?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  farm = await startFarm({ app, nodes, port: port === 0 ? undefined : port, redis: !args['no-redis'], drain: !args['no-drain'], appArgs: parsed.positionals, print });
} catch (error) {
  fail(`could not start: ${error instanceof Error ? error.message : String(error)}`);
}
if (farm === undefined) fail('could not start');
console.log(
  `circuit-reconnect farm on ${farm.url}${farm.page} (${nodes} ${app} nodes, ${farm.redis === undefined ? 'no Redis' : `Redis ${farm.redis}`}, ` +
    `${app === 'aspnetcore' ? 'no drain: a hub has no circuit to move' : farm.drain ? 'drain on stop' : 'no drain'}; ` +
    `POST ${farm.url}/_farm/roll or /_farm/restart?node=1&signal=KILL; Ctrl+C to stop)`,
);

if (args['until-stdin-closes']) {
  process.stdin.on('end', () => void shutdown('SIGTERM')).resume();
}
