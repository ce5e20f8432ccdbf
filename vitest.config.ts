import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default on this 2-core machine is one worker (cores - 1), which ran every file of
    // every project one after another. Two workers let the unit, integration and package files
    // (fake timers, or no timing at all) share the cores; the real-time suites below keep one
    // file at a time each (`fileParallelism: false`) and their own `groupOrder`.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          // `?raw` CSS imports then hold the stylesheet's text, as they do in the Rollup build.
          css: true,
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Chromium, Firefox and WebKit (Debian's), one browser per engine, one file at a time.
          name: 'engines',
          environment: 'node',
          include: ['test/engines/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // After the real-app and farm suites, beside the network faults only: both time outages.
          sequence: { groupOrder: 3 },
        },
      },
      {
        extends: true,
        test: {
          // Real network faults between namespaces this suite makes (root, iproute2).
          name: 'netns',
          environment: 'node',
          include: ['test/netns/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Real .NET apps (Kestrel, Blazor, SignalR) built by `npm run build:dotnet`, one at a time:
          // each file starts its own servers and Chromium, and the machine has two cores.
          name: 'dotnet',
          environment: 'node',
          include: ['test/dotnet/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // After every other project, alone: its outages are timed against Blazor's retry
          // schedule, and Kestrel, Chromium and the other suites share two cores.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // A farm (Redis, Blazor Web App nodes, HAProxy) started by demo/farm.mjs, after every
          // other project and one file at a time: each file starts its own farm on two cores.
          name: 'farm',
          environment: 'node',
          include: ['test/farm/**/*.test.ts'],
          // A measurement of Blazor alone, not of this library: collected only on demand
          // (`npm run test:farm-blazor-alone`), so `npm test` neither runs nor skips it.
          exclude: process.env.FARM_BLAZOR_ALONE === '1' ? [] : ['test/farm/farm-stop-without-drain.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
