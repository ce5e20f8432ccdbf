import type { ReconnectionOptions } from '../options/types';

/**
 * What the reconnection process tells the user interface. The process never knows which display
 * it drives: the page's own modal (class toggles and events) or the built-in dialog. Calls arrive
 * in a legal order only: `show` first, then any of `update`/`offline`, ending with `hide`,
 * `failed` or `rejected`; after `failed`, a new attempt starts again with `show`. A pause is
 * `show`, then `paused` (or `updating`: a drain's pause), ending with `hide` or `resumeFailed`. Every call is made through the
 * core's guard: a display that throws is logged and the reconnection goes on.
 */
export interface ReconnectionDisplay {
  /** The connection is down (or paused); the first attempt is being prepared. */
  show(): void;
  /**
   * A wait before attempt `currentAttempt` (1-based) has `secondsToNextAttempt` whole seconds
   * left; 0 when the attempt is about to run. Called once per second during a wait.
   */
  update(currentAttempt: number, secondsToNextAttempt: number): void;
  /** The browser is offline: retries are paused and not counted. */
  offline(): void;
  /** The connection is up again. */
  hide(): void;
  /** Every retry failed to reach the server. */
  failed(): void;
  /** The server was reached but no longer holds the circuit (and could not resume it). */
  rejected(): void;
  /**
   * Blazor 10: the circuit is paused, by the server (`remote`) or by the page; nothing is
   * attempted until the user resumes it. Optional: a display without it shows nothing new.
   */
  paused?(remote: boolean): void;
  /**
   * The server is being updated: the node holding the session is stopping (a farm's rolling
   * restart), the session is paused and being resumed on another server by itself. A short
   * wait, not an error: nothing for the user to do. Shown instead of `paused` when the pause is
   * a drain's; ends with `hide`, or with `paused` when the resume did not happen by itself.
   * Optional: a display without it shows `paused`.
   */
  updating?(): void;
  /** Blazor 10: resuming the paused circuit failed; only a reload helps. Optional, as `paused`. */
  resumeFailed?(): void;
  /**
   * The server refused the sign-in (401/403): nothing is attempted until the user signs in
   * again (`signIn` of the context). Optional: a display without it shows nothing new.
   */
  unauthorized?(): void;
}

/** What a display is built with. */
export interface ReconnectionDisplayContext {
  readonly options: ReconnectionOptions;
  readonly document: Document;
  /** Starts one attempt now (the Retry button); the process reports its outcome to the display. */
  readonly retry: () => void;
  /** Resumes a paused circuit now (the Resume button); the process reports its outcome. */
  readonly resume: () => void;
  /**
   * In `unauthorized`: calls `reconnectionOptions.onUnauthorized`, then attempts (the Sign in
   * button). Does nothing without that option: the display reloads the page instead.
   */
  readonly signIn: () => void;
}
