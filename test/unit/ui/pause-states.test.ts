// Blazor 10's pause: the page's modal and the default dialog show `paused` and `resume-failed`.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDefault, openPageModal, stateClasses } from './helpers';
import { PAUSED_CLASS, RESUME_FAILED_CLASS, SHOW_CLASS } from './state-classes';

describe("the page's modal", () => {
  it('a pause is show, then paused: -paused alone (not -show), the event with remote', () => {
    const { modal, events, display } = openPageModal();
    display.show();
    expect(stateClasses(modal)).toEqual([SHOW_CLASS]);
    display.paused(true);
    expect(stateClasses(modal)).toEqual([PAUSED_CLASS]);
    display.resumeFailed();
    expect(stateClasses(modal)).toEqual([RESUME_FAILED_CLASS]);
    expect(events).toEqual([{ state: 'show' }, { state: 'paused', remote: true }, { state: 'resume-failed' }]);
  });
});

describe('the default dialog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it.each([
    [false, 'The session has been paused.'],
    [true, 'The session has been paused by the server.'],
  ])('paused (remote %s): its text, a focused Resume button at once, no spinner', (remote, text) => {
    const { display, dialog, stateText, spinner, resumeButton, retryButton, reloadButton, events, root } = openDefault();
    display.show();
    display.paused(remote);
    expect(dialog.open).toBe(true);
    expect(stateText.textContent).toBe(text);
    expect(resumeButton.hidden).toBe(false);
    expect(resumeButton.textContent).toBe('Resume');
    expect(root.activeElement).toBe(resumeButton);
    expect([retryButton.hidden, reloadButton.hidden, spinner.hidden]).toEqual([true, true, true]);
    expect(stateClasses(dialog)).toEqual([PAUSED_CLASS]);
    expect(events.at(-1)).toStrictEqual({ state: 'paused', remote });
  });

  it('Resume calls the context once per paused state', () => {
    const resume = vi.fn();
    const { display, resumeButton } = openDefault({}, {}, vi.fn(), resume);
    display.show();
    display.paused(false);
    resumeButton.click();
    resumeButton.click();
    expect(resume).toHaveBeenCalledTimes(1);
  });

  it('resume-failed: its text and a Reload button that reloads; never a stuck dialog', () => {
    const { display, stateText, reloadButton, resumeButton, reload, root } = openDefault();
    display.show();
    display.paused(false);
    display.resumeFailed();
    expect(stateText.textContent).toBe('Failed to resume the session. Please reload the page.');
    expect(resumeButton.hidden).toBe(true);
    expect(reloadButton.hidden).toBe(false);
    expect(root.activeElement).toBe(reloadButton);
    reloadButton.click();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('the pause texts are translatable', () => {
    const { display, stateText, resumeButton } = openDefault({
      messages: { paused: 'Pausiert.', resume: 'Fortsetzen', resumeFailed: 'Fortsetzen fehlgeschlagen.' },
    });
    display.show();
    display.paused(false);
    expect([stateText.textContent, resumeButton.textContent]).toEqual(['Pausiert.', 'Fortsetzen']);
    display.resumeFailed();
    expect(stateText.textContent).toBe('Fortsetzen fehlgeschlagen.');
  });
});
