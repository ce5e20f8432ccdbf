// circuit-reconnect's Blazor handler in the Blazor Web App under a strict CSP: our default dialog
// through every state without a single violation; and the template's own ReconnectModal driven
// by our events (show -> showModal, hide -> close), its Retry recovering a failed outage, with one
// reconnection process only (one connection per attempt, one ConnectCircuit).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { waitUntil } from '../support/wait';
import { increment, waitForCircuit } from './support/counter-page';
import { mark, useHandlerApp, waitForHide } from './support/handler-app';
import { clickDialogButton, readDialog, readWatch } from './support/handler-watch';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);
/** Small, so an outage reaches `failed` within about two seconds. */
const FEW_RETRIES = '--ReconnectOptions={"maxRetries":3}';

/** Every console message about a Content-Security-Policy, across reloads of the page. */
function collectCspConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) messages.push(message.text());
  });
  return messages;
}

async function waitForState(page: Page, state: string, since: number): Promise<void> {
  await waitUntil(
    async () => (await readWatch(page)).states.some((s) => s.state === state && s.at >= since),
    40_000,
    `the "${state}" state`,
    async () => JSON.stringify((await readWatch(page)).states.filter((s) => s.at >= since)),
  );
}

describe.skipIf(skip)('Blazor handler, StrictCsp=true, our default dialog', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp, ['--StrictCsp=true', FEW_RETRIES]);

  it('paused, Resume, show, retrying, failed, Retry, rejected: no CSP violation anywhere', async () => {
    const { page } = await setup.openCounter();
    const consoleCsp = collectCspConsole(page);
    const seen: string[] = [];
    const record = async () => {
      const { text, buttons } = await readDialog(page);
      seen.push(`${text} [${buttons.join()}]`);
    };
    await increment(page);

    // First: right after a successful reconnect, blazor.web.js 10.0.12's pauseCircuit() does not pause.
    let since = Date.now();
    await page.evaluate(() => (window as unknown as { Blazor: { pauseCircuit: () => Promise<boolean> } }).Blazor.pauseCircuit());
    await waitForState(page, 'paused', since);
    await record();
    await clickDialogButton(page, 'resume');
    await waitForHide(page, since);
    await waitForCircuit(page);
    since = Date.now();
    setup.proxy.refuse(120_000);
    setup.proxy.cut();
    await waitForState(page, 'retrying', since);
    await waitUntil(async () => (await readDialog(page)).open, 5_000, 'the dialog');
    await record();
    await waitForState(page, 'failed', since);
    await record();
    setup.proxy.refuse(0);
    await clickDialogButton(page, 'retry');
    await waitForHide(page, since);

    expect((await readWatch(page)).csp).toEqual([]);

    // Rejected: the process and its state go; with maxRetries 3 the outage may reach failed
    // while the server restarts, and Retry then finds the session gone. The rejected dialog is
    // drawn as the page reloads, so its violations (if any) are caught from the console, which
    // outlives the document.
    let reloaded = false;
    page.once('load', () => { reloaded = true; });
    await setup.app.kill();
    await setup.app.restart();
    await waitUntil(async () => {
      if (reloaded) return true;
      const offersRetry = await readDialog(page).then((d) => d.buttons.includes('retry'), () => false);
      if (offersRetry) await clickDialogButton(page, 'retry').catch(() => undefined);
      return false;
    }, 40_000, 'the reload after rejected');
    await waitForCircuit(page);
    console.info(`dialog texts seen: ${JSON.stringify(seen)}`);
    expect(seen).toEqual([
      'The session has been paused. [resume]',
      expect.stringMatching(/^(Rejoining the server\u2026|Rejoin failed\u2026 trying again in \d+\sseconds?) \[\]$/),
      'Failed to rejoin. Please retry or reload the page. [retry,reload]',
    ]);
    expect((await readWatch(page)).csp).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });
});

describe.skipIf(skip)('Blazor handler, ReconnectUi=template: the template\'s ReconnectModal', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp, ['--ReconnectUi=template', '--StrictCsp=true', FEW_RETRIES]);

  it('opens on show, Retry recovers a failed outage, closes on hide; one process: one connection per attempt, one ConnectCircuit', async () => {
    const { page } = await setup.openCounter();
    const consoleCsp = collectCspConsole(page);
    const sent: { at: number; connectCircuit: boolean }[] = [];
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        sent.push({ at: Date.now(), connectCircuit: String(frame.payload).includes('ConnectCircuit') });
      });
    });
    await increment(page);
    const modalOpen = () => page.$eval('#components-reconnect-modal', (dialog) => (dialog as HTMLDialogElement).open);
    expect(await modalOpen()).toBe(false);

    const from = mark(setup.proxy);
    const since = Date.now();
    setup.proxy.refuse(120_000);
    setup.proxy.cut();
    await waitForState(page, 'show', since);
    await waitUntil(modalOpen, 5_000, 'the template dialog to open');
    await waitForState(page, 'failed', since);
    expect(await page.isVisible('#components-reconnect-button')).toBe(true);
    // Nothing of ours or Blazor's besides the page's modal.
    expect((await readDialog(page)).exists).toBe(false);
    const attempts = (await readWatch(page)).calls.filter((c) => c.name === 'reconnect' && c.at >= since).length;
    const refused = setup.proxy.attempts.slice(from).filter((a) => a.outcome === 'refused').length;
    console.info(`template, failed after ${attempts} Blazor.reconnect() calls; the proxy refused ${refused} connections`);
    // maxRetries' three, and the grace period's extra attempt when the policy's second one was
    // due more than 125 ms (a quarter of it) after the grace period (the default policy's jitter decides).
    expect([3, 4]).toContain(attempts);
    expect(refused).toBe(attempts);

    setup.proxy.refuse(0);
    const retryAt = Date.now();
    await page.click('#components-reconnect-button');
    await waitForState(page, 'hide', retryAt);
    await waitUntil(async () => !(await modalOpen()), 5_000, 'the template dialog to close');
    const watch = await readWatch(page);
    // The template's Retry calls Blazor.reconnect() itself, once; nothing else attempts.
    expect(watch.calls.filter((c) => c.at >= retryAt).map((c) => c.name)).toEqual(['reconnect']);
    expect(sent.filter((frame) => frame.at >= since && frame.connectCircuit)).toHaveLength(1);
    expect(watch.blazorHandlerCalls).toEqual([]);
    expect(watch.blazorUi).toEqual([]);
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
    expect(watch.csp).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });
});
