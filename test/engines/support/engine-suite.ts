// The setup each engine's block of the cross-engine suite shares: one browser for the whole
// block (launching Firefox takes ~10 s on this machine), one site with the demo hub, a fresh page
// per test, and the hub cleared after each test.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Site } from '../../browser/support/site';
import { waitUntil } from '../../support/wait';
import type { Engine, EngineName, EnginePage } from './engine';
import { startEngineSite, waitForStart } from './engine-site';
import { launchPuppeteer } from './puppeteer-engine';
import { launchWebKit } from './webdriver-engine';

export interface EngineSuite {
  /** Known when the tests are registered, before the browser is launched. */
  readonly name: EngineName;
  readonly engine: Engine;
  readonly site: Site;
  /** Opens `path` in a fresh page and waits until its circuit started. */
  open(path: string): Promise<EnginePage>;
}

export function launchEngine(name: EngineName): Promise<Engine> {
  return name === 'webkit' ? launchWebKit() : launchPuppeteer(name);
}

/** Registers the block's hooks; call inside `describe`. */
export function useEngineSuite(name: EngineName): EngineSuite {
  let engine: Engine | undefined;
  let site: Site | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`the ${name} suite is not started: use it inside a test`);
    return value;
  };
  const suite: EngineSuite = {
    name,
    get engine() {
      return ready(engine);
    },
    get site() {
      return ready(site);
    },
    async open(path) {
      const page = await suite.engine.newPage();
      await page.goto(`${suite.site.url}${path}`);
      await waitForStart(page);
      return page;
    },
  };

  beforeAll(async () => {
    site = await startEngineSite();
    engine = await launchEngine(name);
    console.log(`cross-engine: ${name} is ${engine.version}`);
  });

  afterEach(async () => {
    // A blank page closes this test's connections before the next test's log starts.
    await engine?.newPage();
    if (site) {
      const hub = site.hub;
      await waitUntil(() => hub.connectionCount === 0, 5_000, 'the hub connections to close');
      hub.reset({ log: true });
    }
  });

  afterAll(async () => {
    await engine?.close();
    await site?.close();
  });

  return suite;
}
