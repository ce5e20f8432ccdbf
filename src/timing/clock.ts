/**
 * Time as the reconnection process sees it. Injected so unit tests (fake timers) and the herd
 * benchmark (a discrete-event scheduler running 10,000 processes) drive the real process.
 */
export interface Clock {
  /** Wall-clock milliseconds; a sleeping or throttled tab shows up as a jump. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's clock. Reads the globals at call time so fake timers installed later apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
};
