import { describe, expect, it, vi } from 'vitest';
import { listen } from '../../../src/dom/listen';

describe('listen', () => {
  it('adds the listener and returns exactly what removes it, for the same capture phase', () => {
    const target = new EventTarget();
    const seen: string[] = [];
    const remove = listen(target, 'ping', (event: Event) => seen.push(event.type), true);
    target.dispatchEvent(new Event('ping'));
    remove();
    target.dispatchEvent(new Event('ping'));
    expect(seen).toEqual(['ping']);
  });

  it('passes the event subtype the caller names', () => {
    const listener = vi.fn((event: PageTransitionEvent) => event.persisted);
    const remove = listen(window, 'pageshow', listener);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    remove();
    expect(listener).toHaveReturnedWith(true);
  });
});
