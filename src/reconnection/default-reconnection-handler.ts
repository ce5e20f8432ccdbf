import { reconnectCurrentCircuit } from '../hosts/circuit/current-circuit';
import type { Logger } from '../logging/logger';
import { ERROR, WARNING, silentLogger } from '../logging/logger';
import type { ReconnectionHandler, ReconnectionOptions } from '../options/types';
import { displaySelector, type DisplaySelector } from '../ui/create-reconnection-display';
import type { Clock } from '../timing/clock';
import { systemClock } from '../timing/clock';
import type { PageSignals } from './page-signals';
import { browserPageSignals } from './page-signals';
import type { ReconnectionDisplay, ReconnectionDisplayContext } from '../ui/reconnection-display';
import type { ReconnectionOutcome } from './reconnection-process';
import { createReconnectionProcess, type ReconnectionProcess } from './reconnection-process';

/** Everything the default handler works with; each part can be replaced (tests, custom UIs). */
export interface DefaultReconnectionHandlerOptions {
  /** One reconnection attempt. @default the started circuit's `reconnect()` (`Blazor.reconnect`) */
  reconnect?: () => Promise<boolean>;
  /** Picks the display at each connection-down. @default the page's modal, else the built-in dialog */
  selectDisplay?: (context: ReconnectionDisplayContext) => ReconnectionDisplay;
  logger?: Logger;
  clock?: Clock;
  signals?: PageSignals;
  document?: Document;
  /** Told how each outage ends (the start sequence uses it to settle the first `start()`). */
  onOutcome?: (outcome: ReconnectionOutcome) => void;
}

/**
 * Blazor's default reconnection handler: on connection-down it shows a display and runs one
 * {@link ReconnectionProcess} at a time; on connection-up it ends that process and hides the
 * display. A process that ended `failed` stays current (its Retry still works) until the
 * connection comes back. Pass it as `reconnectionHandler`, or subclass it, to keep the built-in
 * behaviour with your own reconnect callback or display.
 * @example
 * start({ reconnectionHandler: new DefaultReconnectionHandler({ logger: myLogger }) });
 */
export class DefaultReconnectionHandler implements ReconnectionHandler {
  #process: ReconnectionProcess | undefined;
  #selector: DisplaySelector | undefined;
  readonly #settings: DefaultReconnectionHandlerOptions;

  constructor(settings: DefaultReconnectionHandlerOptions = {}) {
    this.#settings = settings;
  }

  /** The outage in progress, if any: for diagnostics and tests. */
  get currentProcess(): ReconnectionProcess | undefined {
    return this.#process;
  }

  onConnectionDown(options: ReconnectionOptions, error?: Error): void {
    if (this.#process?.isActive) return;
    const settings = this.#settings;
    const { logger = silentLogger, selectDisplay, onOutcome } = settings;
    const doc = settings.document ?? document;
    logger.log(WARNING, 'Connection lost; reconnecting.', error);
    const context: ReconnectionDisplayContext = {
      options,
      document: doc,
      retry: () => {
        process.retryNow();
      },
    };
    const process: ReconnectionProcess = createReconnectionProcess({
      options,
      display: selectDisplay ? selectDisplay(context) : (this.#selector ??= displaySelector({ logger })).select(context),
      attempt: settings.reconnect ?? reconnectCurrentCircuit,
      logger,
      clock: settings.clock ?? systemClock,
      signals: settings.signals ?? browserPageSignals(doc.defaultView ?? window),
      onEnd: (outcome) => {
        if (outcome === 'disposed') return;
        try {
          onOutcome?.(outcome);
        } catch (callbackError) {
          logger.log(ERROR, 'onOutcome threw.', callbackError);
        }
      },
    });
    this.#process = process;
    process.start();
  }

  onConnectionUp(): void {
    const process = this.#process;
    this.#process = undefined;
    process?.dispose();
  }

  /** Ends any outage and removes the built-in dialog: for pages that tear the library down. */
  dispose(): void {
    this.onConnectionUp();
    this.#selector?.dispose();
    this.#selector = undefined;
  }
}
