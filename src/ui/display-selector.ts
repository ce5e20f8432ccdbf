import type {
  ReconnectionDisplay,
  ReconnectionDisplayContext,
} from './reconnection-display';
import {
  createDefaultDisplay,
  type DefaultDisplay,
  type DefaultDisplaySettings,
} from './default-display/default-reconnect-display';
import { createUserSpecifiedDisplay } from './user-specified-display';

/** Seams and settings of the {@link DisplaySelector}: those of the default dialog. */
export type DisplaySelectorOptions = DefaultDisplaySettings;

/** Picks the display for each outage; see {@link createDisplaySelector}. */
export interface DisplaySelector {
  /**
   * The page's modal (the first element with `options.dialogId`, as `getElementById` finds it)
   * if one exists now, otherwise the default dialog: built at the first call, then the same
   * instance and element for every later outage, re-attached if something removed it.
   */
  select(context: ReconnectionDisplayContext): ReconnectionDisplay;
  /** Removes the default dialog with its timer and listeners; a later `select` builds anew. */
  dispose(): void;
}

/**
 * Picks the display for each outage; owned by the reconnection handler. Call `select` at
 * **every** connection-down: a modal rendered late, or replaced between outages (enhanced
 * navigation), must be found then, not at start (Blazor cached it, aspnetcore #51083).
 * @example
 * ```ts
 * const displays = createDisplaySelector({ logger });
 * markUserModalHidden(document, options.dialogId);          // at start
 * const display = displays.select({ options, document, retry }); // at each connection-down
 * display.show();
 * displays.dispose();                                        // when the circuit is disposed
 * ```
 */
export function createDisplaySelector(settings: DisplaySelectorOptions = {}): DisplaySelector {
  let current: DefaultDisplay | undefined;
  const dispose = () => {
    current?.dispose();
    current = undefined;
  };
  return {
    select: (context) => {
      const { document, options } = context;
      const modal = document.getElementById(options.dialogId);
      if (modal) {
        current?.conceal();
        return createUserSpecifiedDisplay(modal, document, options.dialogId, options.maxRetries);
      }
      if (current?.host.ownerDocument === document) {
        current.bind(context);
        return current;
      }
      dispose();
      return (current = createDefaultDisplay(context, settings));
    },
    dispose,
  };
}
