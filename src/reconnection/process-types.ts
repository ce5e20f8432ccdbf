import type { Guard } from '../logging/guard';
import type { Logger } from '../logging/logger';
import type { ReconnectionOptions } from '../options/types';
import type { Clock } from '../timing/clock';
import type { ReconnectionDisplay } from '../ui/reconnection-display';
import type { DownReason, OutageOutcome, ReconnectionHost } from './host';
import type { OutageState } from './outage-state';
import type { PageSignals } from './page-signals';
import type { TabCoordinator } from './tab-coordination/types';

/** What one outage's process is built with; see `createReconnectionProcess`. */
export interface ReconnectionProcessOptions {
  readonly options: ReconnectionOptions;
  readonly display: ReconnectionDisplay;
  readonly host: ReconnectionHost;
  readonly logger: Logger;
  /** Every call into the display goes through it. */
  readonly guard: Guard;
  readonly clock: Clock;
  readonly signals: PageSignals;
  /**
   * Draws the jitter added to a busy server's `Retry-After` (see `serverAdvisedWait`); returns
   * numbers in `[0, 1)`. @default Math.random
   */
  readonly random?: () => number;
  /** Told of every state change, after it is made (a connection handle's state follows the outage's). */
  readonly onStateChange?: (state: OutageState) => void;
  /** Told how the outage ended; `disposed` when it was ended from outside. */
  readonly onEnd?: (outcome: OutageOutcome | 'disposed', attempts: number, cause?: unknown) => void;
  /**
   * The other tabs of this origin reconnecting to the same server: one of them makes the
   * attempts, the others show its state. Absent: this tab reconnects on its own.
   */
  readonly tabs?: TabCoordinator;
}

/** One outage; built by {@link createReconnectionProcess}. */
export interface ReconnectionProcess {
  readonly state: OutageState;
  /** Attempts made in this outage so far. */
  readonly attempts: number;
  /** `true` until a final state (`failed` and `paused` still count: they can go on). */
  readonly isActive: boolean;
  /** Shows the display; then schedules the first attempt (`dropped`) or waits for Resume (`paused`). */
  start(reason: DownReason, remote?: boolean): void;
  /**
   * Attempt now: skips a running countdown, leaves `offline` or `failed`. Used by the Retry
   * button and by the page signals (visible, online, restored from the back/forward cache).
   */
  attemptNow(): void;
  /** Resume a paused circuit now (the Resume button). */
  resumeNow(): void;
  /**
   * In `unauthorized`: calls `options.onUnauthorized` and, when it resolves, attempts at once
   * (the Sign in button). Does nothing without the callback: the display reloads instead.
   */
  signIn(): void;
  /**
   * The host says the connection is up (`onConnectionUp`): ends the outage, unless an attempt or
   * resume of this process is in flight, whose own answer then decides. Blazor calls
   * `onConnectionUp` from inside `Blazor.reconnect()`, before that answers, and (blazor.web.js
   * 10.0.12) also when it answers `false`: the resume that must follow a `false` would be lost if
   * the outage ended there.
   */
  connectionUp(): void;
  /** Ends the outage because the connection is up (or the page no longer needs it): hides the display. */
  dispose(): void;
}
