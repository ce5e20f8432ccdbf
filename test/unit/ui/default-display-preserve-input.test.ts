// The default dialog saves what the user typed right before each reload it makes; the reloaded
// page restores it (test/unit/dom/preserve-input/).
import { describe, expect, it, vi } from 'vitest';
import { recordKey } from '../../../src/dom/preserve-input/input-record';
import { MemoryStorage, openDefault } from './helpers';

/** A field the user typed into, and where the value is stored once saved. */
function typedField() {
  const input = document.createElement('input');
  input.id = 'comment';
  document.body.append(input);
  input.value = 'half a sentence';
  return input;
}

describe('default dialog: preserveInput', () => {
  it('saves the input right before the automatic reload of a rejected session', () => {
    typedField();
    const storage = new MemoryStorage();
    const reload = vi.fn(() => {
      // Saved before the page goes.
      expect(storage.getItem(recordKey(document))).toContain('half a sentence');
    });
    const { display } = openDefault({}, { reload, storage: () => storage });
    display.show();
    display.rejected();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('saves before a reload from the Reload button too, with the field focused before the dialog opened', () => {
    typedField().focus();
    const { display, reloadButton, storage, reload } = openDefault();
    display.show();
    display.resumeFailed();
    expect(storage.getItem(recordKey(document))).toBeNull();
    reloadButton.click();
    expect(reload).toHaveBeenCalledOnce();
    const saved = JSON.parse(storage.getItem(recordKey(document)) ?? '{}') as { fields: unknown; focus: unknown };
    expect(saved.fields).toEqual([['#comment', 'half a sentence']]);
    expect(saved.focus).toMatchObject({ key: '#comment' });
  });

  it('saves nothing with preserveInput: false', () => {
    typedField();
    const { display, storage, reload } = openDefault({ preserveInput: false });
    display.show();
    display.rejected();
    expect(reload).toHaveBeenCalledOnce();
    expect(storage.getItem(recordKey(document))).toBeNull();
  });

  it('still reloads when the input does not fit in storage', () => {
    typedField();
    const storage = new MemoryStorage();
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      if (key === recordKey(document)) throw new DOMException('full', 'QuotaExceededError');
      setItem(key, value);
    };
    const { display, reload } = openDefault({}, { storage: () => storage });
    display.show();
    display.rejected();
    expect(reload).toHaveBeenCalledOnce();
  });
});
