// @ts-check
/**
 * A SignalR hub server over `ws`, with one or more endpoints sharing one circuit registry, one
 * log and one set of faults (their controls: fault-controls.mjs). `createHub()` builds it;
 * `attach(server)` wires it to an `http.Server`. See index.d.mts for the typed public surface.
 */
import { WebSocketServer } from 'ws';
import { CircuitRegistry } from './circuits.mjs';
import { openCircuitsFile } from './circuits-file.mjs';
import { HubSocket } from './connection.mjs';
import { faultControls } from './fault-controls.mjs';
import { FaultState, checkNumber } from './faults.mjs';
import { handleEndpointRequest, newToken, send } from './http-routes.mjs';
import { HubLog } from './log.mjs';
import { invoke, methodsFor } from './methods.mjs';
import { invocationMessage } from './protocol.mjs';

/** @typedef {import('./http-routes.mjs').Endpoint} Endpoint */

/**
 * @typedef {object} HubOptions
 * @property {Endpoint[]} [endpoints] default: one circuit endpoint at `/_blazor`
 * @property {number} [retentionMs] how long a disconnected circuit is kept (default 3 minutes)
 * @property {number} [keepAliveIntervalMs] server → client ping period (default 15 000)
 * @property {number} [handshakeTimeoutMs] (default 15 000)
 * @property {HubLog} [log]
 * @property {string} [circuitsFile] keep the circuits in this file across restarts (circuits-file.mjs)
 */

const CIRCUIT_EVENT_COUNTERS = /** @type {const} */ ({
  started: 'circuitsStarted',
  connected: 'circuitsConnected',
  expired: 'circuitsExpired',
  dropped: 'circuitsDropped',
});

/** @param {HubOptions} [options] */
export function createHub(options = {}) {
  const endpoints = (options.endpoints ?? [{ path: '/_blazor', kind: 'circuit' }]).map(checkEndpoint);
  const keepAliveIntervalMs = checkNumber(options.keepAliveIntervalMs ?? 15_000, 'keepAliveIntervalMs', { min: 1 });
  const handshakeTimeoutMs = checkNumber(options.handshakeTimeoutMs ?? 15_000, 'handshakeTimeoutMs', { min: 1 });
  const log = options.log ?? new HubLog();
  const faults = new FaultState();
  /** @type {Map<string, string>} connection id → circuit id */
  const circuitByConnection = new Map();
  const circuitsFile = options.circuitsFile === undefined ? undefined : openCircuitsFile(options.circuitsFile);
  const circuits = new CircuitRegistry({
    retentionMs: options.retentionMs,
    onEvent(event, circuitId) {
      circuitsFile?.record(event, circuitId);
      const counter = /** @type {Record<string, keyof import('./log.mjs').HubCounters>} */ (CIRCUIT_EVENT_COUNTERS)[event];
      if (counter !== undefined) log.count(counter);
      log.add('circuit', { event, circuitId });
      if (event === 'expired' || event === 'dropped' || event === 'forgotten' || event === 'paused') {
        for (const [connectionId, id] of circuitByConnection) if (id === circuitId) circuitByConnection.delete(connectionId);
      }
    },
  });
  for (const id of circuitsFile?.ids ?? []) circuits.adopt(id);
  /** @type {Map<string, { connectionId: string, path: string, createdAt: number }>} */
  const tokens = new Map();
  /** @type {Set<HubSocket>} */
  const sockets = new Set();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  /**
   * Sends `target(...args)` to every ready connection on `paths`, as `Clients.All.SendAsync` does:
   * a connection that is down misses it (no buffer across connections).
   * @param {string[]} paths
   * @param {string} target
   * @param {unknown[]} args
   */
  const broadcast = (paths, target, args) => {
    for (const socket of sockets) if (socket.isReady && paths.includes(socket.path)) socket.send(invocationMessage(target, args));
  };
  const methodContext = { circuits, faults, log, circuitByConnection, broadcast };
  const routeContext = { log, faults, circuits, tokens };
  /** @type {(() => void)[]} */
  const detachers = [];
  let closed = false;

  /** @param {string} pathname */
  const endpointFor = (pathname) =>
    endpoints.find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`));

  /** @param {string} by */
  const terminateAll = (by) => {
    for (const socket of sockets) socket.terminate(by);
  };

  /**
   * Serves a hub HTTP request. Returns false when the path is not a hub endpoint's.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function handleRequest(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const endpoint = endpointFor(url.pathname);
    if (endpoint === undefined) return false;
    handleEndpointRequest(routeContext, endpoint, req, res, url).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
    return true;
  }

  /**
   * Accepts or refuses a WebSocket upgrade. Returns false when the path is not a hub endpoint's.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:stream').Duplex} socket
   * @param {Buffer} head
   */
  function handleUpgrade(req, socket, head) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const endpoint = endpoints.find((e) => url.pathname === e.path);
    if (endpoint === undefined) return false;
    const refuse = (/** @type {number} */ status, /** @type {string} */ reason) => {
      log.count('upgradesRejected');
      log.add('upgrade-rejected', { path: endpoint.path, status, error: reason });
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    const forced = faults.forcedNegotiateStatus(endpoint.path);
    if (closed || faults.isDown) {
      refuse(503, 'Service Unavailable');
      return true;
    }
    if (forced !== undefined) {
      refuse(forced, 'Refused');
      return true;
    }
    const token = url.searchParams.get('id');
    const entry = token === null ? undefined : tokens.get(token);
    if (token !== null && (entry === undefined || entry.path !== endpoint.path)) {
      refuse(404, 'Not Found');
      return true;
    }
    if (token !== null) tokens.delete(token);
    // Without an id the client skipped negotiation; ASP.NET Core accepts that for WebSockets.
    const connectionId = entry?.connectionId ?? newToken();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const methods = methodsFor(endpoint.kind);
      const connection = new HubSocket({
        ws,
        connectionId,
        path: endpoint.path,
        log,
        keepAliveIntervalMs,
        handshakeTimeoutMs,
        delayMs: () => faults.slowMs,
        dispatch: (conn, method, args) => invoke(methods, methodContext, conn, method, args),
        onClosed(conn) {
          sockets.delete(conn);
          circuitByConnection.delete(conn.connectionId);
          circuits.detach(conn.connectionId);
        },
      });
      sockets.add(connection);
      log.count('connections');
      log.add('connect', { path: endpoint.path, connectionId });
    });
    return true;
  }

  const hub = {
    log,
    circuits,
    faults,
    get endpoints() {
      return endpoints.map((e) => ({ ...e }));
    },
    /** Open hub connections. */
    get connectionCount() {
      return sockets.size;
    },
    handleRequest,
    handleUpgrade,

    /**
     * The app talks to its circuits' pages: `Message(text)` to every connection on a circuit
     * endpoint (the ASP.NET Core sample's `POST /push`).
     * @param {string} text
     */
    push(text) {
      broadcast(endpoints.filter((e) => e.kind === 'circuit').map((e) => e.path), 'Message', [text]);
    },

    /**
     * Serves hub requests and upgrades on `server`; other requests go to `fallback` (404 without
     * one), other upgrades are refused. Use it on a server created without a request listener.
     * @param {import('node:http').Server} server
     * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} [fallback]
     */
    attach(server, fallback) {
      /** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
      const onRequest = (req, res) => {
        if (handleRequest(req, res)) return;
        if (fallback) fallback(req, res);
        else send(res, 404, 'Not Found');
      };
      /** @type {(req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void} */
      const onUpgrade = (req, socket, head) => {
        if (handleUpgrade(req, socket, head)) return;
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        socket.destroy();
      };
      server.on('request', onRequest);
      server.on('upgrade', onUpgrade);
      detachers.push(() => {
        server.off('request', onRequest);
        server.off('upgrade', onUpgrade);
      });
      return hub;
    },

    ...faultControls({ faults, log, circuits, tokens, circuitByConnection, sockets }),

    /**
     * Stops serving: Close messages to every client, sockets ended (abruptly after `graceMs`),
     * every timer cleared, listeners detached. Does not close the http.Server.
     * @param {{ graceMs?: number }} [closeOptions]
     */
    async close(closeOptions = {}) {
      if (closed) return;
      closed = true;
      faults.dispose();
      for (const detach of detachers.splice(0)) detach();
      const open = [...sockets];
      const allClosed = Promise.all(open.map((s) => s.ended));
      for (const socket of open) socket.close({ error: 'Server is shutting down.', allowReconnect: true });
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      await Promise.race([allClosed, new Promise((resolve) => { timer = setTimeout(resolve, closeOptions.graceMs ?? 1000); })]);
      clearTimeout(timer);
      terminateAll('server');
      circuits.dispose();
      circuitsFile?.close();
      tokens.clear();
      wss.close();
    },
  };
  return hub;
}

/** @typedef {ReturnType<typeof createHub>} Hub */

/** @param {Endpoint} endpoint @returns {Endpoint} */
function checkEndpoint(endpoint) {
  const { path, kind } = endpoint;
  if (typeof path !== 'string' || !path.startsWith('/') || (path.length > 1 && path.endsWith('/'))) {
    throw new TypeError(`endpoint path must start with "/" and not end with one, got ${JSON.stringify(path)}.`);
  }
  if (kind !== 'circuit' && kind !== 'stateless') {
    throw new TypeError(`endpoint kind must be "circuit" or "stateless", got ${JSON.stringify(kind)}.`);
  }
  return { path, kind };
}
