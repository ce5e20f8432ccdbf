import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../src/errors/index';
import { LogLevel } from '@microsoft/signalr';
import { resolveOptions } from '../../../src/options/resolve-options';
import type { StartOptions } from '../../../src/options/types';

describe('resolveOptions: the Blazor Web App shape around circuit', () => {
  const sections = { ssr: { disableDomPreservation: true }, webAssembly: { environment: 'Staging' }, enableClassicInitializers: true };

  it('accepts and ignores ssr, webAssembly and enableClassicInitializers beside circuit', () => {
    const resolved = resolveOptions({ circuit: { reconnectionOptions: { maxRetries: 3 } }, ...sections });
    expect(resolved).toEqual(resolveOptions({ circuit: { reconnectionOptions: { maxRetries: 3 } } }));
    expect(resolved).not.toHaveProperty('ssr');
  });

  it('accepts them without circuit too: a blazor.web.js page may set only ssr', () => {
    expect(resolveOptions({ ...sections } as StartOptions)).toEqual(resolveOptions(undefined));
  });

  it('honours the top-level logLevel when circuit sets none', () => {
    expect(resolveOptions({ circuit: {}, logLevel: LogLevel.Trace }).logLevel).toBe(LogLevel.Trace);
    expect(resolveOptions({ circuit: {}, logLevel: LogLevel.None }).logLevel).toBe(LogLevel.None);
  });

  it('lets circuit.logLevel win over the top-level one', () => {
    expect(resolveOptions({ circuit: { logLevel: LogLevel.Error }, logLevel: LogLevel.Trace }).logLevel).toBe(LogLevel.Error);
  });

  it('defaults to Warning when neither is set', () => {
    expect(resolveOptions({ circuit: {} }).logLevel).toBe(LogLevel.Warning);
    expect(resolveOptions({ circuit: {}, logLevel: undefined }).logLevel).toBe(LogLevel.Warning);
  });

  it('checks the top-level logLevel under its own name, even when circuit.logLevel is set', () => {
    for (const circuit of [{}, { logLevel: LogLevel.Error }]) {
      const options: unknown = { circuit, logLevel: 9 };
      let caught: unknown;
      try {
        resolveOptions(options as StartOptions);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidOptionError);
      expect((caught as InvalidOptionError).message).toBe('logLevel must be a LogLevel from 0 to 6 (got 9)');
      expect((caught as InvalidOptionError).option).toBe('logLevel');
    }
  });
});
