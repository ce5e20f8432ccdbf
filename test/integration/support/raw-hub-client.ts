// A bare WebSocket speaking the SignalR JSON hub protocol by hand, to test the wire format.
import WebSocket from 'ws';
import { RECORD_SEPARATOR, RecordReader } from '../../../demo/hub/index.mjs';

export interface CloseInfo {
  code: number;
  reason: string;
}

export class RawHubClient {
  private readonly reader = new RecordReader();
  private readonly received: string[] = [];
  private readonly waiters: ((record: string) => void)[] = [];
  readonly closed: Promise<CloseInfo>;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      for (const record of this.reader.push(data.toString('utf8'))) {
        const waiter = this.waiters.shift();
        if (waiter) waiter(record);
        else this.received.push(record);
      }
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString('utf8') });
      });
    });
  }

  /** Opens `ws://…` (an http:// URL is converted); rejects with the HTTP status on refusal. */
  static open(url: string): Promise<RawHubClient> {
    const ws = new WebSocket(url.replace(/^http/, 'ws'));
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        resolve(new RawHubClient(ws));
      });
      ws.once('error', reject);
    });
  }

  /** Opens and completes the handshake. */
  static async connect(url: string): Promise<RawHubClient> {
    const client = await RawHubClient.open(url);
    client.sendRecord({ protocol: 'json', version: 1 });
    const response = await client.next();
    if (JSON.stringify(response) !== '{}') throw new Error(`handshake failed: ${JSON.stringify(response)}`);
    return client;
  }

  /** Sends raw text as one frame (records and separators are the caller's business). */
  sendText(text: string): void {
    this.ws.send(text);
  }

  sendRecord(message: unknown): void {
    this.ws.send(JSON.stringify(message) + RECORD_SEPARATOR);
  }

  /** The next record, parsed; rejects after `ms`. */
  next(ms = 3000): Promise<unknown> {
    const ready = this.received.shift();
    if (ready !== undefined) return Promise.resolve(JSON.parse(ready) as unknown);
    return new Promise((resolve, reject) => {
      const waiter = (record: string): void => {
        clearTimeout(timer);
        resolve(JSON.parse(record) as unknown);
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no record within ${ms} ms`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  /** The next record that is not a ping. */
  async nextNonPing(ms = 3000): Promise<unknown> {
    for (;;) {
      const record = await this.next(ms);
      if (!(typeof record === 'object' && record !== null && (record as { type?: unknown }).type === 6)) return record;
    }
  }

  terminate(): void {
    this.ws.terminate();
  }
}

/** POST negotiate and return the parsed body. */
export async function negotiate(baseUrl: string, path: string, version: number | null = 1): Promise<Record<string, unknown>> {
  const query = version === null ? '' : `?negotiateVersion=${version}`;
  const response = await fetch(`${baseUrl}${path}/negotiate${query}`, { method: 'POST' });
  if (response.status !== 200) throw new Error(`negotiate answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}
