import { afterEach, vi } from 'vitest';

// Every unit test starts from real timers and a clean document; tests opt into fake timers.
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.head.replaceChildren();
});
