/**
 * `invoke`, `send` or `stream` on a circuit handle while its connection is not up. The call is
 * refused at once rather than queued: a message queued through an outage could run long after
 * the page stopped expecting it, or twice if the server got it before the drop. Wait for
 * `state === 'connected'` (`onStateChange`) and call again.
 */
export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
  /** The hub method the page called, e.g. `Echo`. */
  readonly method: string;
  /** The handle's state when the call was made: a `Circuit['state']` other than `connected`. */
  readonly state: string;

  constructor(operation: 'invoke' | 'send' | 'stream', method: string, state: string) {
    super(`Cannot ${operation} '${method}': the circuit is ${state}, not connected.`);
    this.method = method;
    this.state = state;
  }
}
