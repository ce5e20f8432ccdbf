// The page seen through the DevTools protocol, without hooks in the page: SignalR connections in
// its heap, live objects, event listeners, and the size of its DOM. The soak suite compares these
// before and after hundreds of outages to find what one outage leaks.
import type { CDPSession, Page } from 'playwright-core';

/** SignalR connections alive in the page's heap (public fields of `HubConnection`), found without hooks. */
export interface HeapConnection {
  serverTimeoutInMilliseconds: number;
  keepAliveIntervalInMilliseconds: number;
  baseUrl: string;
  state: string;
}

export async function hubConnectionsInHeap(cdp: CDPSession): Promise<HeapConnection[]> {
  const proto = await cdp.send('Runtime.evaluate', { expression: 'Object.prototype', objectGroup: 'heap' });
  if (proto.result.objectId === undefined) throw new Error('no Object.prototype handle');
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId, objectGroup: 'heap' });
  const found = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId ?? '',
    returnByValue: true,
    functionDeclaration: `function () {
      const out = [];
      for (const o of this) {
        try {
          if (Object.prototype.hasOwnProperty.call(o, 'serverTimeoutInMilliseconds') && 'baseUrl' in o) {
            out.push({ serverTimeoutInMilliseconds: o.serverTimeoutInMilliseconds,
              keepAliveIntervalInMilliseconds: o.keepAliveIntervalInMilliseconds, baseUrl: o.baseUrl, state: o.state });
          }
        } catch { /* exotic objects */ }
      }
      return out;
    }`,
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'heap' });
  return found.result.value as HeapConnection[];
}

/**
 * JavaScript objects alive in the page (everything whose prototype chain reaches
 * `Object.prototype`), after a garbage collection. Unlike the heap's used size it leaves out
 * compiled code and what DevTools itself keeps (network resource data, console arguments).
 */
export async function liveObjectCount(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const proto = await cdp.send('Runtime.evaluate', { expression: 'Object.prototype', objectGroup: 'count' });
  if (proto.result.objectId === undefined) throw new Error('no Object.prototype handle');
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId, objectGroup: 'count' });
  const length = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId ?? '',
    returnByValue: true,
    functionDeclaration: 'function () { return this.length; }',
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'count' });
  return length.result.value as number;
}

/** Event listeners on the object `expression` returns (window, document, an element); 0 if none or it throws. */
export async function listenerCount(cdp: CDPSession, expression: string): Promise<number> {
  const handle = await cdp.send('Runtime.evaluate', { expression });
  if (handle.exceptionDetails !== undefined || handle.result.objectId === undefined) {
    if (handle.result.objectId !== undefined) await cdp.send('Runtime.releaseObject', { objectId: handle.result.objectId });
    return 0;
  }
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: handle.result.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: handle.result.objectId });
  return listeners.length;
}

/** Elements in the document plus those inside open shadow roots. */
export async function domSize(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    const visit = (root: Document | ShadowRoot): void => {
      const all = root.querySelectorAll('*');
      count += all.length;
      all.forEach((element) => {
        if (element.shadowRoot) visit(element.shadowRoot);
      });
    };
    visit(document);
    return count;
  });
}
