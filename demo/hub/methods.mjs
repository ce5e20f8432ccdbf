// @ts-check
/**
 * The hub methods clients may invoke, by endpoint kind.
 *
 * `circuit` is Blazor's ComponentHub contract (reference §4): StartCircuit, ConnectCircuit and the
 * .NET 10 PauseCircuit/ResumeCircuit. A connection carries at most one circuit, as in Blazor.
 * `stateless` is for clients started with `circuitHandshake: false`: Echo, and Send, a chat.
 */
import { HubMethodError } from './connection.mjs';

/**
 * @typedef {object} MethodContext
 * @property {import('./circuits.mjs').CircuitRegistry} circuits
 * @property {import('./faults.mjs').FaultState} faults
 * @property {import('./log.mjs').HubLog} log
 * @property {Map<string, string>} circuitByConnection connection id → its circuit id
 * @property {(paths: string[], target: string, args: unknown[]) => void} broadcast sends to every
 *   ready connection on those endpoints
 */

/**
 * @typedef {object} HubMethod
 * @property {number} arity the argument count the method binds to (checked like ASP.NET does)
 * @property {(ctx: MethodContext, connection: import('./connection.mjs').HubSocket, args: unknown[]) => unknown} run
 */

/** @type {Record<string, HubMethod>} */
const common = {
  Echo: { arity: 1, run: (_ctx, _connection, [value]) => value },
};

/** @type {Record<string, HubMethod>} */
const circuitMethods = {
  ...common,

  StartCircuit: {
    arity: 4,
    run(ctx, connection, [baseUri, uri]) {
      const refuse = (/** @type {string} */ reason) => {
        ctx.log.add('circuit', { path: connection.path, connectionId: connection.connectionId, event: 'refused', error: reason });
        return null;
      };
      if (ctx.faults.refuseStarts) return refuse('refuseStarts is on');
      if (ctx.circuitByConnection.has(connection.connectionId)) return refuse('this connection already has a circuit');
      if (!isAbsoluteUrl(baseUri) || !isAbsoluteUrl(uri) || !uri.startsWith(baseUri)) {
        return refuse('baseUri and uri must be absolute URLs, uri under baseUri');
      }
      const id = ctx.circuits.start(connection.connectionId, { baseUri, uri });
      ctx.circuitByConnection.set(connection.connectionId, id);
      return id;
    },
  },

  ConnectCircuit: {
    arity: 1,
    run(ctx, connection, [circuitId]) {
      const reject = () => {
        ctx.log.count('circuitsRejected');
        ctx.log.add('circuit', { path: connection.path, connectionId: connection.connectionId, event: 'rejected', circuitId: typeof circuitId === 'string' ? circuitId : undefined });
        return false;
      };
      if (typeof circuitId !== 'string' || circuitId === '') return reject();
      const current = ctx.circuitByConnection.get(connection.connectionId);
      if (current !== undefined && current !== circuitId) return reject();
      if (ctx.faults.takeRejection()) return reject();
      if (!ctx.circuits.connect(circuitId, connection.connectionId)) return reject();
      // The circuit may have been on another live connection: that one no longer carries it.
      for (const [connectionId, id] of ctx.circuitByConnection) {
        if (id === circuitId) ctx.circuitByConnection.delete(connectionId);
      }
      ctx.circuitByConnection.set(connection.connectionId, circuitId);
      return true;
    },
  },

  PauseCircuit: {
    arity: 0,
    run(ctx, connection) {
      ctx.circuitByConnection.delete(connection.connectionId);
      return ctx.circuits.pause(connection.connectionId);
    },
  },

  ResumeCircuit: {
    arity: 5,
    run(ctx, connection, [circuitId, baseUri, uri]) {
      if (ctx.circuitByConnection.has(connection.connectionId)) return null;
      if (typeof circuitId !== 'string' || !isAbsoluteUrl(baseUri) || !isAbsoluteUrl(uri)) return null;
      const id = ctx.circuits.resume(circuitId, connection.connectionId, { baseUri, uri });
      if (id === null) return null;
      for (const [connectionId, held] of ctx.circuitByConnection) {
        if (held === circuitId) ctx.circuitByConnection.delete(connectionId);
      }
      ctx.circuitByConnection.set(connection.connectionId, id);
      return id;
    },
  },
};

/** @type {Record<string, HubMethod>} */
const statelessMethods = {
  ...common,
  // The ASP.NET Core sample's ChatHub.Send: Message(user, text) to everyone on this endpoint.
  Send: {
    arity: 2,
    run(ctx, connection, [user, text]) {
      ctx.broadcast([connection.path], 'Message', [user, text]);
      return null;
    },
  },
};

/** @typedef {'circuit' | 'stateless'} EndpointKind */

/** @param {EndpointKind} kind */
export function methodsFor(kind) {
  return kind === 'circuit' ? circuitMethods : statelessMethods;
}

/**
 * Looks the method up (case-insensitively, as SignalR does), checks the argument count and runs it.
 * @param {Record<string, HubMethod>} methods
 * @param {MethodContext} ctx
 * @param {import('./connection.mjs').HubSocket} connection
 * @param {string} name
 * @param {unknown[]} args
 */
export function invoke(methods, ctx, connection, name, args) {
  const key = Object.keys(methods).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const method = key === undefined ? undefined : methods[key];
  if (method === undefined) throw new HubMethodError('Method does not exist.');
  if (args.length !== method.arity) {
    throw new HubMethodError(`Invocation provides ${args.length} argument(s) but target expects ${method.arity}.`);
  }
  return method.run(ctx, connection, args);
}

/** @param {unknown} value @returns {value is string} */
function isAbsoluteUrl(value) {
  return typeof value === 'string' && URL.canParse(value);
}
