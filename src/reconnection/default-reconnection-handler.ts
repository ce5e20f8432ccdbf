import { CircuitNotInitializedError } from '../errors/circuit-not-initialized-error';
import { UnauthorizedError } from '../errors/unauthorized-error';
import { createGuard, type Guard } from '../logging/guard';
import type { Logger } from '../logging/logger';
import { INFORMATION, WARNING, silentLogger } from '../logging/logger';
import type { ReconnectionHandler, ReconnectionOptions } from '../options/types';
import { systemClock, type Clock } from '../timing/clock';
import { createDisplaySelector, type DisplaySelector } from '../ui/display-selector';
import type { ReconnectionDisplay, ReconnectionDisplayContext } from '../ui/reconnection-display';
import { showPauseAsUpdating, type UpdatingDisplay } from '../ui/updating-display';
import type { DownReason, ReconnectionHost } from './host';
import type { PageSignals } from './page-signals';
import { createBrowserPageSignals } from './page-signals';
import { createReconnectionProcess, type ReconnectionProcess } from './reconnection-process';
import { createBrowserTabCoordinator } from './tab-coordination/browser-tab-coordinator';
import type { TabCoordinator } from './tab-coordination/types';

/** Everything the default handler works with; each part can be replaced (tests, custom UIs). */
export interface DefaultReconnectionHandlerOptions {
  /**
   * The host whose connection the handler restores. @default the host the handler is given to
   * (`start()` attaches itself to the handler in `reconnectionHandler`); without one, attempts
   * reject with "Circuit host not initialized." as Blazor's do before a circuit exists.
   */
  host?: ReconnectionHost;
  /** Blazor's `reconnectCallback`: shorthand for `host: { attempt: reconnect }`. */
  reconnect?: () => Promise<boolean>;
  /**
   * Reconnection options to use instead of the ones `onConnectionDown` receives. The Blazor
   * handler sets them, so this library's options decide and Blazor's are ignored.
   */
  options?: ReconnectionOptions;
  /** Picks the display at each connection-down. @default the page's modal, else the built-in dialog */
  selectDisplay?: (context: ReconnectionDisplayContext) => ReconnectionDisplay;
  /**
   * Asked when Blazor pauses the circuit: `true` when the pause is a server's update (a farm
   * node's drain, which resumes the circuit elsewhere by itself), so the display shows
   * `updating`, not `paused`, until the circuit is resumed or {@link DefaultReconnectionHandler.endUpdate} is called.
   */
  isUpdating?: () => boolean;
  logger?: Logger;
  clock?: Clock;
  signals?: PageSignals;
  document?: Document;
  /**
   * Finds the group of tabs sharing a server's outages, named by the host's `tabGroup` (unit
   * tests pass an in-memory one). Not called when `coordinateTabs` is `false` or the host names
   * no group. @default Web Locks and BroadcastChannel, when the browser has both
   */
  tabs?: (group: string) => TabCoordinator | undefined;
}

const NO_HOST: ReconnectionHost = {
  attempt: () => Promise.reject(new CircuitNotInitializedError()),
};

/**
 * Blazor's default reconnection handler, with this library's policy and displays: on
 * connection-down it shows a display and runs one {@link ReconnectionProcess} at a time; on
 * connection-up it ends that process and hides the display. A process that ended `failed`, or
 * is paused, stays current (its Retry or Resume still works) until the connection comes back, so
 * a second connection-down meanwhile (Blazor sends one when a paused circuit's socket closes)
 * changes nothing. Pass it as `reconnectionHandler` to keep the built-in behaviour with your own
 * display or host.
 * @example
 * start({ reconnectionHandler: new DefaultReconnectionHandler({ selectDisplay: bannerDisplay }) });
 */
export class DefaultReconnectionHandler implements ReconnectionHandler {
  #process: ReconnectionProcess | undefined;
  #selector: DisplaySelector | undefined;
  #attached: ReconnectionHost | undefined;
  #updating: UpdatingDisplay | undefined;
  readonly #settings: DefaultReconnectionHandlerOptions;
  readonly #logger: Logger;
  readonly #guard: Guard;

  constructor(settings: DefaultReconnectionHandlerOptions = {}) {
    this.#settings = settings;
    this.#logger = settings.logger ?? silentLogger;
    this.#guard = createGuard(this.#logger);
  }

  /**
   * Called by the host this handler is given to (the circuit's `start()`), so that a handler
   * the page built itself restores that host's connection and reports to it how each outage
   * ends (a first start still retrying settles from it). `settings.host` takes precedence.
   */
  attach(host: ReconnectionHost): void {
    this.#attached = host;
  }

  /**
   * @param options - Blazor's reconnection options; ignored when the handler was built with its own.
   * @param isPausing - Blazor 10: the circuit is being paused, not lost; no attempts are made.
   * @param remote - with `isPausing`: the server asked for the pause.
   */
  onConnectionDown(options: ReconnectionOptions, error?: Error, isPausing?: boolean, remote?: boolean): void {
    if (this.#process?.isActive) return;
    const settings = this.#settings;
    const resolved = settings.options ?? options;
    const host = settings.host ?? this.#attached ?? (settings.reconnect ? { attempt: settings.reconnect } : NO_HOST);
    const doc = settings.document ?? document;
    // Read only when needed: code passing its own signals may run with no `window` (Node).
    const win = (): Window | undefined => doc.defaultView ?? (typeof window === 'undefined' ? undefined : window);
    const clock = settings.clock ?? systemClock;
    const group = resolved.coordinateTabs === false ? undefined : host.tabGroup;
    const findTabs = settings.tabs ?? ((name: string) => {
      const view = win();
      return view && createBrowserTabCoordinator(view, name, clock);
    });
    const reason: DownReason = isPausing ? 'paused' : error instanceof UnauthorizedError ? 'unauthorized' : 'dropped';
    if (reason === 'paused') this.#logger.log(INFORMATION, remote ? 'Paused by the server.' : 'Paused.');
    else if (reason === 'unauthorized') this.#logger.log(WARNING, error?.message ?? '');
    else this.#logger.log(WARNING, 'Connection lost; reconnecting.', error);
    const context: ReconnectionDisplayContext = {
      options: resolved,
      document: doc,
      retry: () => {
        process.attemptNow();
      },
      resume: () => {
        process.resumeNow();
      },
      signIn: () => {
        process.signIn();
      },
    };
    let display = this.#selectDisplay(context);
    this.#updating = undefined;
    if (reason === 'paused' && this.#guard('isUpdating', () => settings.isUpdating?.()) === true) {
      this.#updating = showPauseAsUpdating(display, this.#guard);
      display = this.#updating.display;
    }
    const process: ReconnectionProcess = createReconnectionProcess({
      options: resolved,
      display,
      host,
      logger: this.#logger,
      guard: this.#guard,
      clock,
      signals: settings.signals ?? createBrowserPageSignals(doc.defaultView ?? window),
      tabs: group === undefined ? undefined : this.#guard('tabs', () => findTabs(group)),
      onStateChange: (state) => this.#guard('host.outageChanged', () => host.outageChanged?.(state)),
      onEnd: (outcome, attempts, cause) => {
        if (outcome !== 'disposed') this.#guard('host.settled', () => host.settled?.(outcome, attempts, cause));
      },
    });
    this.#process = process;
    process.start(reason, remote);
  }

  /** The connection is up: ends the outage (an attempt of ours in flight decides by its answer). */
  onConnectionUp(): void {
    this.#process?.connectionUp();
  }

  /**
   * The server's update is over but the circuit was not resumed by it (the drain gave up): a
   * display still showing `updating` shows `paused`, whose Resume is the user's way on.
   */
  endUpdate(): void {
    this.#updating?.end();
    this.#updating = undefined;
  }

  /** Ends any outage and removes the built-in dialog: for pages that tear the library down. */
  dispose(): void {
    this.#process?.dispose();
    this.#process = undefined;
    this.#selector?.dispose();
    this.#selector = undefined;
  }

  /** The page's `selectDisplay` if it gives one that works, else the page's modal or the dialog. */
  #selectDisplay(context: ReconnectionDisplayContext): ReconnectionDisplay {
    const { selectDisplay } = this.#settings;
    const chosen = selectDisplay && this.#guard('selectDisplay', () => selectDisplay(context));
    if (chosen) return chosen;
    this.#selector ??= createDisplaySelector({ logger: this.#logger });
    return this.#selector.select(context);
  }
}
