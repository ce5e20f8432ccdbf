/** The hub answered `StartCircuit` with no circuit id: the server is up but will not host us. */
export class CircuitRefusedError extends Error {
  override readonly name = 'CircuitRefusedError';

  constructor(options?: { cause?: unknown }) {
    super('The server refused the circuit.', options);
  }
}
