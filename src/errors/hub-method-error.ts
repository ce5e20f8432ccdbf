/**
 * The server was reached and answered a hub method (`StartCircuit`, `ConnectCircuit`) with an
 * error, e.g. because the hub has no such method: usually a server that does not implement the
 * circuit contract (use `circuitHandshake: false` for a plain hub).
 */
export class HubMethodError extends Error {
  override readonly name = 'HubMethodError';

  constructor(
    readonly method: string,
    options: { cause: unknown },
  ) {
    super(`The hub method ${method} failed on the server.`, options);
  }
}
