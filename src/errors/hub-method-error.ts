/**
 * The server was reached and answered a hub method (`StartCircuit`, `ConnectCircuit`) with an
 * error, e.g. because the hub has no such method: usually a server that does not implement the
 * circuit contract (use `circuitHandshake: false` for a plain hub). The message quotes the hub's
 * answer.
 */
export class HubMethodError extends Error {
  override readonly name = 'HubMethodError';
  /** The hub method that failed, e.g. `StartCircuit`. */
  readonly method: string;

  constructor(method: string, options: { cause: unknown }) {
    const answer = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`${method} failed on the server: "${answer}"`, options);
    this.method = method;
  }
}
