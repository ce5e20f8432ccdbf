// The dialog's language is the page's, also where the browser does not carry `lang` into a
// shadow tree (Firefox): copied onto the dialog at each state, following later changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDefault } from './helpers';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  document.documentElement.removeAttribute('lang');
});

describe("the default dialog's language", () => {
  it("is the page's, copied at each state, and follows a later change", () => {
    document.documentElement.lang = 'fr';
    const { display, dialog } = openDefault();
    display.show();
    expect(dialog.getAttribute('lang')).toBe('fr');
    document.documentElement.lang = 'de';
    display.failed();
    expect(dialog.getAttribute('lang')).toBe('de');
  });

  it('follows a change made while a state is shown, with no new state, and stops when hidden', async () => {
    document.documentElement.lang = 'fr';
    const { display, dialog } = openDefault();
    display.failed();
    document.documentElement.lang = 'de';
    // A MutationObserver reports after the current task's microtasks.
    await Promise.resolve();
    expect(dialog.getAttribute('lang')).toBe('de');
    display.hide();
    document.documentElement.lang = 'it';
    await Promise.resolve();
    expect(dialog.getAttribute('lang')).toBe('de');
  });

  it('has none of its own when the page declares none', () => {
    const { display, dialog } = openDefault();
    display.show();
    expect(dialog.hasAttribute('lang')).toBe(false);
  });
});
