import { CircuitNotInitializedError } from '../../errors/circuit-not-initialized-error';

/** What `Blazor.reconnect()` needs of the started circuit. */
export interface Reconnectable {
  reconnect(): Promise<boolean>;
}

let current: Reconnectable | undefined;

/**
 * Records the circuit `start()` made. A `DefaultReconnectionHandler` built by the page without a
 * `reconnect` callback reconnects this one, as Blazor's handler defaults to `Blazor.reconnect`.
 */
export const setCurrentCircuit = (circuit: Reconnectable): void => {
  current = circuit;
};

/** `circuit.reconnect()`; rejects with "Circuit host not initialized." when there is no circuit yet. */
export const reconnectCircuit = (circuit: Reconnectable | undefined): Promise<boolean> =>
  circuit ? circuit.reconnect() : Promise.reject(new CircuitNotInitializedError());

/** `reconnect()` of the started circuit; rejects with "Circuit host not initialized." before `start()`. */
export const reconnectCurrentCircuit = (): Promise<boolean> => reconnectCircuit(current);
