// The ASP.NET Core sample's chat page, served unchanged by the Node demo server (/sample/chat.html
// over the demo's /chat hub, under the demo's strict CSP): two tabs chat through the connection
// handle; during an outage Send is disabled; after the
// reconnect both tabs hear each other again through handlers registered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server-core.mjs';
import { chromiumPath, launchChromium } from './support/chromium';
import { openPage } from './support/demo-fixture';
import type { OpenedPage } from './support/demo-fixture';
import { assertBuilt } from './support/site';

describe.skipIf(chromiumPath === undefined)('the chat page on the Node demo', () => {
  let browser: Browser;
  let demo: Awaited<ReturnType<typeof startDemoServer>>;

  beforeAll(async () => {
    assertBuilt();
    browser = await launchChromium();
    demo = await startDemoServer({ port: 0 });
  });
  afterAll(async () => {
    await browser.close();
    await demo.close();
  });

  const say = async (page: Page, user: string, text: string) => {
    await page.fill('#user', user);
    await page.fill('#text', text);
    await page.click('#send');
  };
  const heard = (page: Page) => page.locator('#messages li').allTextContents();

  it('two tabs chat, through a 2 s outage, each message heard once', async () => {
    const openChat = async (): Promise<OpenedPage> => {
      const opened = await openPage(browser, `${demo.url}/sample/chat.html`);
      await opened.page.locator('#state', { hasText: /^connected$/ }).waitFor();
      return opened;
    };
    const first = await openChat();
    const second = await openChat();
    const tabs = [first, second];
    const [ada, bob] = [first.page, second.page];
    await say(ada, 'ada', 'hello');
    await bob.locator('#messages li', { hasText: 'ada: hello' }).waitFor();

    demo.hub.down(2_000);
    await ada.locator('#state', { hasText: 'reconnecting' }).waitFor();
    expect(await ada.isDisabled('#send')).toBe(true);
    await ada.locator('#state', { hasText: /^connected$/ }).waitFor({ timeout: 20_000 });
    await bob.locator('#state', { hasText: /^connected$/ }).waitFor({ timeout: 20_000 });

    await say(bob, 'bob', 'welcome back');
    await ada.locator('#messages li', { hasText: 'bob: welcome back' }).waitFor();
    await bob.locator('#messages li', { hasText: 'bob: welcome back' }).waitFor();
    expect(await heard(ada)).toEqual(['ada: hello', 'bob: welcome back']);
    expect(await heard(bob)).toEqual(['ada: hello', 'bob: welcome back']);
    for (const tab of tabs) {
      expect(tab.problems).toEqual({ errors: [], cspViolations: [] });
      await tab.close();
    }
  });
});
