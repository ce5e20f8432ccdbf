/**
 * The server was reached and answered a hub method (`StartCircuit`, `ConnectCircuit`) with an
 * error, e.g. because the hub has no such method: usually a server that does not implement the
 * circuit contract (use `circuitHandshake: false` for a plain hub).
 */
export class HubMethodError extends Error {
  override readonly name = 'HubMethodError';
  // Declared, not defined: the constructor assigns them, so no class field is emitted for them.
  /** The hub method that failed, e.g. `StartCircuit`. */
  declare readonly method: string;

  constructor(method: string, options: { cause: unknown }) {
    super(`${method} failed on the server.`, options);
    this.method = method;
  }
}
