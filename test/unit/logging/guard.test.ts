import { describe, expect, it } from 'vitest';
import { createGuard } from '../../../src/logging/guard';
import { DEBUG, ERROR } from '../../../src/logging/logger';
import { RecordingLogger } from '../support/recording-logger';
import { expectErrorLog } from '../support/verify-logs';

describe('createGuard', () => {
  it('returns what the call returns', () => {
    const guard = createGuard(new RecordingLogger());
    expect(guard('page.add', () => 1 + 1)).toBe(2);
  });

  it('swallows a throw and answers undefined, logging the first throw of each callee at Error and repeats at Debug', () => {
    expectErrorLog(/^display\.show threw\.$/);
    expectErrorLog(/^display\.update threw\.$/);
    const logger = new RecordingLogger();
    const guard = createGuard(logger);
    const boom = new Error('page bug');
    const thrower = (): number => {
      throw boom;
    };
    expect(guard('display.show', thrower)).toBeUndefined();
    expect(guard('display.show', thrower)).toBeUndefined();
    expect(guard('display.update', thrower)).toBeUndefined();
    expect(logger.entries).toEqual([
      { level: ERROR, message: 'display.show threw.', error: boom },
      { level: DEBUG, message: 'display.show threw.', error: boom },
      { level: ERROR, message: 'display.update threw.', error: boom },
    ]);
  });
});
