import { CircuitNotInitializedError } from '../errors/circuit-not-initialized-error';

/** What `Blazor.reconnect()` needs of the started circuit. */
export interface Reconnectable {
  reconnect(): Promise<boolean>;
}

let current: Reconnectable | undefined;

/**
 * The circuit `start()` made. A `DefaultReconnectionHandler` built by the page without a
 * `reconnect` callback reconnects this one, as Blazor's handler defaults to `Blazor.reconnect`.
 */
export function setCurrentCircuit(circuit: Reconnectable | undefined): void {
  current = circuit;
}

/** `circuit.reconnect()`; rejects with "Circuit host not initialized." when there is no circuit yet. */
export function reconnectCircuit(circuit: Reconnectable | undefined): Promise<boolean> {
  return circuit ? circuit.reconnect() : Promise.reject(new CircuitNotInitializedError());
}

/** `reconnect()` of the started circuit; rejects with "Circuit host not initialized." before `start()`. */
export function reconnectCurrentCircuit(): Promise<boolean> {
  return reconnectCircuit(current);
}
