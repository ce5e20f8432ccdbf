import { DEFAULT_MAX_RETRIES, defaultRetryInterval } from '../retry/default-retry-interval';
import type { ReconnectionOptions } from './types';

/** The hub path, relative to `document.baseURI`, as Blazor's `_blazor`. */
export const DEFAULT_HUB_PATH = '_blazor';

/** Default reconnect modal id; also the id Blazor documents. */
export const DEFAULT_DIALOG_ID = 'components-reconnect-modal';

/** A fresh copy each call, so one start's options never leak into another's. */
export function defaultReconnectionOptions(): ReconnectionOptions {
  return {
    // Jittered, so a restarting server never meets every client at once; 40 attempts of it cover
    // at least 333 s of outage (Blazor: 30 attempts in lockstep). See bench/ for the measurements.
    maxRetries: DEFAULT_MAX_RETRIES,
    retryIntervalMilliseconds: defaultRetryInterval,
    dialogId: DEFAULT_DIALOG_ID,
    dialogDelayMilliseconds: 500,
    messages: {},
  };
}
