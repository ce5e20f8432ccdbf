import type { Guard } from '../../logging/guard';

/**
 * A page's handler for a hub method: SignalR passes it the arguments the server sent. Written as
 * a method so its parameters are checked bivariantly: `(text: string) => …` is accepted (the
 * types are the page's claim about what the server sends, as with SignalR's `any[]`), and an
 * unannotated parameter is `unknown`.
 */
export type HubMethodHandler = { handle(...args: unknown[]): unknown }['handle'];

/** The part of a connection the registry touches: SignalR's `on`/`off`. */
export interface HandlerTarget {
  readonly state: string;
  on(methodName: string, newMethod: (...args: unknown[]) => unknown): void;
  off(methodName: string, method: (...args: unknown[]) => unknown): void;
}

interface Registration {
  readonly handler: HubMethodHandler;
  /** What the connections hold: the page's handler behind the guard. */
  readonly guarded: (...args: unknown[]) => unknown;
}

/** The handlers a circuit's page registered, applied to every connection the circuit makes. */
export interface HubHandlers {
  /** Registers on every live connection and every later one; the same pair twice is one. */
  on(method: string, handler: HubMethodHandler): () => void;
  /** One handler of `method`, or all of them (those registered here: not the connection's others). */
  off(method: string, handler?: HubMethodHandler): void;
  /** Gives a connection just built (before its `start()`) every current handler. */
  adopt(connection: HandlerTarget): void;
}

/**
 * Keeps the page's handlers apart from any one connection, so a reconnect (a new connection)
 * has them before it starts and no message sent right after the reconnect is missed. Each
 * handler runs through the guard: one that throws is logged and never breaks the connection or
 * the other handlers. Connections are tracked until they are seen `Disconnected` (the host
 * builds a connection and starts it synchronously, so a new one is never pruned before start).
 */
export function createHubHandlers(guard: Guard): HubHandlers {
  const methods = new Map<string, Registration[]>();
  const connections = new Set<HandlerTarget>();

  const live = (): HandlerTarget[] => {
    connections.forEach((connection) => {
      if (connection.state === 'Disconnected') connections.delete(connection);
    });
    return [...connections];
  };

  const remove = (method: string, registration: Registration): void => {
    const registrations = methods.get(method) ?? [];
    const index = registrations.indexOf(registration);
    if (index < 0) return;
    registrations.splice(index, 1);
    if (registrations.length === 0) methods.delete(method);
    live().forEach((connection) => {
      connection.off(method, registration.guarded);
    });
  };

  return {
    on(method, handler) {
      const registrations = methods.get(method) ?? [];
      let registration = registrations.find((entry) => entry.handler === handler);
      if (!registration) {
        const guarded = (...args: unknown[]): unknown => guard(`on('${method}') handler`, () => handler(...args));
        const added: Registration = { handler, guarded };
        registration = added;
        methods.set(method, [...registrations, added]);
        live().forEach((connection) => {
          connection.on(method, added.guarded);
        });
      }
      const registered = registration;
      return () => {
        remove(method, registered);
      };
    },
    off(method, handler) {
      (methods.get(method) ?? [])
        .filter((entry) => handler === undefined || entry.handler === handler)
        .forEach((entry) => {
          remove(method, entry);
        });
    },
    adopt(connection) {
      live();
      connections.add(connection);
      methods.forEach((registrations, method) => {
        registrations.forEach(({ guarded }) => {
          connection.on(method, guarded);
        });
      });
    },
  };
}
