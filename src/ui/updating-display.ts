import type { Guard } from '../logging/guard';
import type { ReconnectionDisplay } from './reconnection-display';

/** A display whose pause reads as an update, and the way back to the plain pause. */
export interface UpdatingDisplay {
  readonly display: ReconnectionDisplay;
  /**
   * The update is over without a resume (the drain gave up, or the server refused the state): if
   * the display still shows `updating`, it shows `paused` instead, whose Resume button is the
   * user's way on. Called through `guard`, as every call into a display.
   */
  end(): void;
}

/**
 * Wraps `display` for one pause that a server's drain asked for: its `paused(remote)` shows
 * `updating` (a short wait, nothing for the user to do) when the display has that state, and
 * `paused` otherwise; every other call passes through unchanged.
 */
export function showPauseAsUpdating(display: ReconnectionDisplay, guard: Guard): UpdatingDisplay {
  let updating: { remote: boolean } | undefined;
  const wrapped: ReconnectionDisplay = {
    show: () => {
      updating = undefined;
      display.show();
    },
    update: (attempt, seconds) => {
      updating = undefined;
      display.update(attempt, seconds);
    },
    offline: () => {
      updating = undefined;
      display.offline();
    },
    hide: () => {
      updating = undefined;
      display.hide();
    },
    failed: () => {
      updating = undefined;
      display.failed();
    },
    rejected: () => {
      updating = undefined;
      display.rejected();
    },
    paused: (remote) => {
      if (display.updating) {
        updating = { remote };
        display.updating();
      } else {
        display.paused?.(remote);
      }
    },
    resumeFailed: () => {
      updating = undefined;
      display.resumeFailed?.();
    },
    unauthorized: () => {
      updating = undefined;
      display.unauthorized?.();
    },
  };
  return {
    display: wrapped,
    end: () => {
      if (updating === undefined) return;
      const { remote } = updating;
      updating = undefined;
      guard('display.paused', () => {
        display.paused?.(remote);
      });
    },
  };
}
