import { beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { openDefault, outlastGracePeriod } from './helpers';

describe('default dialog: grace period (no flash)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('is not visible before 500 ms, visible after', () => {
    const { display, dialog } = openDefault();
    display.show();
    expect(dialog.open).toBe(false);
    vi.advanceTimersByTime(499);
    expect(dialog.open).toBe(false);
    display.update(2, 0); // the grace period's attempt
    display.update(3, 2); // it failed
    expect(dialog.open).toBe(false);
    vi.advanceTimersByTime(1);
    expect(dialog.open).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a 200 ms blip never shows and leaves no timer', () => {
    const { display, dialog } = openDefault();
    display.show();
    display.update(1, 0);
    vi.advanceTimersByTime(200);
    display.hide();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(dialog.open).toBe(false);
  });

  it('ticks during the grace period do not restart it', () => {
    const { display, dialog } = openDefault();
    display.show();
    for (let tick = 0; tick < 4; tick++) {
      vi.advanceTimersByTime(100);
      display.update(2, 5 - tick);
    }
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(99);
    display.update(2, 0);
    display.update(3, 2);
    vi.advanceTimersByTime(1);
    expect(dialog.open).toBe(true);
  });

  it('appears even if the page body was replaced during the grace period', () => {
    const { display, dialog } = openDefault();
    display.show();
    document.body.replaceChildren(); // an enhanced navigation swapping the body
    outlastGracePeriod(display);
    expect(display.host.isConnected).toBe(true);
    expect(dialog.open).toBe(true);
  });

  it('offline during the grace period waits like any pending attempt', () => {
    const { display, dialog } = openDefault();
    display.show();
    display.offline();
    vi.advanceTimersByTime(499);
    expect(dialog.open).toBe(false);
    vi.advanceTimersByTime(1);
    expect(dialog.open).toBe(true);
  });

  it('honours dialogDelayMilliseconds, and 0 shows at once', () => {
    const slow = openDefault({ dialogDelayMilliseconds: 2000 });
    slow.display.show();
    vi.advanceTimersByTime(1999);
    expect(slow.dialog.open).toBe(false);
    slow.display.update(2, 0);
    slow.display.update(3, 2);
    vi.advanceTimersByTime(1);
    expect(slow.dialog.open).toBe(true);
    slow.selector.dispose();

    const instant = openDefault({ dialogDelayMilliseconds: 0 });
    instant.display.show();
    expect(instant.dialog.open).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('failed needs the user, so it appears at once, cancelling the pending timer', () => {
    const { display, dialog } = openDefault();
    display.show();
    display.failed();
    expect(dialog.open).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a rejection that reloads keeps the grace period; one that cannot shows at once', () => {
    const reloading = openDefault();
    reloading.display.show();
    reloading.display.rejected();
    expect(reloading.reload).toHaveBeenCalledOnce();
    expect(reloading.dialog.open).toBe(false);
    reloading.selector.dispose();

    const blocked = openDefault({}, { storage: () => null });
    blocked.display.show();
    blocked.display.rejected();
    expect(blocked.reload).not.toHaveBeenCalled();
    expect(blocked.dialog.open).toBe(true);
    expect(blocked.reloadButton.hidden).toBe(false);
  });

  it('stays open across states once visible, and a retry does not flash it closed', () => {
    const { display, dialog } = openDefault();
    display.show();
    vi.advanceTimersByTime(500);
    display.failed();
    display.show(); // the Retry button's attempt
    expect(dialog.open).toBe(true);
    display.update(1, 0);
    display.hide();
    expect(dialog.open).toBe(false);
  });

  it('hide cancels the timer and dispose clears everything it owns', () => {
    const { display, selector, dialog } = openDefault();
    display.show();
    expect(vi.getTimerCount()).toBe(1);
    selector.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(display.host.isConnected).toBe(false);
    expect(dialog.open).toBe(false);
  });

  it('dispose while visible closes it and gives focus back', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    vi.runOnlyPendingTimers(); // jsdom's own, from focus()
    const { display, selector, dialog } = openDefault();
    display.failed();
    expect(dialog.open).toBe(true);
    expect(document.activeElement).toBe(display.host);
    selector.dispose();
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(outside);
    expect(vi.getTimerCount()).toBe(0);
  });
});
