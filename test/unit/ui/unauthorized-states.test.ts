// A refused sign-in: the page's modal gets `-unauthorized`, the default dialog offers Sign in.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDefault, openPageModal, stateClasses } from './helpers';
import { SHOW_CLASS, UNAUTHORIZED_CLASS } from './state-classes';

describe("the page's modal", () => {
  it('unauthorized: -unauthorized alone, and the event', () => {
    const { modal, events, display } = openPageModal();
    display.show();
    expect(stateClasses(modal)).toEqual([SHOW_CLASS]);
    display.unauthorized();
    expect(stateClasses(modal)).toEqual([UNAUTHORIZED_CLASS]);
    expect(events).toEqual([{ state: 'show' }, { state: 'unauthorized' }]);
  });
});

describe('the default dialog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('says the sign-in expired, at once, focused on Sign in; no spinner, no other button', () => {
    const { display, dialog, stateText, status, spinner, signInButton, retryButton, reloadButton, resumeButton, events, root } =
      openDefault();
    display.show();
    display.unauthorized();
    expect(dialog.open).toBe(true);
    expect(stateText.textContent).toBe('Your sign-in has expired.');
    expect(status.textContent).toBe('Your sign-in has expired.');
    expect(signInButton.hidden).toBe(false);
    expect(signInButton.textContent).toBe('Sign in');
    expect(root.activeElement).toBe(signInButton);
    expect([retryButton.hidden, reloadButton.hidden, resumeButton.hidden, spinner.hidden]).toEqual([true, true, true, true]);
    expect(stateClasses(dialog)).toEqual([UNAUTHORIZED_CLASS]);
    expect(events.at(-1)).toStrictEqual({ state: 'unauthorized' });
  });

  it('Sign in calls the context once per unauthorized state when onUnauthorized is set, and never reloads', () => {
    const signIn = vi.fn();
    const { display, signInButton, reload } = openDefault({ onUnauthorized: vi.fn() }, {}, vi.fn(), vi.fn(), signIn);
    display.show();
    display.unauthorized();
    signInButton.click();
    signInButton.click();
    expect(signIn).toHaveBeenCalledTimes(1);
    display.unauthorized();
    signInButton.click();
    expect(signIn).toHaveBeenCalledTimes(2);
    expect(reload).not.toHaveBeenCalled();
  });

  it('without onUnauthorized, Sign in reloads the page (to its sign-in redirect); nothing reloads by itself', () => {
    const signIn = vi.fn();
    const { display, signInButton, reload } = openDefault({}, {}, vi.fn(), vi.fn(), signIn);
    display.show();
    display.unauthorized();
    vi.advanceTimersByTime(60_000);
    expect(reload).not.toHaveBeenCalled();
    signInButton.click();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(signIn).not.toHaveBeenCalled();
  });

  it('its texts are translatable', () => {
    const { display, stateText, signInButton } = openDefault({
      messages: { unauthorized: 'Ihre Anmeldung ist abgelaufen.', signIn: 'Anmelden' },
    });
    display.show();
    display.unauthorized();
    expect([stateText.textContent, signInButton.textContent]).toEqual(['Ihre Anmeldung ist abgelaufen.', 'Anmelden']);
  });
});
