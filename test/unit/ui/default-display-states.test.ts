import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DIALOG_ATTRIBUTE, DEFAULT_DIALOG_TEXT_ID, STATE_CHANGED_EVENT } from '../../../src/ui/constants';
import { FAILED_CLASS, HIDE_CLASS, OFFLINE_CLASS, REJECTED_CLASS, RETRYING_CLASS, SHOW_CLASS } from './state-classes';
import type { ReconnectionMessageContext } from '../../../src/options/types';
import { DEBUG, ERROR, WARNING } from '../../../src/logging/logger';
import { expectErrorLog } from '../support/verify-logs';
import { openDefault, stateClasses } from './helpers';

describe('default dialog: one render per state', () => {
  it('is a light-DOM host with an open shadow root and an accessible alertdialog', () => {
    const { display, dialog, stateText, status } = openDefault();
    display.show();
    expect(display.host.parentElement).toBe(document.body);
    expect(display.host.hasAttribute(DEFAULT_DIALOG_ATTRIBUTE)).toBe(true);
    expect(display.host.id).toBe('');
    expect(display.host.shadowRoot?.mode).toBe('open');
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-describedby')).toBe(DEFAULT_DIALOG_TEXT_ID);
    expect(dialog.getAttribute('aria-label')).toBe('Connection to the server lost');
    expect(dialog.hasAttribute('aria-labelledby')).toBe(false);
    expect(stateText.id).toBe(DEFAULT_DIALOG_TEXT_ID);
    expect(status.getAttribute('role')).toBe('status');
    expect(stateText.getAttribute('aria-live')).toBeNull();
  });

  it('show: rejoining text, no buttons, a show event on the host', () => {
    const { display, dialog, spinner, stateText, retryButton, reloadButton, events } = openDefault();
    display.show();
    expect(spinner.hidden).toBe(false);
    expect(stateClasses(dialog)).toEqual([SHOW_CLASS]);
    expect([...dialog.classList]).toEqual([SHOW_CLASS]);
    expect(stateText.textContent).toBe('Rejoining the server…');
    expect(retryButton.hidden && reloadButton.hidden).toBe(true);
    expect(events).toStrictEqual([{ state: 'show' }]);
  });

  it('update: rejoining for the first attempt or 0 s, else the countdown (singular at 1)', () => {
    const { display, dialog, stateText, events } = openDefault();
    display.show();
    display.update(1, 0);
    expect(stateText.textContent).toBe('Rejoining the server…');
    expect(stateClasses(dialog)).toEqual([SHOW_CLASS]);
    display.update(2, 5);
    expect(stateText.textContent).toBe('Rejoin failed… trying again in 5\u00a0seconds');
    expect(stateClasses(dialog)).toEqual([SHOW_CLASS, RETRYING_CLASS]);
    display.update(2, 1);
    expect(stateText.textContent).toBe('Rejoin failed… trying again in 1\u00a0second');
    display.update(2, 0);
    expect(stateText.textContent).toBe('Rejoining the server…');
    expect(events.slice(1)).toStrictEqual([
      { state: 'retrying', currentAttempt: 1, secondsToNextAttempt: 0 },
      { state: 'retrying', currentAttempt: 2, secondsToNextAttempt: 5 },
      { state: 'retrying', currentAttempt: 2, secondsToNextAttempt: 1 },
      { state: 'retrying', currentAttempt: 2, secondsToNextAttempt: 0 },
    ]);
  });

  it('offline: its own text, -show kept, no buttons', () => {
    const { display, dialog, stateText, retryButton, events } = openDefault();
    display.show();
    display.offline();
    expect(stateClasses(dialog)).toEqual([SHOW_CLASS, OFFLINE_CLASS]);
    expect(stateText.textContent).toBe('You are offline. Waiting for the network…');
    expect(retryButton.hidden).toBe(true);
    expect(events.at(-1)).toStrictEqual({ state: 'offline' });
  });

  it('failed: text, a Retry button that calls retry() once per failure, and Reload beside it', () => {
    const { display, dialog, spinner, stateText, retryButton, reloadButton, events, context, reload } = openDefault();
    display.show();
    display.failed();
    expect(spinner.hidden).toBe(true);
    expect(stateClasses(dialog)).toEqual([FAILED_CLASS]);
    expect(stateText.textContent).toBe('Failed to rejoin. Please retry or reload the page.');
    expect(retryButton.hidden).toBe(false);
    expect(retryButton.textContent).toBe('Retry');
    expect(retryButton.type).toBe('button');
    expect(reloadButton.hidden).toBe(false);
    expect(reloadButton.textContent).toBe('Reload');
    // Retry is the offer: it has the focus; Reload is the second way out.
    expect(dialog.getRootNode()).toHaveProperty('activeElement', retryButton);
    expect(events.at(-1)).toStrictEqual({ state: 'failed' });
    retryButton.click();
    retryButton.click(); // a double click before the process answers
    expect(context.retry).toHaveBeenCalledOnce();
    display.show();
    display.failed();
    retryButton.click();
    expect(context.retry).toHaveBeenCalledTimes(2);
    expect(reload).not.toHaveBeenCalled();
    display.show();
    display.failed();
    reloadButton.click();
    expect(reload).toHaveBeenCalledOnce();
    // Leaving the failed state withdraws Reload with Retry.
    display.show();
    expect(reloadButton.hidden).toBe(true);
  });

  it('a throwing retry callback is logged and the button stays usable', () => {
    expectErrorLog(/^retry threw\.$/);
    const retryFn = vi.fn(() => {
      throw new Error('boom');
    });
    const { display, retryButton, logger } = openDefault({}, {}, retryFn);
    display.failed();
    retryButton.click();
    retryButton.click();
    expect(retryFn).toHaveBeenCalledTimes(2);
    // The first throw at Error, a repeat at Debug: a page bug is reported, never flooded.
    expect(logger.entries.filter((entry) => entry.message === 'retry threw.').map((entry) => entry.level)).toEqual([
      ERROR,
      DEBUG,
    ]);
  });

  it('rejected: reloads the page, shows the rejected text with the spinner, no button', () => {
    const { display, dialog, spinner, stateText, reload, reloadButton } = openDefault();
    display.show();
    display.rejected();
    expect(reload).toHaveBeenCalledOnce();
    expect(stateClasses(dialog)).toEqual([REJECTED_CLASS]);
    expect(spinner.hidden).toBe(false);
    expect(stateText.textContent).toBe('The session has ended. Reload the page to continue.');
    expect(reloadButton.hidden).toBe(true);
  });

  it('rejected when the reload itself throws: a Reload button instead', () => {
    expectErrorLog(/^reload threw\.$/);
    const reloadFn = vi.fn(() => {
      throw new Error('sandboxed');
    });
    const { display, dialog, spinner, reloadButton, logger } = openDefault({}, { reload: reloadFn });
    display.rejected();
    expect(reloadFn).toHaveBeenCalledOnce();
    expect(reloadButton.hidden).toBe(false);
    expect(reloadButton.textContent).toBe('Reload');
    expect(spinner.hidden).toBe(true);
    expect(dialog.open).toBe(true);
    expect(logger.entries.some((entry) => entry.level === ERROR)).toBe(true);
  });

  it('hide: -hide, the last text kept while it closes', () => {
    const { display, dialog, stateText, events } = openDefault();
    display.show();
    display.hide();
    expect(stateClasses(dialog)).toEqual([HIDE_CLASS]);
    expect(stateText.textContent).toBe('Rejoining the server…');
    expect(events.at(-1)).toStrictEqual({ state: 'hide' });
  });

  it('state events do not bubble out of the host', () => {
    let heard = 0;
    document.addEventListener(STATE_CHANGED_EVENT, () => heard++);
    const { display, events } = openDefault();
    display.show();
    display.hide();
    expect(heard).toBe(0);
    expect(events).not.toContain('bubbled');
  });
});

describe('default dialog: messages', () => {
  it('string overrides replace every text', () => {
    const messages = {
      rejoining: 'Verbinde…',
      retrying: 'Erneut…',
      failed: 'Fehlgeschlagen.',
      rejected: 'Sitzung beendet.',
      offline: 'Offline.',
      retry: 'Nochmal',
      reload: 'Neu laden',
    };
    // The reload fails, so the Reload button (and its label) is offered.
    expectErrorLog(/^reload threw\.$/);
    const failingReload = () => {
      throw new Error('blocked');
    };
    const { display, stateText, retryButton, reloadButton } = openDefault(
      { messages },
      { reload: failingReload },
    );
    const seen: string[] = [];
    display.show();
    seen.push(stateText.textContent);
    display.update(2, 3);
    seen.push(stateText.textContent);
    display.offline();
    seen.push(stateText.textContent);
    display.failed();
    seen.push(stateText.textContent, retryButton.textContent);
    display.rejected();
    seen.push(stateText.textContent, reloadButton.textContent);
    expect(seen).toEqual([
      'Verbinde…',
      'Erneut…',
      'Offline.',
      'Fehlgeschlagen.',
      'Nochmal',
      'Sitzung beendet.',
      'Neu laden',
    ]);
  });

  it('messages.title renames the dialog for assistive technology', () => {
    const { display, dialog } = openDefault({ messages: { title: 'Verbindung unterbrochen' } });
    display.show();
    expect(dialog.getAttribute('aria-label')).toBe('Verbindung unterbrochen');
  });

  it('function overrides get attempt, maxRetries and seconds', () => {
    const retrying = vi.fn(({ attempt, maxRetries, secondsToNextAttempt }: ReconnectionMessageContext) =>
      `Versuch ${attempt}/${maxRetries ?? '∞'} in ${secondsToNextAttempt} s`);
    const { display, stateText } = openDefault({ maxRetries: 8, messages: { retrying } });
    display.update(3, 7);
    expect(stateText.textContent).toBe('Versuch 3/8 in 7 s');
    expect(retrying).toHaveBeenLastCalledWith({ attempt: 3, maxRetries: 8, secondsToNextAttempt: 7 });
  });

  it('a throwing message function falls back to the default text and is logged once', () => {
    expectErrorLog(/^messages\.retrying threw\.$/);
    const { display, stateText, logger } = openDefault({
      messages: {
        retrying: () => {
          throw new Error('translation missing');
        },
      },
    });
    display.update(2, 3);
    expect(stateText.textContent).toBe('Rejoin failed… trying again in 3\u00a0seconds');
    display.update(2, 2);
    expect(stateText.textContent).toBe('Rejoin failed… trying again in 2\u00a0seconds');
    expect(logger.errors().map((entry) => entry.message)).toEqual(['messages.retrying threw.']);
    expect(logger.entries.filter((entry) => entry.level === WARNING)).toEqual([]);
  });

  it('a message function returning a non-string falls back to the default, warned once per key', () => {
    const { display, stateText, logger } = openDefault({
      messages: {
        rejoining: (() => 42) as unknown as () => string,
        offline: (() => undefined) as unknown as () => string,
      },
    });
    display.show();
    expect(stateText.textContent).toBe('Rejoining the server…');
    display.offline();
    expect(stateText.textContent).toBe('You are offline. Waiting for the network…');
    display.show();
    display.offline();
    const warnings = logger.entries.filter((entry) => entry.level === WARNING);
    expect(warnings.map((entry) => entry.message)).toEqual([
      'messages.rejoining gave no string; using the default.',
      'messages.offline gave no string; using the default.',
    ]);
  });
});
