// Firefox closes the page's WebSockets (code 1001, "going away") as soon as a navigation starts,
// even one that never replaces the page: a file download, a link answered 204 No Content
// (Mozilla bugs 858538, 896666). A download link on a live page must cost nothing the user or
// the server sees: no warning, no outage, no dialog, and the same circuit afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiPage } from '../browser/fixtures-ui/pages';
import { startSite, STRICT_CSP } from '../browser/support/site';
import type { Site } from '../browser/support/site';
import { isResumed, mark, since } from '../browser/support/hub-log';
import { engineAvailable } from './support/engine';
import type { Engine } from './support/engine';
import { pollPage, waitForStart } from './support/engine-site';
import { launchPuppeteer } from './support/puppeteer-engine';
import { readEngineRecord, RECORDER_SCRIPT } from './support/recorder';

const LINKS = '<p><a id="download" href="/report.csv">Download the report</a> <a id="nothing" href="/nothing">A link answered 204</a></p>';

describe.skipIf(!engineAvailable('firefox'))('firefox: a navigation that never happens (download, 204) keeps the circuit quietly', () => {
  let engine: Engine;
  let site: Site;

  beforeAll(async () => {
    site = await startSite({
      pages: {
        '/engine-recorder.js': { body: RECORDER_SCRIPT, contentType: 'text/javascript; charset=utf-8' },
        ...uiPage({
          startScript: '/links.js',
          extraHead: '<script src="/engine-recorder.js"></script>',
          extraBody: LINKS,
          headers: { 'Content-Security-Policy': STRICT_CSP },
          // Warnings and above reach the console, as with the defaults.
          startOptions: '{ logLevel: 3, reconnectionOptions: { maxRetries: 2, retryIntervalMilliseconds: 1000 } }',
        }),
        '/report.csv': { body: 'a,b\n1,2\n', contentType: 'text/csv', headers: { 'Content-Disposition': 'attachment; filename="report.csv"' } },
        '/nothing': { body: '', status: 204 },
      },
    });
    engine = await launchPuppeteer('firefox');
  });

  afterAll(async () => {
    await engine.close();
    await site.close();
  });

  for (const link of ['download', 'nothing'] as const) {
    it(`${link === 'download' ? 'a real download link (Content-Disposition: attachment)' : 'a link answered 204'}: no warning, no outage, no dialog, the same circuit`, async () => {
      const hub = site.hub;
      const opened = mark(hub);
      const page = await engine.newPage();
      await page.goto(`${site.url}/links.html`);
      await waitForStart(page);
      const circuitId = since(hub, opened, 'completion').find((e) => e.method === 'StartCircuit')?.result;
      const before = mark(hub);

      await page.click(`#${link}`);
      // Firefox's close reaches the server first; then this library's quiet resume, if any.
      const closed = await pollPage(() => Promise.resolve(since(hub, before, 'close').length), (n) => n > 0, 'the socket to close', 5_000).catch(() => 0);
      if (closed > 0) await pollPage(() => Promise.resolve(since(hub, before).some(isResumed)), Boolean, 'the circuit resumed', 5_000);
      const started = performance.now();
      // Long enough for a dialog's grace period and a second look at the console.
      await pollPage(() => Promise.resolve(performance.now() - started), (ms) => ms > 1_000, 'a second to pass');

      const record = await readEngineRecord(page);
      const closedAt = since(hub, before, 'close')[0]?.at;
      const resumedAt = since(hub, before).find(isResumed)?.at;
      console.log(`firefox ${link}: the socket closed ${String(closed)} time(s); resumed unseen ${closedAt && resumedAt ? String(resumedAt - closedAt) : '-'} ms after the close`);
      expect(record.warnings).toEqual([]);
      expect(record.errors).toEqual([]);
      expect(record.events).toEqual([]);
      expect(record.visibility).toEqual([]);
      expect(hub.circuits.has(circuitId as string)).toBe(true);
      expect(since(hub, before, 'circuit').filter((e) => e.circuitId !== circuitId)).toEqual([]);
      expect(await page.evaluate(() => (window as { __uiStarted?: boolean }).__uiStarted)).toBe(true);
    });
  }
});
