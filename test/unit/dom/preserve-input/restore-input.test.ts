import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordKey } from '../../../../src/dom/preserve-input/input-record';
import { RESTORE_WAIT_MS, restoreInput } from '../../../../src/dom/preserve-input/restore-input';
import { saveInput } from '../../../../src/dom/preserve-input/save-input';
import { buildForm, fillForm, flushObservers, MemoryStorage, stubScroll } from './fixtures';

const NOW = 1_700_000_000_000;

describe('restoreInput', () => {
  const storage = new MemoryStorage();
  const settings = { storage: () => storage, now: NOW };
  let stop: () => void = () => undefined;

  /** Fills a form, saves it and empties the page: what a reload leaves. */
  const saveAndReload = (prepare: (fields: ReturnType<typeof buildForm>) => void = fillForm) => {
    const fields = buildForm();
    prepare(fields);
    saveInput(document, settings);
    document.body.replaceChildren();
  };

  beforeEach(() => {
    vi.useFakeTimers();
    stubScroll();
  });

  afterEach(() => {
    stop();
    storage.clear();
  });

  it('fills the fields that exist at once, fires input and change, and deletes the record', () => {
    saveAndReload();
    const fields = buildForm();
    const events: string[] = [];
    for (const type of ['input', 'change']) {
      document.addEventListener(type, (event) => events.push(`${type}:${(event.target as HTMLInputElement).name || (event.target as HTMLInputElement).id}`));
    }
    stop = restoreInput(document, settings);
    expect(fields.name.value).toBe('Ada');
    expect(fields.email.value).toBe('ada@example.com');
    expect(fields.message.value).toBe('Half a message');
    expect(fields.topic.value).toBe('support');
    expect(fields.subscribe.checked).toBe(true);
    expect(fields.plans.map((plan) => plan.checked)).toEqual([false, true]);
    expect(fields.password.value).toBe('');
    expect(events.slice(0, 4)).toEqual(['input:name', 'change:name', 'input:email', 'change:email']);
    expect(events).toHaveLength(12);
    expect(storage.getItem(recordKey(document))).toBeNull();
  });

  it('waits for fields rendered later, and fills a re-rendered field again (Blazor replaces prerendered ones)', async () => {
    saveAndReload();
    stop = restoreInput(document, settings);
    const prerendered = buildForm();
    await flushObservers();
    expect(prerendered.name.value).toBe('Ada');
    // The interactive render replaces the form with new, empty elements.
    document.body.replaceChildren();
    const interactive = buildForm();
    await flushObservers();
    expect(interactive.name.value).toBe('Ada');
    expect(interactive.message.value).toBe('Half a message');
  });

  it('gives the focus and the selection back, and scrolls to where the page was', async () => {
    saveAndReload((fields) => {
      fillForm(fields);
      fields.message.focus();
      fields.message.setSelectionRange(5, 5);
    });
    const scroll = stubScroll();
    stop = restoreInput(document, settings);
    expect(scroll).not.toHaveBeenCalled();
    const { message } = buildForm();
    await flushObservers();
    expect(document.activeElement).toBe(message);
    expect([message.selectionStart, message.selectionEnd]).toEqual([5, 5]);
    expect(scroll).toHaveBeenCalledWith(0, 0);
  });

  it("takes the focus back from the page's own initial focus (Blazor's FocusOnNavigate), a few times at most", () => {
    saveAndReload((fields) => {
      fields.message.focus();
    });
    const { message, form } = buildForm();
    const heading = document.createElement('h1');
    heading.tabIndex = -1;
    form.before(heading);
    stop = restoreInput(document, settings);
    expect(document.activeElement).toBe(message);
    heading.focus();
    expect(document.activeElement).toBe(message);
    for (let time = 0; time < 3; time++) heading.focus();
    expect(document.activeElement).toBe(heading);
  });

  it(`stops waiting after ${RESTORE_WAIT_MS} ms: a form that comes back later keeps what it renders`, async () => {
    saveAndReload();
    stop = restoreInput(document, settings);
    vi.advanceTimersByTime(RESTORE_WAIT_MS);
    const late = buildForm();
    await flushObservers();
    expect(late.name.value).toBe('');
  });

  it('restores once: a second call finds nothing', () => {
    saveAndReload();
    stop = restoreInput(document, settings);
    stop();
    const fields = buildForm();
    stop = restoreInput(document, settings);
    expect(fields.name.value).toBe('');
  });

  it('ignores records older than 10 minutes, and corrupt ones', () => {
    saveAndReload();
    let fields = buildForm();
    stop = restoreInput(document, { ...settings, now: NOW + 10 * 60_000 });
    expect(fields.name.value).toBe('');
    expect(storage.getItem(recordKey(document))).toBeNull();

    document.body.replaceChildren();
    storage.setItem(recordKey(document), '{not json');
    fields = buildForm();
    stop = restoreInput(document, settings);
    storage.setItem(recordKey(document), JSON.stringify({ at: NOW, fields: [['#name', 42], ['0:email', 'kept']], scroll: 'x' }));
    stop = restoreInput(document, settings);
    expect(fields.name.value).toBe('');
    expect(fields.email.value).toBe('kept');
  });

  it('does nothing, and never throws, without storage', () => {
    const fields = buildForm();
    stop = restoreInput(document, {
      storage: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    expect(fields.name.value).toBe('');
  });

  it('an event the page dispatches does not count as the user acting', async () => {
    saveAndReload();
    stop = restoreInput(document, settings);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    const fields = buildForm();
    await flushObservers();
    expect(fields.name.value).toBe('Ada');
  });
});
