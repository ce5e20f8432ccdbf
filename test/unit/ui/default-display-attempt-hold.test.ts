// Defect: a 300 ms cut painted the dialog, because the attempt after the immediate one came after
// the 500 ms grace period. The process now attempts when the grace period ends, and the dialog
// waits for that attempt before it paints.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDefault } from './helpers';

describe('default dialog: an attempt running when the grace period ends', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('is waited for: a success never paints', () => {
    const { display, dialog } = openDefault();
    display.show();
    display.update(1, 0);
    display.update(2, 1);
    vi.advanceTimersByTime(499);
    display.update(2, 0); // the grace period's attempt starts, just before the dialog decides
    expect(dialog.open).toBe(false);
    vi.advanceTimersByTime(40);
    display.hide(); // it resumed
    vi.advanceTimersByTime(10_000);
    expect(dialog.open).toBe(false);
  });

  it('was already running when the grace period ended: still waited for', () => {
    const { display, dialog } = openDefault();
    display.show();
    display.update(1, 0);
    vi.advanceTimersByTime(500);
    expect(dialog.open).toBe(false);
    display.hide();
    vi.advanceTimersByTime(10_000);
    expect(dialog.open).toBe(false);
  });

  it("the policy's attempt due just after the grace period (no extra attempt then): waited for, never painted", () => {
    const { display, dialog } = openDefault();
    display.show();
    display.update(1, 0);
    display.update(2, 1); // the policy's second attempt is due at 600 ms
    vi.advanceTimersByTime(600);
    expect(dialog.open).toBe(false);
    display.update(2, 0);
    vi.advanceTimersByTime(40);
    display.hide(); // it resumed
    vi.advanceTimersByTime(10_000);
    expect(dialog.open).toBe(false);
  });

  it('paints as soon as the attempt fails (the next state has no attempt running)', () => {
    const { display, dialog } = openDefault();
    display.show();
    display.update(1, 0);
    vi.advanceTimersByTime(600);
    expect(dialog.open).toBe(false);
    display.update(2, 3);
    expect(dialog.open).toBe(true);
  });

  it('paints one more grace period later when the attempt hangs (a silent network)', () => {
    const { display, dialog } = openDefault();
    display.show();
    display.update(1, 0);
    vi.advanceTimersByTime(999);
    expect(dialog.open).toBe(false);
    vi.advanceTimersByTime(1);
    expect(dialog.open).toBe(true);
  });

  it('offline is never an attempt running: it paints at the end of the grace period', () => {
    const { display, dialog } = openDefault();
    display.show();
    display.update(1, 0);
    display.offline();
    vi.advanceTimersByTime(500);
    expect(dialog.open).toBe(true);
  });
});

describe('default dialog: timers run late and out of order (a loaded browser)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it("the dialog's timer firing before the grace period's attempt: waited for, never painted", () => {
    const { display, dialog } = openDefault();
    display.show();
    display.update(1, 0);
    display.update(2, 1); // the immediate attempt failed; the next is due at the end of the grace period
    vi.advanceTimersByTime(510); // the dialog's timer runs first, late
    expect(dialog.open).toBe(false);
    display.update(2, 0); // the process's timer, later still
    vi.advanceTimersByTime(30);
    display.hide();
    vi.advanceTimersByTime(10_000);
    expect(dialog.open).toBe(false);
  });

  it("the grace period's attempt failing before the dialog's timer fires: painted when it fires", () => {
    const { display, dialog } = openDefault();
    display.show();
    display.update(1, 0);
    display.update(2, 1);
    vi.advanceTimersByTime(480);
    display.update(2, 0); // within the last 50 ms: the grace period's attempt
    display.update(3, 2);
    expect(dialog.open).toBe(false);
    vi.advanceTimersByTime(20);
    expect(dialog.open).toBe(true);
  });
});
