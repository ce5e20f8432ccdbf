import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DIALOG_ATTRIBUTE } from '../../../src/ui/constants';
import { createDisplaySelector } from '../../../src/ui/display-selector';
import { FAILED_CLASS, SHOW_CLASS } from './state-classes';
import { asDefault, makeContext, MemoryStorage, partsOf, stateClasses } from './helpers';

const DIALOG_ID = 'components-reconnect-modal';

function renderModal(id = DIALOG_ID): HTMLElement {
  const modal = document.createElement('div');
  modal.id = id;
  document.body.append(modal);
  return modal;
}

function selector() {
  return createDisplaySelector({ reload: vi.fn(), storage: () => new MemoryStorage() });
}

const dialogHosts = () => document.querySelectorAll(`[${DEFAULT_DIALOG_ATTRIBUTE}]`);

describe('DisplaySelector', () => {
  it('drives the page modal when one exists', () => {
    const modal = renderModal();
    const display = selector().select(makeContext());
    expect('host' in display).toBe(false);
    display.show();
    expect(stateClasses(modal)).toEqual([SHOW_CLASS]);
    expect(dialogHosts()).toHaveLength(0);
  });

  it('honours a custom dialogId', () => {
    const modal = renderModal('my-reconnect');
    selector().select(makeContext({ dialogId: 'my-reconnect' })).failed();
    expect(stateClasses(modal)).toEqual([FAILED_CLASS]);
  });

  it('builds the default dialog when there is no modal', () => {
    const display = asDefault(selector().select(makeContext()));
    expect(display.host.hasAttribute(DEFAULT_DIALOG_ATTRIBUTE)).toBe(true);
  });

  it('finds a modal rendered after start, at the next connection-down', () => {
    const displays = selector();
    const first = displays.select(makeContext());
    first.show();
    first.hide();
    const modal = renderModal();
    const second = displays.select(makeContext());
    expect('host' in second).toBe(false);
    second.show();
    expect(stateClasses(modal)).toEqual([SHOW_CLASS]);
  });

  it('finds a modal replaced between outages', () => {
    const displays = selector();
    const old = renderModal();
    displays.select(makeContext()).show();
    old.remove();
    const replacement = renderModal();
    displays.select(makeContext()).show();
    expect(stateClasses(replacement)).toEqual([SHOW_CLASS]);
  });

  it('only the first element with the id receives the classes', () => {
    const first = renderModal();
    const second = renderModal();
    selector().select(makeContext()).show();
    expect(stateClasses(first)).toEqual([SHOW_CLASS]);
    expect(stateClasses(second)).toEqual([]);
  });

  it('reuses one default dialog: 200 drop/resume cycles do not grow the DOM', () => {
    vi.useFakeTimers();
    const displays = selector();
    const first = displays.select(makeContext());
    for (let cycle = 0; cycle < 200; cycle++) {
      const display = displays.select(makeContext());
      expect(display).toBe(first);
      display.show();
      display.update(1, 0);
      if (cycle % 2 === 0) vi.advanceTimersByTime(600);
      display.hide();
    }
    expect(dialogHosts()).toHaveLength(1);
    expect(document.body.children).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('re-attaches the default dialog if something removed it', () => {
    const displays = selector();
    const display = asDefault(displays.select(makeContext()));
    display.show();
    document.body.replaceChildren(); // an enhanced navigation swapping the body
    display.hide();
    displays.select(makeContext()).show();
    expect(dialogHosts()).toHaveLength(1);
    expect(display.host.isConnected).toBe(true);
  });

  it('gives the reused dialog the new outage’s retry callback and messages', () => {
    vi.useFakeTimers();
    const displays = selector();
    const firstRetry = vi.fn();
    const secondRetry = vi.fn();
    displays.select(makeContext({}, firstRetry));
    const display = displays.select(makeContext({ messages: { failed: 'Nope.' } }, secondRetry));
    display.failed();
    const { retryButton, stateText } = partsOf(asDefault(display));
    retryButton.click();
    expect(firstRetry).not.toHaveBeenCalled();
    expect(secondRetry).toHaveBeenCalledOnce();
    expect(stateText.textContent).toBe('Nope.');
  });

  it('closes the default dialog when the page modal takes over', () => {
    vi.useFakeTimers();
    const displays = selector();
    const display = asDefault(displays.select(makeContext()));
    display.failed();
    expect(partsOf(display).dialog.open).toBe(true);
    display.show(); // a pending grace timer would otherwise open it later
    renderModal();
    displays.select(makeContext());
    expect(partsOf(display).dialog.open).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(partsOf(display).dialog.open).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('dispose removes the default dialog, its timer and its listeners', () => {
    vi.useFakeTimers();
    const displays = selector();
    const display = displays.select(makeContext());
    display.show();
    expect(vi.getTimerCount()).toBe(1);
    displays.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(dialogHosts()).toHaveLength(0);
    display.update(2, 3); // a late call from a dying process is ignored
    expect(dialogHosts()).toHaveLength(0);
    const rebuilt = displays.select(makeContext());
    expect(rebuilt).not.toBe(display);
  });
});
