import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultReconnectionOptions } from '../../../src/options/defaults';
import type { ReconnectionOptions } from '../../../src/options/types';
import { DefaultReconnectionHandler } from '../../../src/reconnection/default-reconnection-handler';
import type { ReconnectionHost } from '../../../src/reconnection/host';
import { FakePageSignals } from '../support/fake-page-signals';
import { FakeTabGroup } from '../support/fake-tab-group';
import { RecordingDisplay } from '../support/recording-display';

beforeEach(() => {
  vi.useFakeTimers();
});

const options = (overrides: Partial<ReconnectionOptions> = {}): ReconnectionOptions => ({
  ...defaultReconnectionOptions(),
  dialogDelayMilliseconds: 0,
  retryIntervalMilliseconds: 1000,
  ...overrides,
});

const HUB = 'http://127.0.0.1:5000/_blazor';

/** Two handlers (two tabs) whose hosts name `group`, on one in-memory group. */
function twoTabs(group: string | undefined, overrides: Partial<ReconnectionOptions> = {}) {
  const tabs = new FakeTabGroup();
  const findTabs = vi.fn((name: string) => tabs.tab(name));
  const make = () => {
    const attempt = vi.fn(() => Promise.reject(new Error('down')));
    const host: ReconnectionHost = { attempt, tabGroup: group };
    const handler = new DefaultReconnectionHandler({
      host,
      options: options(overrides),
      selectDisplay: () => new RecordingDisplay(),
      signals: new FakePageSignals(),
      tabs: findTabs,
    });
    return { handler, attempt };
  };
  return { tabs, findTabs, a: make(), b: make() };
}

describe('the default handler coordinates tabs through the host’s group', () => {
  it('tabs whose hosts name the same hub make one attempt stream', async () => {
    const { findTabs, a, b } = twoTabs(HUB);
    a.handler.onConnectionDown(options());
    b.handler.onConnectionDown(options());
    await vi.advanceTimersByTimeAsync(5000);
    expect(findTabs).toHaveBeenCalledWith(HUB);
    expect(a.attempt.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(b.attempt).not.toHaveBeenCalled();
    a.handler.dispose();
    b.handler.dispose();
  });

  it('coordinateTabs: false: each tab attempts on its own, and no group is looked for', async () => {
    const { findTabs, a, b } = twoTabs(HUB, { coordinateTabs: false });
    a.handler.onConnectionDown(options());
    b.handler.onConnectionDown(options());
    await vi.advanceTimersByTimeAsync(5000);
    expect(findTabs).not.toHaveBeenCalled();
    expect(b.attempt.mock.calls.length).toBe(a.attempt.mock.calls.length);
    a.handler.dispose();
    b.handler.dispose();
  });

  it('a host that names no group is never coordinated', async () => {
    const { findTabs, a, b } = twoTabs(undefined);
    a.handler.onConnectionDown(options());
    b.handler.onConnectionDown(options());
    await vi.advanceTimersByTimeAsync(3000);
    expect(findTabs).not.toHaveBeenCalled();
    expect(b.attempt).toHaveBeenCalled();
    a.handler.dispose();
    b.handler.dispose();
  });

  it('a paused or unauthorized outage joins no group (each tab decides for itself)', () => {
    const { tabs, a } = twoTabs(HUB);
    a.handler.onConnectionDown(options(), undefined, true);
    expect(tabs.members).toHaveLength(0);
    a.handler.dispose();
  });
});
