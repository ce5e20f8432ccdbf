// Web Locks and BroadcastChannel for the browser tab coordinator's unit tests, shared by the
// "tabs" a test makes: a lock is granted in request order (as a browser's lock manager does) and
// released when the callback's promise settles; a message reaches every other open channel of
// the same name one microtask later, unless its sender's tab is frozen.

type Grant = (lock: Lock | null) => unknown;

interface Request {
  readonly grant: (lock: Lock | null) => Promise<unknown>;
  readonly signal: AbortSignal | undefined;
}

export class FakeLocks {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, Request[]>();

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  request(name: string, options: LockOptions, grant: Grant): Promise<unknown> {
    if (options.ifAvailable && this.held.has(name)) return Promise.resolve().then(() => grant(null));
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      const request: Request = {
        signal: options.signal,
        grant: (lock) => Promise.resolve(grant(lock)).then(resolve, reject),
      };
      options.signal?.addEventListener('abort', () => {
        const index = queue.indexOf(request);
        if (index >= 0) queue.splice(index, 1);
        reject(new DOMException('Aborted', 'AbortError'));
      });
      queue.push(request);
      this.next(name);
    });
  }

  private next(name: string): void {
    if (this.held.has(name)) return;
    const request = this.queues.get(name)?.shift();
    if (!request) return;
    this.held.add(name);
    queueMicrotask(() => {
      void request.grant({ name, mode: 'exclusive' }).finally(() => {
        this.held.delete(name);
        this.next(name);
      });
    });
  }
}

/** One browser's channels; `tab()` makes the window of one tab. */
export class FakeBrowser {
  readonly locks = new FakeLocks();
  /** @param withLocks - `false`: a browser without Web Locks (plain http on a host other than localhost). */
  constructor(private readonly withLocks = true) {}
  private readonly channels = new Set<{ name: string; tab: FakeTab; deliver: (data: unknown) => void }>();

  tab(): FakeTab {
    const browser = this.channels;
    const tab: FakeTab = {
      frozen: false,
      visibilityState: 'visible',
      window: undefined as unknown as Window,
    };
    class Channel {
      onmessage: ((event: MessageEvent) => void) | null = null;
      private readonly entry;
      constructor(readonly name: string) {
        this.entry = { name, tab, deliver: (data: unknown) => this.onmessage?.({ data } as MessageEvent) };
        browser.add(this.entry);
      }
      postMessage(data: unknown): void {
        if (tab.frozen) return;
        const copy: unknown = JSON.parse(JSON.stringify(data));
        for (const other of browser) {
          if (other !== this.entry && other.name === this.name) queueMicrotask(() => { if (browser.has(other) && !other.tab.frozen) other.deliver(copy); });
        }
      }
      close(): void {
        browser.delete(this.entry);
      }
    }
    tab.window = {
      navigator: this.withLocks ? { locks: this.locks } : {},
      BroadcastChannel: Channel,
      document: { get visibilityState() { return tab.visibilityState; } },
    } as unknown as Window;
    return tab;
  }

  get openChannels(): number {
    return this.channels.size;
  }
}

export interface FakeTab {
  /** A frozen tab neither sends nor receives (its timers are the test's fake timers). */
  frozen: boolean;
  visibilityState: DocumentVisibilityState;
  window: Window;
}
