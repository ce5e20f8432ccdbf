// What a page reports about itself during a real-server test: CSP violations and the
// reconnection state events the template's ReconnectModal listens to.
import type { Page } from 'playwright-core';

interface Recorded {
  __cspViolations: string[];
  __reconnectStates: string[];
}

/**
 * Records, from the page's first script on, every `securitypolicyviolation` and the `state` of
 * every `components-reconnect-state-changed` event. That event does not bubble, so it is caught
 * in the capture phase on the document. Call before `page.goto`.
 */
export async function recordPageEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const recorded = window as unknown as Recorded;
    recorded.__cspViolations = [];
    recorded.__reconnectStates = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      recorded.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    document.addEventListener(
      'components-reconnect-state-changed',
      (event) => {
        recorded.__reconnectStates.push(String((event as CustomEvent<{ state?: unknown }>).detail.state));
      },
      { capture: true },
    );
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Recorded).__cspViolations);
}

export function reconnectStates(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Recorded).__reconnectStates);
}
