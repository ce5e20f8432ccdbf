// Firefox closes the page's WebSocket (1001) when a navigation starts, even one that never
// replaces the page (a download, a 204): the circuit resumes at once, unseen by the handler.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogLevel } from '@microsoft/signalr';
import { NAVIGATION_CLOSE_WINDOW_MS, watchPageLifecycle } from '../../../../src/hosts/circuit/page-lifecycle';
import { setup } from './circuit-fixture';

const GOING_AWAY = new Error('WebSocket closed with status code: 1001 (no reason given).');

/** jsdom has no Navigation API: a stand-in `window.navigation` that dispatches `navigate`. */
function installNavigation(): (sameDocument?: boolean) => void {
  const navigation = new EventTarget();
  Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
  return (sameDocument = false) => {
    navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { sameDocument } }));
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  Reflect.deleteProperty(window, 'navigation');
  vi.useRealTimers();
});

describe('a close right after a navigation started (Firefox)', () => {
  it('resumes the same circuit at once: no connection-down, no connection-up, nothing logged at Warning', async () => {
    const navigate = installNavigation();
    const { server, host, events, logger } = setup();
    await host.started;
    const id = [...server.circuits][0];
    navigate();
    server.last.drop(GOING_AWAY);
    expect(host.state).toBe('down');
    await vi.waitFor(() => {
      expect(host.state).toBe('connected');
    });
    expect(server.last.invocations).toEqual([{ method: 'ConnectCircuit', args: [id] }]);
    expect(events).toEqual(['opened']);
    expect(logger.atOrAbove(LogLevel.Warning)).toEqual([]);
  });

  it('is an ordinary outage when that attempt fails: the handler hears of it then', async () => {
    const navigate = installNavigation();
    const { server, host, events } = setup();
    await host.started;
    navigate();
    server.reachable = false;
    server.last.drop(GOING_AWAY);
    await vi.waitFor(() => {
      expect(events).toEqual(['opened', `down: ${GOING_AWAY.message}`]);
    });
    expect(host.state).toBe('down');
  });

  it('is an ordinary outage when the server no longer holds the circuit', async () => {
    const navigate = installNavigation();
    const { server, host, events } = setup();
    await host.started;
    navigate();
    server.circuits.clear();
    server.last.drop(GOING_AWAY);
    await vi.waitFor(() => {
      expect(events).toEqual(['opened', `down: ${GOING_AWAY.message}`]);
    });
  });

  it('does nothing once the navigation happened: pagehide ended the circuit first', async () => {
    const navigate = installNavigation();
    const { server, host, events } = setup();
    await host.started;
    const connections = server.connections.length;
    navigate();
    window.dispatchEvent(new Event('pagehide'));
    server.last.drop(GOING_AWAY);
    expect(host.state).toBe('disconnected');
    expect(server.connections).toHaveLength(connections);
    expect(events).toEqual(['opened', 'closed']);
  });
});

describe('watchPageLifecycle', () => {
  it('counts a navigation to another document for two seconds; a same-document one never', () => {
    const navigate = installNavigation();
    const page = watchPageLifecycle(window, { hide: () => undefined, restored: () => undefined });
    expect(page.navigating()).toBe(false);
    navigate(true);
    expect(page.navigating()).toBe(false);
    navigate();
    expect(page.navigating()).toBe(true);
    vi.advanceTimersByTime(NAVIGATION_CLOSE_WINDOW_MS - 1);
    expect(page.navigating()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(page.navigating()).toBe(false);
    page.dispose();
  });

  it('without the Navigation API, no close is taken for a navigation’s', () => {
    const page = watchPageLifecycle(window, { hide: () => undefined, restored: () => undefined });
    expect(page.navigating()).toBe(false);
    page.dispose();
  });

  it('stops listening at dispose()', () => {
    const navigate = installNavigation();
    const hide = vi.fn();
    const page = watchPageLifecycle(window, { hide, restored: () => undefined });
    page.dispose();
    navigate();
    window.dispatchEvent(new Event('pagehide'));
    expect(page.navigating()).toBe(false);
    expect(hide).not.toHaveBeenCalled();
  });
});
