// Runs every page that holds a README sample in Chromium against the packed package and a real
// hub, so each sample is known to work as printed: the fixture pages (Microsoft's snippets
// unchanged, and ours) and the demo pages the README points at.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server-core.mjs';
import type { DemoServer } from '../../demo/server-core.mjs';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { DEMO_PAGES, FIXTURE_PAGES } from './support/exercised';
import type { ConsumerProject } from './support/packed-package';
import { assertBuilt, createConsumerProject, REPO_ROOT } from './support/packed-package';
import { DEMO_SCENARIOS, SCENARIOS } from './support/readme-scenarios';
import { openRun } from './support/sample-run';
import type { SampleSite } from './support/sample-site';
import { FIXTURE_PAGES_DIR, startSampleSite } from './support/sample-site';

describe('README pages', () => {
  it('every fixture page has a scenario, and every scenario a page', () => {
    const onDisk = readdirSync(FIXTURE_PAGES_DIR).filter((name) => name.endsWith('.html')).map((name) => `test/package/fixtures/pages/${name}`);
    expect([...onDisk].sort()).toEqual([...FIXTURE_PAGES].sort());
    expect(Object.keys(SCENARIOS).sort()).toEqual([...FIXTURE_PAGES].sort());
    expect(Object.keys(DEMO_SCENARIOS).sort()).toEqual(Object.keys(DEMO_PAGES).sort());
  });

  it('every demo page loads the scripts and styles listed beside it', () => {
    for (const [page, files] of Object.entries(DEMO_PAGES)) {
      const html = readFileSync(join(REPO_ROOT, page), 'utf8');
      for (const file of files) expect(html, page).toContain(`"/${file.slice('demo/pages/'.length)}"`);
    }
  });
});

describe.skipIf(chromiumPath === undefined)('README pages in Chromium, with the packed package', () => {
  let browser: Browser;
  let project: ConsumerProject;
  let site: SampleSite;
  let demo: DemoServer;

  beforeAll(async () => {
    assertBuilt();
    project = await createConsumerProject();
    [browser, site, demo] = await Promise.all([
      launchChromium(),
      startSampleSite(project.packageDir),
      startDemoServer({ port: 0, distDir: join(project.packageDir, 'dist') }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await site.close();
    await demo.close();
    await project.cleanup();
  });

  for (const file of FIXTURE_PAGES) {
    it(file.slice('test/package/fixtures/pages/'.length), async () => {
      site.hub.reset({ log: true });
      const run = await openRun(browser, `${site.url}/${file.slice('test/package/fixtures/pages/'.length)}`, site.hub);
      try {
        await SCENARIOS[file](run);
      } finally {
        await run.close();
      }
    });
  }

  for (const [file, scenario] of Object.entries(DEMO_SCENARIOS)) {
    it(file, async () => {
      demo.hub.reset({ log: true });
      const run = await openRun(browser, `${demo.url}/${file.slice('demo/pages/'.length)}`, demo.hub);
      try {
        await scenario(run);
      } finally {
        await run.close();
      }
    });
  }
});
