import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReconnectionDisplay } from '../../../src/ui/reconnection-display';
import {
  CURRENT_ATTEMPT_ID,
  MAX_RETRIES_ID,
  SECONDS_TO_NEXT_ATTEMPT_ID,
  STATE_CHANGED_EVENT,
} from '../../../src/ui/constants';
import { markUserModalHidden, createUserSpecifiedDisplay } from '../../../src/ui/user-specified-display';
import {
  FAILED_CLASS,
  HIDE_CLASS,
  OFFLINE_CLASS,
  PAUSED_CLASS,
  REJECTED_CLASS,
  RESUME_FAILED_CLASS,
  RETRYING_CLASS,
  SHOW_CLASS,
} from './state-classes';
import { recordEvents, stateClasses } from './helpers';

const DIALOG_ID = 'components-reconnect-modal';

function renderModal(): HTMLElement {
  const modal = document.createElement('div');
  modal.id = DIALOG_ID;
  modal.className = 'my-modal';
  for (const id of [CURRENT_ATTEMPT_ID, MAX_RETRIES_ID, SECONDS_TO_NEXT_ATTEMPT_ID]) {
    const span = document.createElement('span');
    span.id = id;
    modal.append(span);
  }
  document.body.append(modal);
  return modal;
}

const text = (id: string) => document.getElementById(id)?.textContent;

describe('createUserSpecifiedDisplay', () => {
  let modal: HTMLElement;
  let events: ReturnType<typeof recordEvents>;
  let display: ReconnectionDisplay;

  beforeEach(() => {
    modal = renderModal();
    events = recordEvents(modal);
    display = createUserSpecifiedDisplay(modal, document, DIALOG_ID, 30);
  });

  it('show: only -show, the max-retries counter, a show event', () => {
    display.show();
    expect(stateClasses(modal)).toEqual([SHOW_CLASS]);
    expect(modal.classList.contains('my-modal')).toBe(true);
    expect(text(MAX_RETRIES_ID)).toBe('30');
    expect(events).toStrictEqual([{ state: 'show' }]);
  });

  it('show leaves the max-retries counter alone when retries are unbounded', () => {
    createUserSpecifiedDisplay(modal, document, DIALOG_ID, undefined).show();
    expect(text(MAX_RETRIES_ID)).toBe('');
  });

  it('update: counters, -retrying only while attempt > 1 and seconds > 0, an event every tick', () => {
    display.show();
    display.update(1, 0);
    expect(stateClasses(modal)).toEqual([SHOW_CLASS]);
    expect(text(CURRENT_ATTEMPT_ID)).toBe('1');
    expect(text(SECONDS_TO_NEXT_ATTEMPT_ID)).toBe('0');

    display.update(2, 5);
    expect(stateClasses(modal)).toEqual([SHOW_CLASS, RETRYING_CLASS]);
    display.update(2, 4);
    expect(text(CURRENT_ATTEMPT_ID)).toBe('2');
    expect(text(SECONDS_TO_NEXT_ATTEMPT_ID)).toBe('4');

    display.update(2, 0);
    expect(stateClasses(modal)).toEqual([SHOW_CLASS]);
    expect(events).toStrictEqual([
      { state: 'show' },
      { state: 'retrying', currentAttempt: 1, secondsToNextAttempt: 0 },
      { state: 'retrying', currentAttempt: 2, secondsToNextAttempt: 5 },
      { state: 'retrying', currentAttempt: 2, secondsToNextAttempt: 4 },
      { state: 'retrying', currentAttempt: 2, secondsToNextAttempt: 0 },
    ]);
  });

  it('update after show restores -show even if something removed it', () => {
    display.show();
    modal.classList.remove(SHOW_CLASS);
    display.update(3, 2);
    expect(stateClasses(modal)).toEqual([SHOW_CLASS, RETRYING_CLASS]);
  });

  it('offline keeps -show (CSS written for Blazor keeps the modal up) and adds -offline', () => {
    display.show();
    display.update(2, 5);
    display.offline();
    expect(stateClasses(modal)).toEqual([SHOW_CLASS, OFFLINE_CLASS]);
    display.update(2, 3);
    expect(stateClasses(modal)).toEqual([SHOW_CLASS, RETRYING_CLASS]);
    expect(events.at(2)).toStrictEqual({ state: 'offline' });
  });

  it.each([
    ['hide', HIDE_CLASS],
    ['failed', FAILED_CLASS],
    ['rejected', REJECTED_CLASS],
  ] as const)('%s removes every state class, reserved ones included, then adds its own', (call, cls) => {
    modal.classList.add(SHOW_CLASS, RETRYING_CLASS, OFFLINE_CLASS, PAUSED_CLASS, RESUME_FAILED_CLASS);
    display[call]();
    expect(stateClasses(modal)).toEqual([cls]);
    expect(modal.classList.contains('my-modal')).toBe(true);
    expect(events).toStrictEqual([{ state: call }]);
  });

  it('a whole outage produces the exact class and event sequence', () => {
    const seen: string[][] = [];
    const record = () => seen.push(stateClasses(modal));
    display.show(); record();
    display.update(1, 0); record();
    display.update(2, 1); record();
    display.failed(); record();
    display.show(); record();
    display.rejected(); record();
    expect(seen).toEqual([
      [SHOW_CLASS],
      [SHOW_CLASS],
      [SHOW_CLASS, RETRYING_CLASS],
      [FAILED_CLASS],
      [SHOW_CLASS],
      [REJECTED_CLASS],
    ]);
    expect(events.map((detail) => (detail === 'bubbled' ? detail : detail.state))).toEqual([
      'show', 'retrying', 'retrying', 'failed', 'show', 'rejected',
    ]);
  });

  it('the event does not bubble: a document listener never hears it', () => {
    let heard = 0;
    document.addEventListener(STATE_CHANGED_EVENT, () => heard++);
    display.show();
    display.hide();
    expect(heard).toBe(0);
    expect(events).not.toContain('bubbled');
  });

  it('follows a modal re-rendered in the middle of an outage', () => {
    display.show();
    modal.remove();
    const replacement = renderModal();
    display.update(2, 3);
    expect(stateClasses(replacement)).toEqual([SHOW_CLASS, RETRYING_CLASS]);
    expect(stateClasses(modal)).toEqual([SHOW_CLASS]);
  });

  it('never reloads the page: the page decides from the class or the event', () => {
    const source = readFileSync('src/ui/user-specified-display.ts', 'utf8');
    expect(source).not.toMatch(/location|reload\(/);
  });
});

describe('markUserModalHidden', () => {
  it('gives the page modal -hide (and only it) without an event', () => {
    const modal = renderModal();
    modal.classList.add(SHOW_CLASS);
    const events = recordEvents(modal);
    expect(markUserModalHidden(document, DIALOG_ID)).toBe(true);
    expect(stateClasses(modal)).toEqual([HIDE_CLASS]);
    expect(modal.classList.contains('my-modal')).toBe(true);
    expect(events).toEqual([]);
  });

  it('does nothing without a modal', () => {
    expect(markUserModalHidden(document, DIALOG_ID)).toBe(false);
    expect(document.body.children).toHaveLength(0);
  });
});
