// SignalR's VerifyLogger, for this project: a unit test fails on any Error-level log, console
// error or unhandled rejection it did not say it expects. The setup file checks after each test.
import { ERROR } from '../../../src/logging/logger';

interface Expectation {
  readonly pattern: RegExp;
  seen: boolean;
}

const expectations: Expectation[] = [];
const unexpected: string[] = [];

/**
 * Says the running test expects an Error-level log (or console error) whose message matches
 * `pattern`. Every Error-level log must match one expectation, and every expectation must be met.
 */
export function expectErrorLog(pattern: RegExp): void {
  expectations.push({ pattern, seen: false });
}

/** Called by the loggers and spies: an Error-level message, allowed only if expected. */
export function reportError(source: string, message: string, error?: unknown): void {
  const expectation = expectations.find(({ pattern }) => pattern.test(message));
  if (expectation) expectation.seen = true;
  else unexpected.push(`${source}: ${message}${error instanceof Error ? ` (${error.message})` : ''}`);
}

/** Whether `level` is one the check watches (Error and Critical). */
export const isErrorLevel = (level: number): boolean => level >= ERROR && level < 6;

/** The problems of the test that just ended, and a reset for the next one. */
export function takeProblems(): string[] {
  const problems = [
    ...unexpected.map((entry) => `unexpected error log: ${entry}`),
    ...expectations.filter(({ seen }) => !seen).map(({ pattern }) => `expected error log never came: ${String(pattern)}`),
  ];
  unexpected.length = 0;
  expectations.length = 0;
  return problems;
}
