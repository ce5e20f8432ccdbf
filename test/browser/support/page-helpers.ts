// Small helpers shared by the browser suites.
import type { ConsoleMessage, Page } from 'playwright-core';

export interface PageProblems {
  /** Console errors and page errors, except the SignalR client's own outage logs. */
  errors: string[];
  cspViolations: string[];
}

/** Messages @microsoft/signalr (and the browser's network log) print during an outage by design. */
const EXPECTED_DURING_OUTAGES = [
  /Failed to load resource/,
  /Error: Failed to complete negotiation/,
  /Error: Failed to start the connection/,
  /Error: Connection disconnected with error/,
  /WebSocket connection to .* failed/,
  /Error: Server timeout elapsed/,
  /Error: Server returned handshake error/,
];

/** Collects console errors, uncaught page errors and CSP violation reports from the moment it is called. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], cspViolations: [] };
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Content Security Policy|Trusted Type/i.test(text)) problems.cspViolations.push(text);
    else if (!EXPECTED_DURING_OUTAGES.some((pattern) => pattern.test(text))) problems.errors.push(text);
  });
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  return problems;
}

/** Also records `securitypolicyviolation` events inside the page (call before navigation). */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

export async function cspViolationsInPage(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/**
 * Hands a string to an HTML sink (`insertAdjacentHTML`) in the page: `'allowed'`, or the error's
 * name (`TypeError` where `require-trusted-types-for 'script'` is enforced). A control for the
 * Trusted Types tests: it shows the policy would have caught the library parsing HTML.
 */
export async function htmlSinkResult(page: Page): Promise<string> {
  return page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      return 'allowed';
    } catch (error) {
      return (error as Error).name;
    }
  });
}

/** Polls `check` until it returns true or `timeoutMs` passes: a bounded wait, never a sleep-as-assertion. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Fakes the tab going to the background or foreground (headless Chromium is always "visible"). */
export async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<number> {
  return page.evaluate((wanted) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => wanted });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => wanted === 'hidden' });
    const at = Date.now();
    document.dispatchEvent(new Event('visibilitychange'));
    return at;
  }, state);
}
