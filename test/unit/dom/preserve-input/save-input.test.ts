import { afterEach, describe, expect, it } from 'vitest';
import { saveInput } from '../../../../src/dom/preserve-input/save-input';
import { add, buildForm, fillForm, MemoryStorage, savedRecord } from './fixtures';

const NOW = 1_700_000_000_000;

describe('saveInput', () => {
  const storage = new MemoryStorage();
  const save = () => saveInput(document, { storage: () => storage, now: NOW });

  afterEach(() => {
    storage.clear();
  });

  it('saves the fields the user changed, by id, form and name, dated', () => {
    const fields = buildForm();
    fillForm(fields);
    expect(save()).toBe(true);
    expect(savedRecord(storage)).toEqual({
      at: NOW,
      fields: [
        ['#name', 'Ada'],
        ['0:email', 'ada@example.com'],
        ['0:message', 'Half a message'],
        ['0:topic', 'support'],
        ['0:subscribe=on', true],
        ['0:plan=pro', true],
      ],
      scroll: [0, 0],
    });
  });

  it('never saves passwords, hidden or file inputs', () => {
    const fields = buildForm();
    fillForm(fields);
    add(fields.form, 'input', { name: 'upload', type: 'file' });
    save();
    const stored = storage.getItem([...Array(storage.length).keys()].map((i) => storage.key(i))[0] ?? '') ?? '';
    expect(stored).not.toContain('hunter2');
    expect(stored).not.toContain('password');
    expect(stored).not.toContain('secret-token');
    expect(stored).not.toContain('upload');
  });

  it('leaves out fields the page marks: autocomplete="off" on the field or its form, data-reconnect-ignore', () => {
    const fields = buildForm();
    fillForm(fields);
    fields.name.setAttribute('autocomplete', 'off');
    fields.email.setAttribute('data-reconnect-ignore', '');
    const card = add(fields.form, 'div', { 'data-reconnect-ignore': '' });
    add(card, 'input', { name: 'card' }).value = '4111 1111';
    const otp = add(document.body, 'form', { autocomplete: 'off' });
    add(otp, 'input', { name: 'code' }).value = '123456';
    // A field of a form with autocomplete="off" that turns it back on is kept.
    const kept = add(otp, 'input', { name: 'note', autocomplete: 'on' });
    kept.value = 'kept';
    save();
    const keys = (savedRecord(storage) as { fields: [string][] }).fields.map(([key]) => key);
    expect(keys).toEqual(['0:message', '0:topic', '0:subscribe=on', '0:plan=pro', '1:note']);
  });

  it('saves nothing for untouched fields, but a cleared default counts as typed', () => {
    const fields = buildForm();
    const prefilled = add(fields.form, 'input', { name: 'city', value: 'Paris' });
    prefilled.value = '';
    save();
    expect((savedRecord(storage) as { fields: unknown }).fields).toEqual([['0:city', '']]);
  });

  it('keys fields without id or name by their position, and saves a multiple select as a list', () => {
    const anonymous = add(document.body, 'input');
    anonymous.value = 'no name';
    const multi = add(document.body, 'select', { id: 'tags', multiple: '' });
    for (const value of ['a', 'b', 'c']) add(multi, 'option', { value });
    for (const option of multi.options) option.selected = option.value !== 'b';
    save();
    expect((savedRecord(storage) as { fields: unknown }).fields).toEqual([
      ['@0', 'no name'],
      ['#tags', ['a', 'c']],
    ]);
  });

  it('saves the focused field with its selection, and the scroll position', () => {
    const { message } = buildForm();
    message.value = 'Half a message';
    message.focus();
    message.setSelectionRange(2, 6);
    save();
    expect(savedRecord(storage)).toMatchObject({ focus: { key: '0:message', start: 2, end: 6 } });
  });

  it('a focused password is not named', () => {
    const { password } = buildForm();
    password.focus();
    save();
    expect(savedRecord(storage)).not.toHaveProperty('focus');
  });

  it('returns false, and never throws, when storage is missing, blocked or full', () => {
    fillForm(buildForm());
    expect(saveInput(document, { storage: () => undefined })).toBe(false);
    expect(
      saveInput(document, {
        storage: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
      }),
    ).toBe(false);
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(saveInput(document, { storage: () => full })).toBe(false);
  });

  it('uses the window sessionStorage by default, keyed by the URL without its hash', () => {
    fillForm(buildForm());
    history.replaceState(null, '', '#section');
    expect(saveInput()).toBe(true);
    const key = `circuit-reconnect:input:${document.URL.replace(/#.*$/, '')}`;
    expect(sessionStorage.getItem(key)).toContain('Ada');
    sessionStorage.clear();
    history.replaceState(null, '', '#');
  });
});
