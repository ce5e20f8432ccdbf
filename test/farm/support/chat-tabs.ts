// Tabs on the ASP.NET Core farm's chat page (examples/aspnetcore/wwwroot/chat.html), each in its
// own browser context pinned to a node by the balancer's cookie. The page is driven as a person
// does (type, Send, read the list); the node a tab is on is read from the X-Farm-Node header of
// its hub negotiations.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitUntil } from '../../support/wait';

export interface ChatTab {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** The node and status of each answer to its /chat negotiations, in order, with when it came. */
  readonly negotiations: { node: string; status: number; at: number }[];
}

/** Opens chat.html as `name`, pinned to node `node` (the FARM_NODE cookie), and waits until it is connected. */
export async function openChat(browser: Browser, url: string, name: string, node: number): Promise<ChatTab> {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'FARM_NODE', value: `n${node}`, url }]);
  const page = await context.newPage();
  const negotiations: { node: string; status: number; at: number }[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/chat/negotiate') {
      negotiations.push({ node: response.headers()['x-farm-node'] ?? '', status: response.status(), at: Date.now() });
    }
  });
  await page.goto(`${url}/chat.html`);
  await page.fill('#user', name);
  const tab = { name, context, page, negotiations };
  await waitForState(tab, 'connected', 30_000);
  return tab;
}

export const chatState = (tab: ChatTab): Promise<string> => tab.page.textContent('#state').then((text) => text ?? '');

export async function waitForState(tab: ChatTab, state: string, timeoutMs: number): Promise<void> {
  await waitUntil(async () => (await chatState(tab)) === state, timeoutMs, `${tab.name}'s chat ${state}`, () => chatState(tab));
}

/** Every line of the tab's message list, e.g. `alice: hello`. */
export const chatLines = (tab: ChatTab): Promise<string[]> => tab.page.locator('#messages li').allTextContents();

/** Sends `text` from the form (the page's `circuit.invoke('Send', …)`); throws with the page's problem line if it was refused. */
export async function send(tab: ChatTab, text: string): Promise<void> {
  await tab.page.fill('#text', text);
  await tab.page.click('#send');
  await waitUntil(
    async () => (await tab.page.inputValue('#text')) === '' || (await tab.page.textContent('#problem')) !== '',
    10_000,
    `${tab.name}'s Send of "${text}" to be answered`,
  );
  const problem = await tab.page.textContent('#problem');
  if (problem) throw new Error(`${tab.name} could not send "${text}": ${problem}`);
}

/** Waits until each tab shows the line `from: text` exactly once. */
export async function expectDelivered(tabs: readonly ChatTab[], from: ChatTab, text: string): Promise<void> {
  const line = `${from.name}: ${text}`;
  const counts = async () => Promise.all(tabs.map(async (tab) => (await chatLines(tab)).filter((seen) => seen === line).length));
  await waitUntil(async () => (await counts()).every((count) => count >= 1), 10_000, `"${line}" in every tab`, async () => JSON.stringify(await counts()));
  const final = await counts();
  if (final.some((count) => count !== 1)) throw new Error(`"${line}" shown ${JSON.stringify(final)} times: a handler ran more than once`);
}
