// @ts-check
/**
 * The demo's control API over the hub's fault switches, for the on-page panel and for tests:
 *
 *   POST /control/drop                        every hub socket closed abruptly
 *   POST /control/down?seconds=N[&extend=true] negotiations and upgrades refused (503) for N s
 *                                             (extend: N s more than an outage under way)
 *   POST /control/restart                     every circuit forgotten, sockets dropped
 *   POST /control/reject-next                 the next ConnectCircuit answers false
 *   POST /control/slow?ms=N                   every hub frame delayed by N ms (0 = off)
 *   POST /control/flap?seconds=N              drop every second for N s
 *   POST /control/refuse-starts?on=true|false StartCircuit answers null
 *   POST /control/reject-negotiation?status=401&path=/hub   (status=0 turns it off;
 *                                             &retryAfter=S adds Retry-After: S, e.g. status=429)
 *   POST /control/close?error=text&allowReconnect=true      graceful Close message
 *   POST /control/push?text=…                 Message(text) to every circuit connection
 *   POST /control/reset                       every fault cleared, log and counters emptied
 *   GET  /control/status                      { counters, faults, connections, circuits (held),
 *                                             connectedCircuits (with a live connection) }
 *   GET  /control/log                         the same plus `entries`, the hub's whole log
 *
 * Answers JSON: `{ ok: true, action }` or `{ ok: false, error }` (400 bad input, 405 wrong method,
 * 403 cross-origin). The log may contain circuit ids: it is a local test aid, never printed.
 */

/**
 * @param {import('./hub/hub.mjs').Hub} hub
 */
export function createControlHandler(hub) {
  /** @type {Record<string, (q: URLSearchParams) => unknown>} */
  const actions = {
    drop: () => hub.drop(),
    down: (q) => hub.down(seconds(q, 'seconds') * 1000, { extend: q.get('extend') === 'true' }),
    restart: () => hub.restart(),
    'reject-next': () => hub.rejectNext(),
    slow: (q) => hub.slow(number(q, 'ms')),
    flap: (q) => hub.flap(seconds(q, 'seconds')),
    'refuse-starts': (q) => hub.refuseStarts(q.get('on') !== 'false'),
    'reject-negotiation': (q) => {
      const status = number(q, 'status');
      hub.rejectNegotiation(status === 0 ? null : status, q.get('path') ?? undefined, q.has('retryAfter') ? number(q, 'retryAfter') : undefined);
    },
    close: (q) => hub.closeConnections({
      ...(q.has('error') ? { error: q.get('error') ?? '' } : {}),
      ...(q.has('allowReconnect') ? { allowReconnect: q.get('allowReconnect') === 'true' } : {}),
    }),
    push: (q) => hub.push(q.get('text') ?? ''),
    reset: () => hub.reset({ log: true }),
  };

  /**
   * Handles `/control/*`; returns false for other paths.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  return function handleControl(req, res, url) {
    if (!url.pathname.startsWith('/control/')) return false;
    const name = url.pathname.slice('/control/'.length);
    if (!isSameOrigin(req)) return reply(res, 403, { ok: false, error: 'Cross-origin control requests are refused.' });
    if (name === 'log' || name === 'status') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { ok: false, error: 'Use GET.' }, { Allow: 'GET' });
      const status = {
        counters: hub.log.counters,
        faults: {
          down: hub.faults.isDown,
          downRemainingMs: hub.faults.downRemainingMs,
          slowMs: hub.faults.slowMs,
          flapping: hub.faults.isFlapping,
          rejectNext: hub.faults.rejectNextCount,
          refuseStarts: hub.faults.refuseStarts,
          negotiateStatus: Object.fromEntries(hub.faults.negotiateStatus),
        },
        connections: hub.connectionCount,
        circuits: hub.circuits.size,
        connectedCircuits: hub.circuits.connectedCount,
      };
      return reply(res, 200, name === 'log' ? { ...status, entries: hub.log.entries() } : status);
    }
    const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
    if (action === undefined) return reply(res, 404, { ok: false, error: `No control action '${name}'.` });
    if (req.method !== 'POST') return reply(res, 405, { ok: false, error: 'Use POST.' }, { Allow: 'POST' });
    req.resume();
    try {
      action(url.searchParams);
    } catch (error) {
      return reply(res, 400, { ok: false, error: error instanceof Error ? error.message : String(error) });
    }
    return reply(res, 200, { ok: true, action: name, query: Object.fromEntries(url.searchParams) });
  };
}

/** @param {URLSearchParams} q @param {string} name */
function number(q, name) {
  const raw = q.get(name);
  const value = raw === null || raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) throw new RangeError(`Query parameter '${name}' must be a number, got ${JSON.stringify(raw)}.`);
  return value;
}

/** @param {URLSearchParams} q @param {string} name */
function seconds(q, name) {
  const value = number(q, name);
  if (value <= 0) throw new RangeError(`Query parameter '${name}' must be more than 0, got ${value}.`);
  return value;
}

/**
 * A browser sends Origin on cross-origin POSTs; a page elsewhere must not drive the demo's faults.
 * @param {import('node:http').IncomingMessage} req
 */
function isSameOrigin(req) {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 * @returns {true}
 */
function reply(res, status, body, headers = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(payload);
  return true;
}
