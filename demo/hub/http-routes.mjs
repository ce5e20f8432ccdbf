// @ts-check
/**
 * The HTTP side of a hub endpoint at `<path>`:
 * - `POST <path>/negotiate?negotiateVersion=1` → connection id and token, WebSockets only
 * - `POST <path>/disconnect` (circuit endpoints) → the beacon that drops a circuit at once
 * - `GET <path>/initializers` (circuit endpoints) → `[]`, what blazor.server.js fetches when it
 *   was not given `initializers`
 * - anything else under the endpoint → 404/405, so a misrouted client fails loudly.
 */
import { randomBytes } from 'node:crypto';
import { BodyTooLargeError, parseForm, readBody } from './form.mjs';

/** A negotiated token not used for a WebSocket within this time is forgotten. */
export const TOKEN_LIFETIME_MS = 60_000;

/**
 * @typedef {object} Endpoint
 * @property {string} path
 * @property {import('./methods.mjs').EndpointKind} kind
 */

/**
 * @typedef {object} RouteContext
 * @property {import('./log.mjs').HubLog} log
 * @property {import('./faults.mjs').FaultState} faults
 * @property {import('./circuits.mjs').CircuitRegistry} circuits
 * @property {Map<string, { connectionId: string, path: string, createdAt: number }>} tokens
 */

/** @returns {string} 128 random bits, base64url */
export function newToken() {
  return randomBytes(16).toString('base64url');
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string | object} body text, or an object sent as JSON
 * @param {Record<string, string>} [headers]
 */
export function send(res, status, body, headers = {}) {
  const json = typeof body !== 'string';
  const payload = json ? JSON.stringify(body) : body;
  res.writeHead(status, {
    'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

/**
 * Handles a request under `endpoint.path` (the caller matched the prefix).
 * @param {RouteContext} ctx
 * @param {Endpoint} endpoint
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 */
export async function handleEndpointRequest(ctx, endpoint, req, res, url) {
  const rest = url.pathname.slice(endpoint.path.length);
  if (ctx.faults.isDown) {
    if (rest === '/negotiate') {
      ctx.log.count('negotiationsRefused');
      ctx.log.add('negotiate', { path: endpoint.path, status: 503 });
    }
    // No Retry-After: a server that is down says nothing of when it is back (an outage, retried
    // by the policy). A server shedding load does: reject-negotiation with retryAfter.
    send(res, 503, 'Service Unavailable (the hub is down).');
    return;
  }
  if (rest === '/negotiate') return negotiate(ctx, endpoint, req, res, url);
  if (rest === '/disconnect' && endpoint.kind === 'circuit') return disconnect(ctx, endpoint, req, res);
  if (rest === '/initializers' && endpoint.kind === 'circuit') {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', { Allow: 'GET' });
    return send(res, 200, []);
  }
  if (rest === '') return send(res, 400, 'This endpoint only accepts WebSocket requests (the only transport negotiated).');
  send(res, 404, 'Not Found');
}

/**
 * @param {RouteContext} ctx
 * @param {Endpoint} endpoint
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 */
function negotiate(ctx, endpoint, req, res, url) {
  if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed', { Allow: 'POST' });
  req.resume();
  const forced = ctx.faults.forcedNegotiateStatus(endpoint.path);
  if (forced !== undefined) {
    ctx.log.count('negotiationsRefused');
    const retryAfter = ctx.faults.forcedRetryAfter(endpoint.path);
    ctx.log.add('negotiate', { path: endpoint.path, status: forced, ...(retryAfter === undefined ? {} : { retryAfter }) });
    return send(res, forced, `Negotiation refused (${forced}).`, retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) });
  }
  sweepTokens(ctx.tokens);
  const requested = Number(url.searchParams.get('negotiateVersion') ?? '0');
  const version = Number.isInteger(requested) && requested >= 1 ? 1 : 0;
  const connectionId = newToken();
  // Version 0 has no separate token: the client connects with the connection id.
  const token = version === 1 ? newToken() : connectionId;
  ctx.tokens.set(token, { connectionId, path: endpoint.path, createdAt: Date.now() });
  ctx.log.count('negotiations');
  ctx.log.add('negotiate', { path: endpoint.path, status: 200, connectionId });
  const transports = [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }];
  send(res, 200, version === 1
    ? { negotiateVersion: 1, connectionId, connectionToken: token, availableTransports: transports }
    : { negotiateVersion: 0, connectionId, availableTransports: transports });
}

/**
 * @param {RouteContext} ctx
 * @param {Endpoint} endpoint
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function disconnect(ctx, endpoint, req, res) {
  if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed', { Allow: 'POST' });
  let body;
  try {
    body = await readBody(req);
  } catch (error) {
    return send(res, error instanceof BodyTooLargeError ? 413 : 400, 'Bad Request');
  }
  const circuitId = parseForm(req.headers['content-type'], body).get('circuitId');
  ctx.log.count('beacons');
  if (circuitId === undefined || circuitId === '') {
    ctx.log.add('beacon', { path: endpoint.path, status: 400, known: false });
    return send(res, 400, 'Missing circuitId form field.');
  }
  const known = ctx.circuits.drop(circuitId);
  ctx.log.add('beacon', { path: endpoint.path, status: 200, circuitId, known });
  send(res, 200, '');
}

/** @param {RouteContext['tokens']} tokens */
function sweepTokens(tokens) {
  const oldest = Date.now() - TOKEN_LIFETIME_MS;
  for (const [token, entry] of tokens) {
    if (entry.createdAt < oldest) tokens.delete(token);
  }
}
