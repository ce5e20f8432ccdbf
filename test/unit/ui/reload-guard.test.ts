import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RELOAD_HISTORY_KEY } from '../../../src/ui/constants';
import { recordReload } from '../../../src/ui/default-display/reload-guard';
import { WARNING } from '../../../src/logging/logger';
import { MemoryStorage, openDefault } from './helpers';

const LIMIT_REACHED = 'reload storm guard';
const UNAVAILABLE = 'sessionStorage unavailable';

describe('recordReload', () => {
  let storage: MemoryStorage;
  let now: number;
  const guard = () => recordReload(() => storage, now);

  beforeEach(() => {
    storage = new MemoryStorage();
    now = 1_000_000;
  });

  it('allows 3 reloads within 60 s, then stops', () => {
    expect(guard()).toBeUndefined();
    now += 10_000;
    expect(guard()).toBeUndefined();
    now += 10_000;
    expect(guard()).toBeUndefined();
    now += 10_000;
    expect(guard()).toBe(LIMIT_REACHED);
    expect(JSON.parse(storage.getItem(RELOAD_HISTORY_KEY) ?? '')).toEqual([1_000_000, 1_010_000, 1_020_000]);
  });

  it('forgets reloads older than 60 s', () => {
    guard();
    guard();
    guard();
    now += 60_000;
    expect(guard()).toBeUndefined();
    expect(JSON.parse(storage.getItem(RELOAD_HISTORY_KEY) ?? '')).toEqual([1_060_000]);
  });

  it('survives across pages (a reload makes a new page, the storage stays)', () => {
    for (let page = 0; page < 3; page++) {
      expect(recordReload(() => storage, now)).toBeUndefined();
      now += 1000;
    }
    expect(recordReload(() => storage, now)).toBe(LIMIT_REACHED);
  });

  it('treats a corrupt or foreign value as no history', () => {
    storage.setItem(RELOAD_HISTORY_KEY, '{oops');
    expect(guard()).toBeUndefined();
    storage.setItem(RELOAD_HISTORY_KEY, JSON.stringify({ a: 1 }));
    expect(guard()).toBeUndefined();
    storage.setItem(RELOAD_HISTORY_KEY, JSON.stringify(['x', null, now, now, now]));
    expect(guard()).toBe(LIMIT_REACHED);
  });

  it('ignores timestamps far in the future (a clock that jumped back)', () => {
    storage.setItem(RELOAD_HISTORY_KEY, JSON.stringify([now + 3_600_000, now + 3_600_000, now + 3_600_000]));
    expect(guard()).toBeUndefined();
  });

  it.each([
    ['reading sessionStorage throws', () => {
      throw new DOMException('blocked', 'SecurityError');
    }],
    ['there is no storage', () => null],
    ['getItem throws', () => {
      const broken = new MemoryStorage();
      broken.getItem = () => {
        throw new Error('broken');
      };
      return broken;
    }],
    ['setItem throws (quota)', () => {
      const full = new MemoryStorage();
      full.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      return full;
    }],
  ])('never allows a reload it cannot count: %s', (_name, provider) => {
    expect(recordReload(provider, now)).toBe(UNAVAILABLE);
    expect(recordReload(provider, now)).toBe(UNAVAILABLE);
  });
});

describe('default dialog with the reload guard', () => {
  it('reloads on the first 3 rejections within a minute, then offers a Reload button', () => {
    vi.useFakeTimers({ now: 5_000_000 });
    const storage = new MemoryStorage();
    const reload = vi.fn();
    for (let page = 0; page < 3; page++) {
      const { display } = openDefault({}, { reload, storage: () => storage });
      display.show();
      display.rejected();
      expect(reload).toHaveBeenCalledTimes(page + 1);
      vi.advanceTimersByTime(5000);
    }
    const last = openDefault({}, { reload, storage: () => storage });
    last.display.show();
    last.display.rejected();
    expect(reload).toHaveBeenCalledTimes(3);
    expect(last.reloadButton.hidden).toBe(false);
    expect(last.dialog.open).toBe(true);
    expect(last.stateText.textContent).toBe('The session has ended. Reload the page to continue.');
    const warnings = last.logger.entries.filter((entry) => entry.level === WARNING);
    expect(warnings.map((entry) => entry.message).join()).toContain('reload storm guard');
    last.reloadButton.click();
    expect(reload).toHaveBeenCalledTimes(4);
  });

  it('with throwing storage it never reloads by itself, but the button still works', () => {
    const reload = vi.fn();
    const { display, reloadButton } = openDefault({}, {
      reload,
      storage: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    display.rejected();
    expect(reload).not.toHaveBeenCalled();
    reloadButton.click();
    expect(reload).toHaveBeenCalledOnce();
  });
});
