import { HubMethodError } from './hub-method-error';

/**
 * The first start was refused: the hub answered `StartCircuit` with no circuit id, or with an
 * error (then `cause` is the {@link HubMethodError}, and the message quotes the hub's answer and
 * says what a plain SignalR hub needs).
 */
export class CircuitRefusedError extends Error {
  override readonly name = 'CircuitRefusedError';

  constructor(options?: { cause?: unknown }) {
    const cause = options?.cause;
    super(
      cause instanceof HubMethodError
        ? `The server refused the circuit (${cause.message}). If this is a plain SignalR hub ` +
            `without the circuit contract, start with circuitHandshake: false.`
        : 'The server refused the circuit.',
      options,
    );
  }
}
