import type { HubConnectionState } from '@microsoft/signalr';

/**
 * The part of @microsoft/signalr's `HubConnection` the circuit uses: the seam unit tests replace
 * with a fake. Production code always gets a real `HubConnection` from the builder.
 */
export interface HubConnectionLike {
  readonly state: HubConnectionState;
  /** The absolute hub URL the connection negotiates with (after `withUrl`). */
  readonly baseUrl: string;
  serverTimeoutInMilliseconds: number;
  keepAliveIntervalInMilliseconds: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T = unknown>(methodName: string, ...args: unknown[]): Promise<T>;
  onclose(callback: (error?: Error) => void): void;
}

/** Builds a brand-new connection from the same configuration: one per start or reconnect attempt. */
export type ConnectionFactory = () => HubConnectionLike;
