import type { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { RetryIntervalFunction } from '../retry/types';

// Declared beside the retry policies, which must not depend on the options; re-exported here for
// the modules that import every option type from this file.
export type { RetryIntervalFunction };

/** What a message function of `reconnectionOptions.messages` is told. */
export interface ReconnectionMessageContext {
  /** The 1-based attempt being waited for or made; 0 before the first. */
  readonly attempt: number;
  /** `reconnectionOptions.maxRetries`; `undefined` when unbounded. */
  readonly maxRetries: number | undefined;
  /** Whole seconds until the next attempt; 0 while an attempt runs. */
  readonly secondsToNextAttempt: number;
}

/** A text of the default dialog: fixed, or computed from the current attempt. */
export type ReconnectionMessage = string | ((context: ReconnectionMessageContext) => string);

/** Every text the default dialog shows; each one can be replaced (translated, reworded). */
export interface ReconnectionMessages {
  /** The dialog's accessible name, stable across states. @default "Connection to the server lost" */
  title: ReconnectionMessage;
  /** While the first attempt is waited for or made. @default "Rejoining the server…" */
  rejoining: ReconnectionMessage;
  /** While waiting after a failed attempt. @default "Rejoin failed… trying again in N seconds" */
  retrying: ReconnectionMessage;
  /** When retries are exhausted. @default "Failed to rejoin. Please retry or reload the page." */
  failed: ReconnectionMessage;
  /** When the server no longer holds the session. @default "The session has ended. Reload the page to continue." */
  rejected: ReconnectionMessage;
  /** While the browser reports no network. @default "You are offline. Waiting for the network…" */
  offline: ReconnectionMessage;
  /** The Retry button's label. @default "Retry" */
  retry: ReconnectionMessage;
  /** The Reload button's label. @default "Reload" */
  reload: ReconnectionMessage;
  /** While the session is paused from the page (Blazor 10's `Blazor.pauseCircuit()`). @default "The session has been paused." */
  paused: ReconnectionMessage;
  /** While the session is paused because the server asked for it. @default "The session has been paused by the server." */
  pausedByServer: ReconnectionMessage;
  /**
   * While the server is being updated: the session's server is stopping and the session moves to
   * another one by itself (a farm's rolling restart, circuit-reconnect's drain). @default "Updating…"
   */
  updating: ReconnectionMessage;
  /** When resuming a paused session did not succeed. @default "Failed to resume the session. Please reload the page." */
  resumeFailed: ReconnectionMessage;
  /** The Resume button's label, shown while paused. @default "Resume" */
  resume: ReconnectionMessage;
  /** When the server refuses the connection because the sign-in expired. @default "Your sign-in has expired." */
  unauthorized: ReconnectionMessage;
  /** The Sign in button's label, shown with `unauthorized`. @default "Sign in" */
  signIn: ReconnectionMessage;
}

/** How and how long to retry, and which element shows it. Blazor's `reconnectionOptions`, extended. */
export interface ReconnectionOptions {
  /**
   * Attempts per outage before the display shows `failed`; `undefined` retries without limit.
   * @default 92, {@link DEFAULT_MAX_RETRIES} (Blazor: 30)
   */
  maxRetries: number | undefined;
  /**
   * A fixed wait in milliseconds (the first wait is capped at 3000 ms, like Blazor), or a
   * {@link RetryIntervalFunction}.
   */
  retryIntervalMilliseconds: number | RetryIntervalFunction;
  /** The id of the page's own reconnect modal. @default "components-reconnect-modal" */
  dialogId: string;
  /**
   * How long the connection must stay down before the default dialog becomes visible, so short
   * blips never flash it. A user-specified modal controls this with its own CSS transition.
   * @default 500
   */
  dialogDelayMilliseconds: number;
  /** Texts of the default dialog; unset keys keep the English defaults. */
  messages: Partial<ReconnectionMessages>;
  /**
   * Gets new credentials when the hub refuses the sign-in (its negotiation answers 401 or 403):
   * refresh the token your `accessTokenFactory` returns, renew a cookie silently, open a sign-in
   * popup. Called once by itself when the outage becomes `unauthorized`, before the display is
   * told (a silent refresh shows nothing but the outage); when it resolves, an attempt follows
   * at once. If it throws, or a second refusal follows, the display shows `unauthorized` and
   * offers Sign in, which calls it again (a click, so a popup may open). Without it, Sign in
   * reloads the page (to the app's sign-in redirect); nothing reloads by itself.
   * @default undefined
   */
  onUnauthorized?: () => void | Promise<void>;
  /**
   * Before the default dialog reloads the page (a rejected session, or its Reload button), save
   * what the user typed in the page's form fields, the focus and the scroll position, and put them
   * back after the reload (see `saveInput`). `false` saves nothing. Optional even once resolved:
   * the options Blazor itself passes to a handler lack it, and absent means on.
   * @default true
   */
  preserveInput?: boolean;
  /**
   * Tabs of this origin connected to the same hub share each outage: one tab makes the attempts
   * on the policy, the others show its state and countdown and attempt at once when it gets
   * through (each tab keeps its own circuit). A leader that closes or freezes hands over within
   * a second. Needs Web Locks and BroadcastChannel; without them, or with `false`, each tab
   * reconnects on its own. Optional even once resolved, as `preserveInput`.
   * @default true
   */
  coordinateTabs?: boolean;
}

/** Replaces the default reconnection handler; both callbacks are required, as in Blazor. */
export interface ReconnectionHandler {
  /**
   * The connection closed unexpectedly (or the first start could not reach the server).
   * Blazor 10 also calls it when a circuit is paused: `isPausing` is then `true`, and `remote`
   * says whether the server asked for the pause.
   */
  onConnectionDown(options: ReconnectionOptions, error?: Error, isPausing?: boolean, remote?: boolean): void;
  /** The circuit is connected again. */
  onConnectionUp(): void;
}

/** Told when a circuit opens and closes. */
export interface CircuitHandler {
  onCircuitOpened?(): void;
  onCircuitClosed?(): void;
}

/** The circuit options after defaults are applied and validation passed. */
export interface ResolvedCircuitOptions {
  configureSignalR: (builder: HubConnectionBuilder) => void;
  logLevel: LogLevel;
  reconnectionOptions: ReconnectionOptions;
  reconnectionHandler: ReconnectionHandler | undefined;
  circuitHandlers: CircuitHandler[];
  circuitHandshake: boolean;
}

/** Blazor Server's option shape (`Blazor.start({ reconnectionOptions, … })`). */
export interface CircuitStartOptions {
  /**
   * Receives the `HubConnectionBuilder` after `withUrl('_blazor')` and logging are set and before
   * `build()`: call `withUrl`, `withServerTimeout`, `withKeepAliveInterval`, `withHubProtocol`…
   */
  configureSignalR?: (builder: HubConnectionBuilder) => void;
  /** Minimum level written to the console, here and by the SignalR client. @default LogLevel.Warning */
  logLevel?: LogLevel;
  /** Merged one level deep over the defaults; an explicit `undefined` `maxRetries` means unbounded. */
  reconnectionOptions?: Partial<ReconnectionOptions>;
  /** Replaces the default handler (and so the built-in display). */
  reconnectionHandler?: ReconnectionHandler;
  /** Called after a circuit starts and when it is disposed. */
  circuitHandlers?: CircuitHandler[];
  /**
   * `true`: speak the circuit contract (`StartCircuit`, `ConnectCircuit`, the disconnect beacon).
   * `false`: serve any stateless SignalR hub; a reconnect succeeds when a new connection starts.
   * @default true
   */
  circuitHandshake?: boolean;
}

/**
 * Blazor Web App's option shape (`Blazor.start({ circuit: { … } })`). Its other sections are
 * accepted so pages written for blazor.web.js type-check, and ignored: this library has no
 * server-side rendering or WebAssembly part.
 */
export interface WebStartOptions {
  circuit: CircuitStartOptions;
  ssr?: Record<string, unknown>;
  webAssembly?: Record<string, unknown>;
  logLevel?: LogLevel;
  enableClassicInitializers?: boolean;
}

/** Either shape `start()` accepts: `options.circuit ?? options`. */
export type StartOptions = CircuitStartOptions | WebStartOptions;
