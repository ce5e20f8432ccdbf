import type { HttpRequest, ILogger } from '@microsoft/signalr';
import { AbortError, DefaultHttpClient, HttpClient, HttpError, HttpResponse, TimeoutError } from '@microsoft/signalr';
import type { Clock } from '../../timing/clock';
import { BUSY_STATUSES, retryAfterMs } from '../../retry/retry-after';

/**
 * Written into a busy negotiation's error message, which is all of the error that reaches us:
 * `HttpConnection` wraps the `HttpError` into a `FailedToNegotiateWithServerError` by its text
 * (see `negotiationRetryAfterMs`).
 */
export const retryAfterNote = (ms: number): string => ` (Retry-After: ${ms} ms)`;

const isNegotiation = (request: HttpRequest): boolean =>
  request.method === 'POST' && request.url !== undefined && new URL(request.url, 'http://x').pathname.endsWith('/negotiate');

/**
 * @microsoft/signalr's `HttpClient`, but able to read `Retry-After`. Its own `FetchHttpClient`
 * throws an `HttpError` that keeps the status and drops the headers, so a negotiation (the
 * request a rate limiter answers 429/503) is sent here, with the same fetch settings as
 * `FetchHttpClient` (no-cache, `X-Requested-With`, credentials, timeout, abort); a 429 or 503
 * with `Retry-After` adds {@link retryAfterNote} to the error. Every other request, and every
 * request where there is no `fetch`, goes to SignalR's default client unchanged.
 */
export class ServerAdviceHttpClient extends HttpClient {
  private readonly fallback: HttpClient;

  constructor(
    logger: ILogger,
    private readonly clock: Clock,
  ) {
    super();
    this.fallback = new DefaultHttpClient(logger);
  }

  override send(request: HttpRequest): Promise<HttpResponse> {
    if (typeof fetch !== 'function' || !isNegotiation(request)) return this.fallback.send(request);
    return this.negotiate(request);
  }

  override getCookieString(url: string): string {
    return this.fallback.getCookieString(url);
  }

  private async negotiate(request: HttpRequest): Promise<HttpResponse> {
    const controller = new AbortController();
    let abortedBy: Error | undefined;
    const abort = (reason: Error): void => {
      abortedBy = reason;
      controller.abort();
    };
    if (request.abortSignal?.aborted) throw new AbortError();
    if (request.abortSignal) request.abortSignal.onabort = () => { abort(new AbortError()); };
    const timer = request.timeout ? this.clock.setTimeout(() => { abort(new TimeoutError()); }, request.timeout) : undefined;
    let response: Response;
    try {
      response = await fetch(request.url ?? '', {
        method: 'POST',
        body: request.content === '' ? undefined : request.content,
        cache: 'no-cache',
        credentials: request.withCredentials === true ? 'include' : 'same-origin',
        headers: { 'X-Requested-With': 'XMLHttpRequest', ...request.headers },
        mode: 'cors',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch (error) {
      throw abortedBy ?? error;
    } finally {
      this.clock.clearTimeout(timer);
      if (request.abortSignal) request.abortSignal.onabort = null;
    }
    const text = await response.text();
    if (response.ok) return new HttpResponse(response.status, response.statusText, text);
    const advised = BUSY_STATUSES.has(response.status)
      ? retryAfterMs(response.headers.get('Retry-After'), response.headers.get('Date'), this.clock.now())
      : undefined;
    const note = advised === undefined ? '' : retryAfterNote(advised);
    throw new HttpError(`${text || response.statusText}${note}`, response.status);
  }
}
