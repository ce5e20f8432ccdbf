import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDefault, outlastGracePeriod, spyOnDialog } from './helpers';

function focusableOutside(): HTMLInputElement {
  const input = document.createElement('input');
  document.body.append(input);
  input.focus();
  return input;
}

describe('default dialog: focus', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('moves focus into the dialog when it appears and back when it hides', () => {
    const input = focusableOutside();
    const { display, root, dialog } = openDefault();
    display.show();
    expect(document.activeElement).toBe(input); // not yet: still in the grace period
    outlastGracePeriod(display);
    expect(root.activeElement).toBe(dialog);
    display.hide();
    expect(document.activeElement).toBe(input);
  });

  it('focuses Retry when failed is offered, and the dialog once Retry disappears', () => {
    const input = focusableOutside();
    const { display, root, dialog, retryButton } = openDefault();
    display.show();
    vi.advanceTimersByTime(500);
    display.failed();
    expect(root.activeElement).toBe(retryButton);
    retryButton.click();
    display.show();
    expect(root.activeElement).toBe(dialog);
    display.hide();
    expect(document.activeElement).toBe(input);
  });

  it('focuses Reload when a rejection does not reload by itself', () => {
    focusableOutside();
    const { display, root, reloadButton } = openDefault({}, { storage: () => null });
    display.rejected();
    expect(root.activeElement).toBe(reloadButton);
  });

  it('does not restore focus to an element removed meanwhile', () => {
    const input = focusableOutside();
    const { display } = openDefault();
    display.failed();
    input.remove();
    expect(() => {
      display.hide();
    }).not.toThrow();
  });
});

describe('default dialog: Escape does nothing', () => {
  it('prevents the keydown and the cancel event; the dialog stays', () => {
    const { display, dialog, retryButton } = openDefault();
    display.failed();
    const keydown = new KeyboardEvent('keydown', {
      key: 'Escape',
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    retryButton.dispatchEvent(keydown);
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(keydown.defaultPrevented).toBe(true);
    expect(cancel.defaultPrevented).toBe(true);
    expect(dialog.open).toBe(true);
  });

  it('leaves other keys and Escape after hide alone', () => {
    const { display } = openDefault();
    display.failed();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    document.body.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    display.hide();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    document.body.dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(false);
  });
});

describe('default dialog: live region', () => {
  it('announces each state once, never the countdown ticks', () => {
    const { display, status, stateText } = openDefault({ dialogDelayMilliseconds: 0 });
    const observer = new MutationObserver(() => undefined);
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    const writes = () => observer.takeRecords().length;

    display.show();
    expect(status.textContent).toBe('Rejoining the server…');
    expect(writes()).toBeGreaterThan(0);
    display.update(1, 0);
    expect(writes()).toBe(0);
    display.update(2, 5);
    expect(status.textContent).toBe('Rejoin failed… trying again in 5\u00a0seconds');
    expect(writes()).toBeGreaterThan(0);
    for (let seconds = 4; seconds > 0; seconds--) display.update(2, seconds);
    expect(writes()).toBe(0);
    expect(stateText.textContent).toBe('Rejoin failed… trying again in 1\u00a0second');
    display.failed();
    expect(status.textContent).toBe('Failed to rejoin. Please retry or reload the page.');
    expect(writes()).toBeGreaterThan(0);
    observer.disconnect();
  });
});

describe('default dialog: showModal', () => {
  let native: ReturnType<typeof spyOnDialog>;
  beforeEach(() => {
    native = spyOnDialog();
  });

  it('opens with showModal and closes with close', () => {
    const { display, dialog } = openDefault({ dialogDelayMilliseconds: 0 });
    display.show();
    display.update(2, 3);
    expect(native.showModal).toHaveBeenCalledOnce();
    expect(dialog.open).toBe(true);
    display.hide();
    expect(native.close).toHaveBeenCalledOnce();
    expect(dialog.open).toBe(false);
  });

  it('puts itself back if the browser closes it anyway (a second Escape)', () => {
    const { display, dialog } = openDefault();
    display.failed();
    dialog.close();
    expect(dialog.open).toBe(true);
    expect(native.showModal).toHaveBeenCalledTimes(2);
  });

  it('re-presents a dialog whose host was removed while open', () => {
    const { display, dialog } = openDefault();
    display.failed();
    document.body.replaceChildren();
    display.show();
    expect(display.host.isConnected).toBe(true);
    expect(dialog.open).toBe(true);
    expect(native.showModal).toHaveBeenCalledTimes(2);
  });
});
