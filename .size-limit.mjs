// Byte budgets, enforced by `npm run size` (size-limit 12 with @size-limit/file, which measures
// brotli at quality 11 by default). Limits use size-limit's units: 1 kB = 1000 B.
// - The ES module core, minified as an application's bundler would (terser; SignalR stays an
//   import): at most 6 kB.
// - The script-tag build (SignalR bundled in): at most SignalR's own signalr.min.js + 7 kB, so
//   what we add on top of SignalR is budgeted whatever SignalR's version weighs.
import { ESM_MIN, IIFE_MIN, signalRBrotliBytes, writeMinifiedEsm } from './bench/size-helpers.mjs';

await writeMinifiedEsm();
const signalR = signalRBrotliBytes();

export default [
  {
    name: 'ES module core (dist/index.mjs minified, SignalR external)',
    path: ESM_MIN,
    limit: '6 kB',
  },
  {
    name: `Script tag (dist/circuit-reconnect.min.js incl. SignalR ${signalR} B)`,
    path: IIFE_MIN,
    limit: `${signalR + 7000} B`,
  },
];
