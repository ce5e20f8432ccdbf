// Byte budgets, enforced by `npm run size` inside `npm test` (size-limit 12 with @size-limit/file,
// brotli quality 11; 1 kB = 1000 B). They guard against regressions: readable code and features
// come first, bytes second, and a budget is never a reason to remove a feature.
//
// What is measured:
// - ES module core: what the README's ES-module quick start imports (`start, StartFailedError`),
//   bundled as an application's bundler would (rollup tree-shaking, SignalR external) and minified
//   (terser). This is what an application using circuit-reconnect ships: start(), the circuit,
//   the reconnection core, the default dialog and the default retry policy.
// - ES module, every export: dist/index.mjs minified whole (also the Blazor handler factory,
//   exponentialBackoff with its option validation, blazorDefaultRetryInterval and the constants).
// - Script tag: dist/circuit-reconnect.min.js, SignalR included.
// - Blazor handler script: dist/circuit-reconnect.blazor.min.js, no SignalR (Blazor brings it).
//
// Raise a budget only with the reason in the commit; `npm run bench` prints what each capability costs.
import { CORE_IMPORT, CORE_MIN, ESM_MIN, IIFE_MIN, signalRBrotliBytes, writeMinifiedCore, writeMinifiedEsm } from './bench/size-helpers.mjs';

await writeMinifiedEsm();
await writeMinifiedCore();
const signalR = signalRBrotliBytes();

export const BLAZOR_MIN = 'dist/circuit-reconnect.blazor.min.js';
export const BUDGETS = { esmCore: 13_250, esmAllExports: 14_950, scriptTagAboveSignalR: 13_250, blazorHandler: 11_700 };

export default [
  {
    name: `ES module core ({ ${CORE_IMPORT} } from dist/index.mjs, bundled and minified, SignalR external)`,
    path: CORE_MIN,
    limit: `${BUDGETS.esmCore} B`,
  },
  {
    name: 'ES module, every export (dist/index.mjs minified, SignalR external)',
    path: ESM_MIN,
    limit: `${BUDGETS.esmAllExports} B`,
  },
  {
    name: `Script tag (dist/circuit-reconnect.min.js incl. SignalR ${signalR} B); budget SignalR + ${BUDGETS.scriptTagAboveSignalR} B`,
    path: IIFE_MIN,
    limit: `${signalR + BUDGETS.scriptTagAboveSignalR} B`,
  },
  {
    name: 'Blazor handler script (dist/circuit-reconnect.blazor.min.js, no SignalR)',
    path: BLAZOR_MIN,
    limit: `${BUDGETS.blazorHandler} B`,
  },
];
