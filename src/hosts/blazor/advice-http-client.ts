import type { HttpRequest } from '@microsoft/signalr';
import { HttpStatusError } from '../../errors/http-status-error';
import { BUSY_STATUSES, retryAfterMs } from '../../retry/retry-after';
import type { Clock } from '../../timing/clock';
import type { BusyAdvice } from './busy-advice';
import { fetchRequest } from './fetch-request';

const NEGOTIATE = '/negotiate';

/** An answer as SignalR's `HttpResponse` has it (the class itself lives in Blazor's copy of SignalR). */
export interface SignalRResponse {
  readonly statusCode: number;
  readonly statusText?: string;
  readonly content?: string | ArrayBuffer;
}

/**
 * The HTTP client `configureSignalR` gives Blazor's `HubConnectionBuilder`. SignalR's own client
 * throws away a refused negotiation's headers, so this one carries Blazor's requests itself: the
 * negotiation, which it reads `Retry-After` from, and everything else SignalR sends over HTTP
 * (long polling, Server-Sent Events' sends), since the handler script has no SignalR client of
 * its own to hand them to. SignalR wraps it and calls `send` (and `getCookieString`); `get`,
 * `post` and `delete` complete the shape of SignalR's `HttpClient`, whose class this bundle
 * cannot extend without carrying SignalR.
 */
export class AdviceHttpClient {
  constructor(
    private readonly advice: BusyAdvice,
    private readonly clock: Clock,
  ) {}

  get(url: string, options?: HttpRequest): Promise<SignalRResponse> {
    return this.send({ ...options, method: 'GET', url });
  }

  post(url: string, options?: HttpRequest): Promise<SignalRResponse> {
    return this.send({ ...options, method: 'POST', url });
  }

  delete(url: string, options?: HttpRequest): Promise<SignalRResponse> {
    return this.send({ ...options, method: 'DELETE', url });
  }

  /**
   * Answers 2xx with the body (an `ArrayBuffer` when `responseType` is `'arraybuffer'`);
   * throws an `HttpError` with the status otherwise. A negotiation answered 429 or 503 with
   * `Retry-After` is recorded for the Blazor host before the throw; any other answer to a
   * negotiation clears what an earlier one recorded.
   */
  async send(request: HttpRequest): Promise<SignalRResponse> {
    const url = new URL(request.url ?? '', document.baseURI);
    const label = `${request.method ?? 'GET'} ${url.href}`;
    const negotiation = request.method === 'POST' && url.pathname.endsWith(NEGOTIATE);
    if (negotiation) this.advice.record(undefined);
    const response = await fetchRequest(request, url.href, label, this.clock);
    if (!response.ok) {
      const body = await response.text();
      if (negotiation) this.recordBusy(response, url);
      throw new HttpStatusError(label, body || response.statusText, response.status);
    }
    const content = request.responseType === 'arraybuffer' ? await response.arrayBuffer() : await response.text();
    return { statusCode: response.status, statusText: response.statusText, content };
  }

  /** A browser adds its cookies to every request itself: nothing to add (as SignalR's fetch client). */
  getCookieString(): string {
    return '';
  }

  private recordBusy(response: Response, url: URL): void {
    if (!BUSY_STATUSES.has(response.status)) return;
    const advised = retryAfterMs(response.headers.get('Retry-After'), response.headers.get('Date'), this.clock.now());
    if (advised === undefined) return;
    const hub = new URL(url.pathname.slice(0, -NEGOTIATE.length), url).href;
    this.advice.record({ url: hub, status: response.status, retryAfterMs: advised });
  }
}
