import type { PageSignal, PageSignals } from '../../../src/reconnection/page-signals';

/** Page signals a test fires by hand; counts live subscriptions to catch leaks. */
export class FakePageSignals implements PageSignals {
  online = true;
  private readonly listeners = new Set<(signal: PageSignal) => void>();

  get subscriptions(): number {
    return this.listeners.size;
  }

  isOnline(): boolean {
    return this.online;
  }

  subscribe(listener: (signal: PageSignal) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  fire(signal: PageSignal): void {
    if (signal === 'offline') this.online = false;
    if (signal === 'online') this.online = true;
    for (const listener of [...this.listeners]) listener(signal);
  }
}
