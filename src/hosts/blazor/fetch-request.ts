import type { HttpRequest } from '@microsoft/signalr';
import { RequestAbortedError } from '../../errors/request-aborted-error';
import { RequestTimeoutError } from '../../errors/request-timeout-error';
import type { Clock } from '../../timing/clock';

/**
 * Sends one of SignalR's requests with `fetch`, with the settings of SignalR's own
 * `FetchHttpClient` so a server sees no difference: no cache, `X-Requested-With`, the content
 * type of text or binary content, cookies across origins only with `withCredentials`, redirects
 * followed. Its `timeout` and `abortSignal` abort the request, which then throws a
 * `TimeoutError` or `AbortError`. Resolves to the answer whatever its status.
 * @param label - the method and URL, for the errors' messages.
 */
export async function fetchRequest(request: HttpRequest, url: string, label: string, clock: Clock): Promise<Response> {
  const { abortSignal, timeout, content } = request;
  if (abortSignal?.aborted) throw new RequestAbortedError(label);
  const controller = new AbortController();
  let abortedBy: Error | undefined;
  const abort = (reason: Error): void => {
    abortedBy = reason;
    controller.abort();
  };
  if (abortSignal) abortSignal.onabort = () => { abort(new RequestAbortedError(label)); };
  const timer = timeout ? clock.setTimeout(() => { abort(new RequestTimeoutError(label, timeout)); }, timeout) : undefined;
  const body = content === '' ? undefined : content;
  const type = typeof body === 'string' ? 'text/plain;charset=UTF-8' : 'application/octet-stream';
  try {
    return await fetch(url, {
      method: request.method ?? 'GET',
      body,
      cache: 'no-cache',
      credentials: request.withCredentials === true ? 'include' : 'same-origin',
      headers: { 'X-Requested-With': 'XMLHttpRequest', ...(body === undefined ? {} : { 'Content-Type': type }), ...request.headers },
      mode: 'cors',
      redirect: 'follow',
      signal: controller.signal,
    });
  } catch (error) {
    // fetch rejects an aborted request with its own AbortError; say which abort it was.
    throw abortedBy ?? error;
  } finally {
    clock.clearTimeout(timer);
    if (abortSignal) abortSignal.onabort = null;
  }
}
