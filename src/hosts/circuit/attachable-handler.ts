import type { ReconnectionHandler } from '../../options/types';
import type { ReconnectionHost } from '../../reconnection/host';

/**
 * A handler of this library's own (`DefaultReconnectionHandler`, the Blazor handler), which the
 * circuit host attaches itself to: the handler then restores this circuit, reports how a first
 * start's retries end, and tells the host each state of the outage. A page's own handler has no
 * `attach`, and is only told of drops and resumes.
 */
export interface AttachableHandler extends ReconnectionHandler {
  attach(host: ReconnectionHost): void;
}

export const isAttachable = (handler: ReconnectionHandler): handler is AttachableHandler =>
  typeof (handler as Partial<AttachableHandler>).attach === 'function';
