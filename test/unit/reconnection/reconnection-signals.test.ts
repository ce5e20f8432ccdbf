import { beforeEach, describe, expect, it, vi } from 'vitest';
import { processFixture, type Answer } from '../support/process-fixture';
import type { ReconnectionOptions } from '../../../src/options/types';

const setup = (overrides: Partial<ReconnectionOptions>, attempts: Answer[] = [], online = true) =>
  processFixture(overrides, { attempts, online });
import type { PageSignal } from '../../../src/reconnection/page-signals';
import { createBrowserPageSignals } from '../../../src/reconnection/page-signals';


beforeEach(() => {
  vi.useFakeTimers();
});

describe('signals that end the wait', () => {
  it.each<PageSignal>(['visible', 'online', 'restored'])('"%s" runs the attempt at once', async (signal) => {
    const { process, display, signals, attempt } = setup({ retryIntervalMilliseconds: () => 30_000 }, [true]);
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(5000);
    expect(attempt).not.toHaveBeenCalled();
    display.take();
    signals.fire(signal);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(display.take()).toEqual(['update 1 0', 'hide']);
  });

  it('catches up by wall clock when timers were throttled or the machine slept', async () => {
    const { process, display, attempt } = setup({ retryIntervalMilliseconds: 20_000, maxRetries: 5 }, [new Error('down'), true]);
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(3000);
    expect(display.take()).toEqual(['show', 'update 1 3', 'update 1 2', 'update 1 1', 'update 1 0', 'update 2 20']);
    // The first wait was capped at 3 s; the second is 20 s. The tab sleeps 60 s without timers firing.
    vi.setSystemTime(Date.now() + 60_000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(display.take()).toEqual(['update 2 0', 'hide']);
  });

  it('after failed, a signal makes exactly one more attempt', async () => {
    const { process, display, signals, attempt, outcomes } = setup({ maxRetries: 1, retryIntervalMilliseconds: 0 }, [
      new Error('down'),
      new Error('still down'),
      true,
    ]);
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(process.state).toBe('failed');
    display.take();
    signals.fire('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(display.take()).toEqual(['show', 'update 2 0', 'failed']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempt).toHaveBeenCalledTimes(2);
    process.attemptNow();
    await vi.advanceTimersByTimeAsync(0);
    // A manual attempt counts: it is the third of this outage.
    expect(display.take()).toEqual(['show', 'update 3 0', 'hide']);
    expect(outcomes).toEqual(['failed', 'failed', 'resumed']);
  });

  it('a signal during an attempt in flight does not start a second one', async () => {
    let settle: (value: boolean) => void = () => undefined;
    const attempt = vi.fn(() => new Promise<boolean>((resolve) => (settle = resolve)));
    const { process, signals } = processFixture({ retryIntervalMilliseconds: 0 }, { attempt });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    signals.fire('visible');
    signals.fire('online');
    process.attemptNow();
    expect(attempt).toHaveBeenCalledTimes(1);
    settle(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(process.state).toBe('resumed');
  });
});

describe('offline', () => {
  it('pauses without spending retries when the browser is offline at the drop', async () => {
    const { process, display, signals, attempt } = setup({ retryIntervalMilliseconds: 0, maxRetries: 2 }, [true], false);
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(attempt).not.toHaveBeenCalled();
    expect(display.take()).toEqual(['show', 'offline']);
    expect(process.state).toBe('offline');
    signals.fire('visible');
    expect(attempt).not.toHaveBeenCalled();
    signals.fire('online');
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(display.take()).toEqual(['show', 'update 1 0', 'hide']);
  });

  it('"offline" during a wait pauses it; "online" resumes with the same attempt number', async () => {
    const { process, display, signals, attempt } = setup({ retryIntervalMilliseconds: 10_000, maxRetries: 3 }, [
      new Error('down'),
      true,
    ]);
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(3000);
    expect(attempt).toHaveBeenCalledTimes(1);
    display.take();
    signals.fire('offline');
    expect(display.take()).toEqual(['offline']);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(attempt).toHaveBeenCalledTimes(1);
    signals.fire('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(display.take()).toEqual(['show', 'update 2 0', 'hide']);
  });

  it('an attempt that fails while offline leads to the offline state, not the next wait', async () => {
    const { process, display, signals } = setup({ retryIntervalMilliseconds: 0 }, []);
    process.start('dropped');
    signals.online = false;
    await vi.advanceTimersByTimeAsync(0);
    expect(display.take()).toEqual(['show', 'update 1 0', 'offline']);
    expect(process.attempts).toBe(1);
    process.dispose();
  });
});

describe('createBrowserPageSignals', () => {
  it('maps visibility, online, offline and persisted pageshow, and unsubscribes', () => {
    const seen: PageSignal[] = [];
    const signals = createBrowserPageSignals(window);
    const stop = signals.subscribe((signal) => seen.push(signal));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    stop();
    window.dispatchEvent(new Event('online'));
    expect(seen).toEqual(['visible', 'offline', 'online', 'restored']);
    expect(signals.isOnline()).toBe(navigator.onLine);
  });
});
