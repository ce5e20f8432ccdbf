import { afterEach, beforeEach, vi } from 'vitest';
import { reportError, takeProblems } from './support/verify-logs';

// jsdom has no `showModal()`/`close()`; every browser the library supports has them. A minimal
// stand-in with the parts the library relies on: the `open` attribute, InvalidStateError when
// already open or not connected, and the `close` event.
if (typeof HTMLDialogElement !== 'undefined' && !('showModal' in HTMLDialogElement.prototype)) {
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      if (this.open || !this.isConnected) throw new DOMException('cannot show', 'InvalidStateError');
      this.setAttribute('open', '');
    },
    close(this: HTMLDialogElement) {
      if (!this.open) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    },
  });
}

// jsdom has no Web Locks, and the BroadcastChannel its window shows is Node's, which carries
// messages between the tests of one worker: the default handler would coordinate unrelated tests'
// "tabs" over it. Tests of tab coordination use the fakes of support/fake-tab-apis.ts instead.
Reflect.deleteProperty(globalThis, 'BroadcastChannel');

// A rejection nobody handled is a bug in the code under test (or the test), whatever it asserts.
process.on('unhandledRejection', (reason) => {
  reportError('unhandled rejection', reason instanceof Error ? reason.message : String(reason));
});

beforeEach(() => {
  // The console logger writes Error-level entries with console.error; so does jsdom for an
  // uncaught exception in a listener. Either is a failure unless the test expects it.
  vi.spyOn(console, 'error').mockImplementation((message: unknown, ...rest: unknown[]) => {
    reportError('console.error', String(message), rest[0]);
  });
});

// Every unit test starts from real timers and a clean document; tests opt into fake timers.
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.head.replaceChildren();
  const problems = takeProblems();
  if (problems.length > 0) throw new Error(problems.join('\n'));
});
