import cssText from '../../styles/reconnect.css?raw';
import { silentLogger, type Logger } from '../logging/logger';
import { systemClock, type Clock } from '../reconnection/clock';
import type {
  ReconnectionDisplay,
  ReconnectionDisplayContext,
} from '../reconnection/reconnection-display';
import { DefaultReconnectDisplay } from './default-display/default-reconnect-display';
import { ReloadGuard } from './default-display/reload-guard';
import { resolveStyleNonce } from './script-nonce';
import { UserSpecifiedDisplay } from './user-specified-display';

export * from './constants';
export type { ReconnectState, ReconnectStateChangedDetail, VisualState } from './display-state';
export { captureScriptNonce } from './script-nonce';
export { markUserModalHidden, UserSpecifiedDisplay } from './user-specified-display';
export { DefaultReconnectDisplay } from './default-display/default-reconnect-display';
export { DEFAULT_MESSAGES } from './default-display/messages';

/** A display context that may also carry the CSP nonce for the default dialog's styles. */
export interface SelectableDisplayContext extends ReconnectionDisplayContext {
  /** Overrides the nonce captured from the library's `<script>`. */
  readonly nonce?: string;
}

/** Seams and settings of the {@link DisplaySelector}; all optional. */
export interface DisplaySelectorOptions {
  /** Where message-function errors and reload-guard decisions are reported. */
  readonly logger?: Logger;
  /** Runs the grace-period timer and dates reloads. @default systemClock */
  readonly clock?: Clock;
  /** CSP nonce for the `<style>` fallback. @default the nonce captured by `captureScriptNonce()` */
  readonly nonce?: string;
  /** Load the dialog's styles from this URL (`<link>` in the shadow root) instead of the bundle. */
  readonly stylesheetHref?: string;
  /** @default `document.location.reload()` */
  readonly reload?: () => void;
  /** Storage for the reload-storm guard; may throw. @default the window's `sessionStorage` */
  readonly storage?: () => Storage | null | undefined;
}

/**
 * Picks the display for each outage; owned by the reconnection handler. Call {@link select} at
 * **every** connection-down: a modal rendered late, or replaced between outages (enhanced
 * navigation), must be found then, not at start (Blazor cached it, aspnetcore #51083).
 * @example
 * ```ts
 * const displays = new DisplaySelector({ logger });
 * markUserModalHidden(document, options.dialogId);          // at start
 * const display = displays.select({ options, document, retry }); // at each connection-down
 * display.show();
 * displays.dispose();                                        // when the circuit is disposed
 * ```
 */
export class DisplaySelector {
  private defaultDisplay: DefaultReconnectDisplay | undefined;
  private defaultDocument: Document | undefined;

  constructor(private readonly settings: DisplaySelectorOptions = {}) {}

  /**
   * The page's modal (the first element with `options.dialogId`, as `getElementById` finds it)
   * if one exists now, otherwise the default dialog: built at the first call, then the same
   * instance and element for every later outage, re-attached if something removed it.
   */
  select(context: SelectableDisplayContext): ReconnectionDisplay {
    const { document, options } = context;
    const modal = document.getElementById(options.dialogId);
    if (modal) {
      this.defaultDisplay?.conceal();
      return new UserSpecifiedDisplay(modal, document, options.dialogId, options.maxRetries);
    }
    if (this.defaultDisplay && this.defaultDocument === document) {
      this.defaultDisplay.bind(context);
      return this.defaultDisplay;
    }
    this.dispose();
    this.defaultDocument = document;
    this.defaultDisplay = this.createDefault(context);
    return this.defaultDisplay;
  }

  /** Removes the default dialog with its timer and listeners; a later `select` builds anew. */
  dispose(): void {
    this.defaultDisplay?.dispose();
    this.defaultDisplay = undefined;
    this.defaultDocument = undefined;
  }

  private createDefault(context: SelectableDisplayContext): DefaultReconnectDisplay {
    const { document } = context;
    const clock = this.settings.clock ?? systemClock;
    return new DefaultReconnectDisplay(context, {
      logger: this.settings.logger ?? silentLogger,
      clock,
      reload:
        this.settings.reload ??
        (() => {
          document.location.reload();
        }),
      reloadGuard: new ReloadGuard({
        storage: this.settings.storage ?? (() => document.defaultView?.sessionStorage),
        now: () => clock.now(),
      }),
      styles: {
        cssText,
        href: this.settings.stylesheetHref,
        nonce: resolveStyleNonce(document, context.nonce ?? this.settings.nonce),
      },
    });
  }
}
