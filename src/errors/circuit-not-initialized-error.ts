/** `reconnect()` before `start()` was called; Blazor's message. */
export class CircuitNotInitializedError extends Error {
  override readonly name = 'CircuitNotInitializedError';

  constructor() {
    super('Circuit host not initialized.');
  }
}
