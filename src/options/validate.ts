import type { LogLevel } from '@microsoft/signalr';
import { InvalidOptionError } from '../errors/invalid-option-error';
import type { ReconnectionMessages } from './types';

/** Small, named checks; each throws {@link InvalidOptionError} naming the option path. */

export const MESSAGE_KEYS: readonly (keyof ReconnectionMessages)[] = [
  'title',
  'rejoining',
  'retrying',
  'failed',
  'rejected',
  'offline',
  'retry',
  'reload',
];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(path: string, value: unknown): asserts value is Record<string, unknown> {
  if (!isPlainObject(value)) throw new InvalidOptionError(path, value, 'an object');
}

export function expectFunction(path: string, value: unknown): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') throw new InvalidOptionError(path, value, 'a function');
}

export function expectNonNegativeInteger(path: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidOptionError(path, value, 'a non-negative integer');
  }
}

export function expectNonNegativeNumber(path: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidOptionError(path, value, 'a non-negative finite number');
  }
}

export function expectBoolean(path: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean') throw new InvalidOptionError(path, value, 'true or false');
}

export function expectNonEmptyString(path: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidOptionError(path, value, 'a non-empty string');
  }
}

export function expectLogLevel(path: string, value: unknown): asserts value is LogLevel {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 6) {
    throw new InvalidOptionError(path, value, 'a LogLevel from 0 (Trace) to 6 (None)');
  }
}

export function expectRetryInterval(path: string, value: unknown): void {
  if (typeof value === 'function') return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidOptionError(path, value, 'a non-negative number of milliseconds or a function');
  }
}

export function expectMessages(path: string, value: unknown): asserts value is Partial<ReconnectionMessages> {
  expectObject(path, value);
  for (const [key, message] of Object.entries(value)) {
    if (!(MESSAGE_KEYS as readonly string[]).includes(key)) {
      throw new InvalidOptionError(`${path}.${key}`, message, `one of the known messages (${MESSAGE_KEYS.join(', ')}); "${key}" is not one`);
    }
    if (typeof message !== 'string' && typeof message !== 'function') {
      throw new InvalidOptionError(`${path}.${key}`, message, 'a string or a function returning a string');
    }
  }
}
