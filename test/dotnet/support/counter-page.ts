// The /counter page of the Blazor example apps, driven through what a person sees and what
// Blazor's public JavaScript API offers.
import type { Page } from 'playwright-core';
import { waitUntil } from '../../support/wait';

/** The two counts on the page: a reconnect keeps both; a resume keeps only the persisted one. */
export interface Counts {
  readonly persisted: number;
  readonly plain: number;
}

/** The subset of `window.Blazor` these tests call. */
interface BlazorApi {
  reconnect?: () => Promise<boolean>;
  resumeCircuit?: () => Promise<boolean>;
}

export async function readCounts(page: Page): Promise<Counts> {
  const [persisted, plain] = await Promise.all([
    page.textContent('#persisted-count'),
    page.textContent('#plain-count'),
  ]);
  return { persisted: Number(persisted), plain: Number(plain) };
}

/** Waits until the page shows `expected`, saying what it showed instead on timeout. */
export async function waitForCounts(page: Page, expected: Counts, timeoutMs = 15_000): Promise<void> {
  await waitUntil(
    async () => {
      const counts = await readCounts(page);
      return counts.persisted === expected.persisted && counts.plain === expected.plain;
    },
    timeoutMs,
    `counts ${JSON.stringify(expected)}`,
    async () => `the page shows ${JSON.stringify(await readCounts(page))}`,
  );
}

/**
 * Waits until the page's circuit is up and the counter is interactive: Blazor defines
 * `Blazor.reconnect` once the circuit starts, but a click is only handled once the circuit has
 * rendered the component (measured: a click right after `Blazor.reconnect` appeared was lost),
 * which the page shows by enabling `#increment`.
 */
export async function waitForCircuit(page: Page, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(
    () =>
      typeof (window as unknown as { Blazor?: BlazorApi }).Blazor?.reconnect === 'function' &&
      document.querySelector('#increment:not([disabled])') !== null,
    undefined,
    { timeout: timeoutMs },
  );
}

/**
 * Clicks `#increment` once and waits for both counts to go up by one. Right after a reconnect, a
 * click can still fall into the gap before the circuit is back (Blazor drops events it cannot send);
 * so while the counts have not moved, it clicks again (a click that did count shows within the wait).
 */
export async function increment(page: Page): Promise<Counts> {
  const before = await readCounts(page);
  const expected = { persisted: before.persisted + 1, plain: before.plain + 1 };
  for (let tries = 0; ; tries++) {
    await page.click('#increment');
    try {
      await waitForCounts(page, expected, 2_000);
      return expected;
    } catch (error) {
      const now = await readCounts(page);
      if (tries >= 5 || now.persisted !== before.persisted) throw error;
    }
  }
}

/** `await Blazor.reconnect()` in the page: true, false, or the error's message when it throws. */
export async function callReconnect(page: Page): Promise<boolean | string> {
  return page.evaluate(async () => {
    try {
      return await (window as unknown as { Blazor: Required<BlazorApi> }).Blazor.reconnect();
    } catch (error) {
      return `threw: ${String(error)}`;
    }
  });
}

/** `await Blazor.resumeCircuit()` in the page, as {@link callReconnect}. */
export async function callResumeCircuit(page: Page): Promise<boolean | string> {
  return page.evaluate(async () => {
    try {
      return await (window as unknown as { Blazor: Required<BlazorApi> }).Blazor.resumeCircuit();
    } catch (error) {
      return `threw: ${String(error)}`;
    }
  });
}
