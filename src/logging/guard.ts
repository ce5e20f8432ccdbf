import type { Logger } from './logger';
import { DEBUG, ERROR } from './logger';

/**
 * Runs a call into page code (a display, a message function, a handler, a page's reconnect
 * function) so that it can never break the reconnection loop: a throw is logged and swallowed,
 * and the guard answers `undefined`. `what` names the callee for the log, e.g. `display.show`.
 * @example guard('display.show', () => display.show());
 */
export type Guard = <R>(what: string, call: () => R) => R | undefined;

/**
 * Makes the one guard a core instance uses. Each callee's first throw is logged at Error with
 * its error; later throws of the same callee at Debug, so a display that throws on every
 * countdown tick cannot flood the console once a second.
 */
export function createGuard(logger: Logger): Guard {
  const reported = new Set<string>();
  return (what, call) => {
    try {
      return call();
    } catch (error) {
      logger.log(reported.has(what) ? DEBUG : ERROR, `${what} threw.`, error);
      reported.add(what);
      return undefined;
    }
  };
}

/**
 * Awaits a call into page code that may return a promise (`onUnauthorized`): a throw or a
 * rejection is reported by `guard` as a synchronous throw would be.
 * @returns `true` when it resolved, `false` when it threw or rejected.
 */
export async function settles(guard: Guard, what: string, call: () => unknown): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    guard(what, () => {
      throw error;
    });
    return false;
  }
}
