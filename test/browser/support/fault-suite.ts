// The setup every fault suite shares: Chromium and one server (the demo server, or a test site)
// for the whole describe block, and the page each test opens, closed after it with the hub
// cleared, so that nothing of one test lands in the next one's log.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Hub } from '../../../demo/hub/index.mjs';
import { launchChromium } from './chromium';
import { closeAndReset, openWithCircuit } from './demo-fixture';
import type { OpenedPage, OpenOptions } from './demo-fixture';
import { assertBuilt } from './site';

/** What a fault suite runs against: the demo server or a test site (both serve the built IIFE). */
export interface FaultServer {
  url: string;
  hub: Hub;
  close(): Promise<void>;
}

export interface FaultSuite<S extends FaultServer> {
  /** Chromium, launched before the suite's first test. */
  readonly browser: Browser;
  /** The server, started before the suite's first test. */
  readonly server: S;
  readonly hub: Hub;
  /** Opens `path` on the server and waits for its own circuit; the page is closed after the test. */
  open(path: string, options?: OpenOptions): Promise<{ opened: OpenedPage; circuitId: string }>;
  /** Closes the test's page now and clears the hub (a test that opens several pages in turn). */
  reset(): Promise<void>;
}

/**
 * Registers the suite's hooks (call it inside `describe`): Chromium and `start()`'s server
 * before all tests, the page closed and the hub cleared after each, both stopped after all.
 */
export function useFaultSuite<S extends FaultServer>(start: () => Promise<S>): FaultSuite<S> {
  let browser: Browser | undefined;
  let server: S | undefined;
  let opened: OpenedPage | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the fault suite's ${what} is not started: use it inside a test`);
    return value;
  };

  const suite: FaultSuite<S> = {
    get browser() {
      return started(browser, 'browser');
    },
    get server() {
      return started(server, 'server');
    },
    get hub() {
      return started(server, 'server').hub;
    },
    async open(path, options = {}) {
      const result = await openWithCircuit(suite.browser, suite.server, path, options);
      opened = result.opened;
      return result;
    },
    async reset() {
      await closeAndReset(opened, suite.hub);
      opened = undefined;
    },
  };

  beforeAll(async () => {
    assertBuilt();
    browser = await launchChromium();
    server = await start();
  });

  afterEach(async () => {
    await suite.reset();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return suite;
}
