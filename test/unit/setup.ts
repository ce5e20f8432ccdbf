import { afterEach, vi } from 'vitest';

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

// Every unit test starts from real timers and a clean document; tests opt into fake timers.
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.head.replaceChildren();
});
