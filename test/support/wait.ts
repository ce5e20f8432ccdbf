// Bounded waiting for the real-server tests.

/**
 * Polls `check` until it returns true or `timeoutMs` passes: a bounded wait for something another
 * process does (a server answering, a page reconnecting), never a sleep used as an assertion.
 * `describe` is called only on timeout, to say what was seen instead.
 */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  describe?: () => string | Promise<string>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) {
      const seen = describe === undefined ? '' : `\n${await describe()}`;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${seen}`);
    }
    await delay(25);
  }
}

/** Resolves after `ms`: for holding a fault (an outage, a refusal) for a set time, not for asserting. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
