// A farm node's drain: the pause it asks for reads "Updating…" (a short wait, not an error) on
// the page's modal and in the default dialog, and falls back to the plain pause when the drain
// could not resume the circuit by itself.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultReconnectionOptions } from '../../../src/options/defaults';
import { DefaultReconnectionHandler } from '../../../src/reconnection/default-reconnection-handler';
import { createGuard } from '../../../src/logging/guard';
import { showPauseAsUpdating } from '../../../src/ui/updating-display';
import { FakePageSignals } from '../support/fake-page-signals';
import { RecordingDisplay } from '../support/recording-display';
import { RecordingLogger } from '../support/recording-logger';
import { openDefault, openPageModal, stateClasses } from './helpers';
import { SHOW_CLASS, UPDATING_CLASS } from './state-classes';

/** A display that knows the updating state. */
class UpdatingRecordingDisplay extends RecordingDisplay {
  updating(): void {
    this.calls.push('updating');
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});

describe("the page's modal", () => {
  it('updating keeps -show beside -updating (CSS for -show keeps the modal up) and sends the updating event', () => {
    const { modal, events, display } = openPageModal();
    display.show();
    display.updating();
    expect(stateClasses(modal).sort()).toEqual([SHOW_CLASS, UPDATING_CLASS].sort());
    display.hide();
    expect(stateClasses(modal)).not.toContain(UPDATING_CLASS);
    expect(events).toEqual([{ state: 'show' }, { state: 'updating' }, { state: 'hide' }]);
  });
});

describe('the default dialog', () => {
  it('updating: "Updating…" after the grace period, announced once, with the spinner and no button', () => {
    const { display, dialog, stateText, status, spinner, resumeButton, retryButton, reloadButton, signInButton, events } = openDefault();
    display.show();
    display.updating();
    expect(dialog.open).toBe(false);
    vi.advanceTimersByTime(500);
    expect(dialog.open).toBe(true);
    expect(stateText.textContent).toBe('Updating\u2026');
    expect(status.textContent).toBe('Updating\u2026');
    expect(spinner.hidden).toBe(false);
    expect([resumeButton, retryButton, reloadButton, signInButton].map((button) => button.hidden)).toEqual([true, true, true, true]);
    expect(stateClasses(dialog).sort()).toEqual([SHOW_CLASS, UPDATING_CLASS].sort());
    expect(events.at(-1)).toStrictEqual({ state: 'updating' });
  });

  it('an update shorter than the grace period is never painted', () => {
    const { display, dialog } = openDefault();
    display.show();
    display.updating();
    vi.advanceTimersByTime(499);
    display.hide();
    vi.advanceTimersByTime(5_000);
    expect(dialog.open).toBe(false);
  });

  it('the updating text is translatable', () => {
    const { display, stateText } = openDefault({ messages: { updating: 'Aktualisierung\u2026' } });
    display.show();
    display.updating();
    expect(stateText.textContent).toBe('Aktualisierung\u2026');
  });
});

describe('showPauseAsUpdating', () => {
  const guard = createGuard(new RecordingLogger());

  it('shows a pause as updating; end() turns it back into the pause it was, once', () => {
    const inner = new UpdatingRecordingDisplay();
    const wrapped = showPauseAsUpdating(inner, guard);
    wrapped.display.show();
    wrapped.display.paused?.(false);
    wrapped.end();
    wrapped.end();
    expect(inner.take()).toEqual(['show', 'updating', 'paused false']);
  });

  it('end() after the display moved on (hidden: resumed) changes nothing', () => {
    const inner = new UpdatingRecordingDisplay();
    const wrapped = showPauseAsUpdating(inner, guard);
    wrapped.display.show();
    wrapped.display.paused?.(true);
    wrapped.display.hide();
    wrapped.end();
    expect(inner.take()).toEqual(['show', 'updating', 'hide']);
  });

  it('a display without updating shows the pause', () => {
    const inner = new RecordingDisplay();
    const wrapped = showPauseAsUpdating(inner, guard);
    wrapped.display.paused?.(true);
    wrapped.end();
    expect(inner.take()).toEqual(['paused true']);
  });
});

describe('DefaultReconnectionHandler with isUpdating', () => {
  function handlerWith(updating: boolean) {
    const display = new UpdatingRecordingDisplay();
    const handler = new DefaultReconnectionHandler({
      selectDisplay: () => display,
      isUpdating: () => updating,
      logger: new RecordingLogger(),
      signals: new FakePageSignals(),
      host: { attempt: () => Promise.resolve(true), resume: () => Promise.resolve(true) },
    });
    return { display, handler };
  }

  it('a drain\'s pause shows updating, ended by the resume (hide); endUpdate after it changes nothing', () => {
    const { display, handler } = handlerWith(true);
    handler.onConnectionDown(defaultReconnectionOptions(), undefined, true, false);
    handler.onConnectionUp();
    handler.endUpdate();
    expect(display.take()).toEqual(['show', 'updating', 'hide']);
  });

  it('endUpdate while still updating shows the pause, whose Resume works', async () => {
    const { display, handler } = handlerWith(true);
    handler.onConnectionDown(defaultReconnectionOptions(), undefined, true, false);
    handler.endUpdate();
    expect(display.take()).toEqual(['show', 'updating', 'paused false']);
    handler.onConnectionDown(defaultReconnectionOptions());
    expect(display.take()).toEqual([]);
    handler.dispose();
    await vi.advanceTimersByTimeAsync(0);
  });

  it('a pause that is no update, and a dropped connection during a drain, show what they are', () => {
    const paused = handlerWith(false);
    paused.handler.onConnectionDown(defaultReconnectionOptions(), undefined, true, true);
    expect(paused.display.take()).toEqual(['show', 'paused true']);
    const dropped = handlerWith(true);
    dropped.handler.onConnectionDown({ ...defaultReconnectionOptions(), dialogDelayMilliseconds: 0 });
    expect(dropped.display.take()[0]).toBe('show');
    expect(dropped.display.calls).not.toContain('updating');
    paused.handler.dispose();
    dropped.handler.dispose();
  });
});
