// Byte budgets, enforced by `npm run size` inside `npm test` (size-limit 12 with @size-limit/file,
// brotli quality 11; 1 kB = 1000 B).
//
// What is measured:
// - ES module core: what the README's ES-module quick start imports (`start, StartFailedError`),
//   bundled as an application's bundler would (rollup tree-shaking, SignalR external) and minified
//   (terser). This is what an application using circuit-reconnect ships: start(), the circuit,
//   the reconnection process, the default dialog and the default retry policy.
// - ES module, every export: dist/index.mjs minified whole, i.e. an application that also imports
//   exponentialBackoff (with its option validation), blazorDefaultRetryInterval and the constants.
// - Script tag: dist/circuit-reconnect.min.js, SignalR included.
//
// TARGETS are issue 5's budgets: ES module core at most 6 kB; script tag at most SignalR's own
// signalr.min.js + 7 kB. CEILINGS are what this file enforces: the target where it holds; for the
// whole ES module (which has no target of its own) the measured size plus a little headroom, so
// that growth fails `npm test`. Lower the ceilings as the code shrinks; never raise them to make a
// change pass. `npm run bench` prints the verdict against the targets.
import { CORE_IMPORT, CORE_MIN, ESM_MIN, IIFE_MIN, signalRBrotliBytes, writeMinifiedCore, writeMinifiedEsm } from './bench/size-helpers.mjs';

await writeMinifiedEsm();
await writeMinifiedCore();
const signalR = signalRBrotliBytes();

export const TARGETS = { esmCore: 6000, scriptTagAboveSignalR: 7000 };
export const CEILINGS = { esmCore: 6000, esmAllExports: 6500, scriptTagAboveSignalR: 7000 };

export default [
  {
    name: `ES module core ({ ${CORE_IMPORT} } from dist/index.mjs, bundled and minified, SignalR external); target ${TARGETS.esmCore} B`,
    path: CORE_MIN,
    limit: `${CEILINGS.esmCore} B`,
  },
  {
    name: 'ES module, every export (dist/index.mjs minified, SignalR external)',
    path: ESM_MIN,
    limit: `${CEILINGS.esmAllExports} B`,
  },
  {
    name: `Script tag (dist/circuit-reconnect.min.js incl. SignalR ${signalR} B); target SignalR + ${TARGETS.scriptTagAboveSignalR} B`,
    path: IIFE_MIN,
    limit: `${signalR + CEILINGS.scriptTagAboveSignalR} B`,
  },
];
