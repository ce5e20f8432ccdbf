#!/usr/bin/env node
// @ts-check
/**
 * `npm run demo` → `node demo/server.mjs [--static <dir>] [--retention <seconds>] [--keep-alive <seconds>] [--circuits-file <path>] [--no-csp] [--quiet]`
 * Serves the demo pages, the built library and the hubs on http://127.0.0.1:5000 (PORT to change);
 * with `--static <dir>`, a user's own built app too, at / (its files win over the demo's); with
 * `--circuits-file <path>`, circuits survive the server being killed and restarted.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, startDemoServer } from './server-core.mjs';

const USAGE = 'usage: node demo/server.mjs [--static <dir>] [--retention <seconds>] [--keep-alive <seconds>] [--circuits-file <path>] [--no-csp] [--quiet]';

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`demo: ${message}`);
  process.exit(1);
}

/** @param {string | undefined} raw @param {string} flag @returns {number | undefined} */
function secondsFlag(raw, flag) {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0) fail(`${flag} must be a number of seconds ≥ 0, got ${JSON.stringify(raw)}. ${USAGE}`);
  return value * 1000;
}

let args;
try {
  args = parseArgs({
    options: {
      static: { type: 'string' },
      retention: { type: 'string' },
      'keep-alive': { type: 'string' },
      'circuits-file': { type: 'string' },
      'no-csp': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const rawPort = process.env.PORT ?? String(DEFAULT_PORT);
const port = Number(rawPort);
if (!/^\d+$/.test(rawPort) || port > 65535) fail(`PORT must be a port number (0-65535), got ${JSON.stringify(rawPort)}.`);

const retentionMs = secondsFlag(args.retention, '--retention');
const staticDir = args.static === undefined ? undefined : resolve(args.static);
if (staticDir !== undefined && !statSync(staticDir, { throwIfNoEntry: false })?.isDirectory()) {
  fail(`--static must name a folder (your app's build output), got ${JSON.stringify(args.static)}.`);
}
const keepAliveMs = secondsFlag(args['keep-alive'], '--keep-alive');
const time = () => new Date().toISOString().slice(11, 23);

/** @type {Awaited<ReturnType<typeof startDemoServer>> | undefined} */
let demo;
try {
  demo = await startDemoServer({
    port,
    retentionMs,
    staticDir,
    circuitsFile: args['circuits-file'] === undefined ? undefined : resolve(args['circuits-file']),
    keepAliveIntervalMs: keepAliveMs === 0 ? undefined : keepAliveMs,
    csp: !args['no-csp'],
    print: args.quiet ? undefined : (line) => console.log(`${time()} ${line}`),
  });
} catch (error) {
  const code = /** @type {{ code?: unknown }} */ (error).code;
  if (code === 'EADDRINUSE') fail(`port ${port} is already in use on 127.0.0.1; set PORT to another port, e.g. PORT=${port === 65535 ? 5001 : port + 1} npm run demo`);
  if (code === 'EACCES') fail(`not allowed to listen on port ${port}; set PORT to a port above 1023, e.g. PORT=5000 npm run demo`);
  fail(`could not start: ${error instanceof Error ? error.message : String(error)}`);
}

if (demo === undefined) fail('could not start');
const running = demo;
const retention = retentionMs === undefined ? '3 min' : `${retentionMs / 1000} s`;
console.log(`circuit-reconnect demo on ${running.url}/ (circuit retention ${retention}; Ctrl+C to stop)`);
if (staticDir !== undefined) console.log(`demo: serving ${staticDir} at ${running.url}/ beside the hubs (/_blazor, /signalr, /hub)`);
if (!running.distBuilt) console.log('demo: dist/circuit-reconnect.js is missing; run `npm run build` (npm run demo does it) or the pages cannot load the library');

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  await running.close();
  console.log(`demo server stopped (${signal})`);
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
