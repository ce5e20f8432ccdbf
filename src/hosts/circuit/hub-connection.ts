import type { HubConnectionState } from '@microsoft/signalr';

/**
 * The part of @microsoft/signalr's `HubConnection` the circuit uses: the seam unit tests replace
 * with a fake. Production code always gets a real `HubConnection` from the builder.
 */
export interface HubConnectionLike {
  /**
   * Typed by the enum's string values: comparing with `'Connected'` spares importing the enum at
   * run time (SignalR's `HubConnectionState` is a string enum, so its members are these strings).
   */
  readonly state: `${HubConnectionState}`;
  /** The absolute hub URL the connection negotiates with (after `withUrl`). */
  readonly baseUrl: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T = unknown>(methodName: string, ...args: unknown[]): Promise<T>;
  onclose(callback: (error?: Error) => void): void;
}

/** Builds a brand-new connection from the same configuration: one per start or reconnect attempt. */
export type ConnectionFactory = () => HubConnectionLike;

/** Stops a connection we are done with; one that is already failing has nothing useful to report. */
export function stopQuietly(connection: HubConnectionLike): void {
  if (connection.state !== 'Disconnected') connection.stop().catch(() => undefined);
}
