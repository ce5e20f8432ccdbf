// The packed ES module imported by plain Node from a consumer project, through the `exports` map:
// importing needs no DOM (server-side rendering, tests of other modules), starting does.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerProject } from './support/packed-package';
import { assertBuilt, createConsumerProject, runNode } from './support/packed-package';

// Runs in a child `node` (no vitest, no jsdom): exactly what a consumer's server process sees.
const PROBE = `
import { createRequire } from 'node:module';
import * as lib from 'circuit-reconnect';

const outcome = (fn) => {
  try {
    const value = fn();
    return { threw: false, value: value instanceof Promise ? 'promise' : String(value) };
  } catch (error) {
    return { threw: true, name: error.name, message: error.message, isEnvironmentError: error instanceof lib.EnvironmentError };
  }
};

const reconnect = await lib.reconnect().then(
  (value) => ({ resolved: value }),
  (error) => ({ name: error.name, message: error.message, isNotInitialized: error instanceof lib.CircuitNotInitializedError }),
);

console.log(JSON.stringify({
  exports: Object.keys(lib).sort(),
  hasDocument: typeof document !== 'undefined',
  logLevelWarning: lib.LogLevel.Warning,
  blazorDefault: [0, 9, 10, 19, 20, 30].map((n) => lib.blazorDefaultRetryInterval(n, 30)),
  jittered: {
    maxRetries: lib.DEFAULT_MAX_RETRIES,
    first: lib.defaultRetryInterval(0, 92),
    second: lib.defaultRetryInterval(1, 92),
    last: lib.defaultRetryInterval(92, 92),
    seeded: lib.createDefaultRetryInterval(() => 0.5)(5, 92),
    backoff: [0, 1, 2, 3].map(lib.exponentialBackoff({ initialMs: 1000, maxMs: 4000, jitter: 'none' })),
    jitters: lib.JITTERS,
  },
  start: outcome(() => lib.start()),
  badOption: outcome(() => lib.start({ reconnectionOptions: { maxRetries: -1 } })),
  reconnect,
  disconnect: outcome(() => lib.disconnect()),
  requireCode: (() => {
    try {
      createRequire(import.meta.url)('circuit-reconnect');
      return 'loaded';
    } catch (error) {
      return error.code;
    }
  })(),
  resolved: {
    iife: import.meta.resolve('circuit-reconnect/iife'),
    css: import.meta.resolve('circuit-reconnect/styles/reconnect.css'),
    pkg: import.meta.resolve('circuit-reconnect/package.json'),
  },
}));
`;

interface ProbeResult {
  exports: string[];
  hasDocument: boolean;
  logLevelWarning: number;
  blazorDefault: (number | null)[];
  jittered: {
    maxRetries: number;
    first: number;
    second: number;
    last: number | null;
    seeded: number;
    backoff: number[];
    jitters: string[];
  };
  start: { threw: boolean; name?: string; message?: string; isEnvironmentError?: boolean };
  badOption: { threw: boolean; name?: string; message?: string };
  reconnect: { name?: string; message?: string; isNotInitialized?: boolean };
  disconnect: { threw: boolean };
  requireCode: string;
  resolved: { iife: string; css: string; pkg: string };
}

describe('the packed ES module in Node', () => {
  let project: ConsumerProject;
  let result: ProbeResult;

  beforeAll(async () => {
    assertBuilt();
    project = await createConsumerProject();
    await writeFile(join(project.root, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await writeFile(join(project.root, 'probe.mjs'), PROBE);
    result = JSON.parse(await runNode(['probe.mjs'], project.root)) as ProbeResult;
  });

  afterAll(async () => {
    await project.cleanup();
  });

  it('imports without a DOM and exposes the documented API', () => {
    expect(result.hasDocument).toBe(false);
    expect(result.exports).toEqual(
      expect.arrayContaining([
        'start',
        'reconnect',
        'disconnect',
        'DefaultReconnectionHandler',
        'LogLevel',
        'blazorDefaultRetryInterval',
        'defaultRetryInterval',
        'createDefaultRetryInterval',
        'DEFAULT_MAX_RETRIES',
        'exponentialBackoff',
        'JITTERS',
        'AlreadyStartedError',
        'CircuitNotInitializedError',
        'CircuitRefusedError',
        'EnvironmentError',
        'HubMethodError',
        'InvalidOptionError',
        'RetryPolicyError',
        'StartFailedError',
      ]),
    );
    expect(result.logLevelWarning).toBe(3);
    expect(result.blazorDefault).toEqual([0, 0, 5000, 5000, 30000, null]);
  });

  it('exports the retry policies the README documents, working as documented', () => {
    const { jittered } = result;
    expect(jittered.maxRetries).toBe(92);
    expect(jittered.first).toBe(0);
    // Equal jitter below a 1 s ceiling: [500, 1000).
    expect(jittered.second).toBeGreaterThanOrEqual(500);
    expect(jittered.second).toBeLessThan(1000);
    expect(jittered.last).toBeNull();
    expect(jittered.seeded).toBe(3750);
    expect(jittered.backoff).toEqual([0, 1000, 2000, 4000]);
    expect(jittered.jitters).toEqual(['full', 'equal', 'decorrelated', 'none']);
  });

  it('throws the EnvironmentError only when start() is called', () => {
    expect(result.start).toEqual({
      threw: true,
      name: 'EnvironmentError',
      message: 'circuit-reconnect needs a browser (no window.document).',
      isEnvironmentError: true,
    });
  });

  it('still checks options first, naming the bad one', () => {
    expect(result.badOption).toEqual({
      threw: true,
      name: 'InvalidOptionError',
      message: 'reconnectionOptions.maxRetries must be a non-negative integer (got -1)',
      isEnvironmentError: false,
    });
  });

  it('rejects reconnect() before start() with Blazor\'s message; disconnect() is a no-op', () => {
    expect(result.reconnect).toEqual({ name: 'CircuitNotInitializedError', message: 'Circuit host not initialized.', isNotInitialized: true });
    expect(result.disconnect).toEqual({ threw: false, value: 'undefined' });
  });

  it('has no CommonJS entry, as the README says', () => {
    expect(result.requireCode).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('resolves the subpath exports to the packed files', () => {
    const base = new URL(`file://${project.packageDir}/`).href;
    expect(result.resolved).toEqual({
      iife: `${base}dist/circuit-reconnect.min.js`,
      css: `${base}styles/reconnect.css`,
      pkg: `${base}package.json`,
    });
  });
});
