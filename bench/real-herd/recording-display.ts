import type { ReconnectionDisplay } from '../../src/ui/reconnection-display';

/** What a benchmark client's display saw in one outage: how often each display call came. */
export type DisplayRecord = Record<'show' | 'update' | 'offline' | 'hide' | 'failed' | 'rejected', number>;

/**
 * The display a benchmark client runs: the real process calls it as it would call the page's
 * dialog (show, a countdown update each second, hide…), and it only counts, so a thousand
 * clients in one Node process draw nothing.
 */
export function createRecordingDisplay(): { display: ReconnectionDisplay; record: DisplayRecord } {
  const record: DisplayRecord = { show: 0, update: 0, offline: 0, hide: 0, failed: 0, rejected: 0 };
  const display: ReconnectionDisplay = {
    show: () => {
      record.show++;
    },
    update: () => {
      record.update++;
    },
    offline: () => {
      record.offline++;
    },
    hide: () => {
      record.hide++;
    },
    failed: () => {
      record.failed++;
    },
    rejected: () => {
      record.rejected++;
    },
  };
  return { display, record };
}
