import { DEFAULT_MAX_RETRIES, defaultRetryInterval } from '../retry/default-retry-interval';
import type { ReconnectionOptions } from './types';

/** The hub path, relative to `document.baseURI`, as Blazor's `_blazor`. */
export const DEFAULT_HUB_PATH = '_blazor';

/** Default reconnect modal id; also the id Blazor documents. */
export const DEFAULT_DIALOG_ID = 'components-reconnect-modal';

/** A fresh copy each call, so one start's options never leak into another's. */
export function defaultReconnectionOptions(): ReconnectionOptions {
  return {
    // Not Blazor's 30: DEFAULT_MAX_RETRIES says why.
    maxRetries: DEFAULT_MAX_RETRIES,
    retryIntervalMilliseconds: defaultRetryInterval,
    dialogId: DEFAULT_DIALOG_ID,
    dialogDelayMilliseconds: 500,
    messages: {},
    preserveInput: true,
    coordinateTabs: true,
  };
}
