import type { Logger } from '../logging/logger';
import { LogLevel } from '../logging/logger';
import type { CircuitHandler, ReconnectionHandler } from '../options/types';

/**
 * Calls a page-supplied handler method. A throwing callback is logged with its name and never
 * reaches the connection's event loop or the reconnection process.
 */
export function callHandler<K extends keyof ReconnectionHandler>(
  handler: ReconnectionHandler,
  method: K,
  logger: Logger,
  ...args: Parameters<ReconnectionHandler[K]>
): void {
  try {
    (handler[method] as (...callArgs: Parameters<ReconnectionHandler[K]>) => void).apply(handler, args);
  } catch (error) {
    logger.log(LogLevel.Error, `reconnectionHandler.${method} threw.`, error);
  }
}

/** Calls `method` on every circuit handler that has it; one that throws does not stop the others. */
export function callCircuitHandlers(handlers: readonly CircuitHandler[], method: keyof CircuitHandler, logger: Logger): void {
  handlers.forEach((handler, index) => {
    try {
      handler[method]?.();
    } catch (error) {
      logger.log(LogLevel.Error, `circuitHandlers[${index}].${method} threw.`, error);
    }
  });
}
