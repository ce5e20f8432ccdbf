import { HubMethodError } from '../../errors/hub-method-error';
import type { HubConnectionLike } from './hub-connection';

/**
 * `StartCircuit` (with the page's base URI and URL, as Blazor sends them) or `ConnectCircuit`
 * (with the circuit's id) on a started connection. Throws as it came when the link failed (an
 * outage), or a {@link HubMethodError} when the hub itself answered with an error (e.g. no such
 * method): the connection is still up then.
 */
export async function invokeCircuitMethod(
  opened: HubConnectionLike,
  win: Window,
  starting: boolean,
  circuitId: string | undefined,
): Promise<unknown> {
  const method = starting ? 'StartCircuit' : 'ConnectCircuit';
  try {
    return await opened.invoke(method, ...(starting ? [win.document.baseURI, win.location.href, '[]', ''] : [circuitId]));
  } catch (error) {
    if (opened.state !== 'Connected') throw error;
    throw new HubMethodError(method, { cause: error });
  }
}
