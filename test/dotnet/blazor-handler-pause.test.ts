// circuit-reconnect's Blazor handler in the Blazor Web App when the circuit is paused
// (`Blazor.pauseCircuit()`, .NET 10): no attempts, the default dialog's Resume button; a resume
// that fails or throws ends in resume-failed with a Reload button, never a stuck dialog.
import { describe, expect, it } from 'vitest';
import type { Page, WebSocket } from 'playwright-core';
import { chromiumPath } from '../browser/support/chromium';
import { DOTNET_PROJECTS, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { delay, waitUntil } from '../support/wait';
import { callResumeCircuit, increment, readCounts, waitForCounts } from './support/counter-page';
import { mark, useHandlerApp, waitForHide } from './support/handler-app';
import { clickDialogButton, readDialog, readWatch } from './support/handler-watch';
import type { DialogView } from './support/handler-watch';

const skip = chromiumPath === undefined || skipWithoutDotnetApps([DOTNET_PROJECTS.blazorWebApp]);
const PAUSED = 'The session has been paused.';
const RESUME_FAILED = 'Failed to resume the session. Please reload the page.';

/** `await Blazor.pauseCircuit()` in the page: its answer, or the error's message. */
function pauseCircuit(page: Page): Promise<boolean | string> {
  return page.evaluate(async () => {
    try {
      return await (window as unknown as { Blazor: { pauseCircuit: () => Promise<boolean> } }).Blazor.pauseCircuit();
    } catch (error) {
      return `threw: ${String(error)}`;
    }
  });
}

async function waitForDialog(page: Page, text: string, what: string): Promise<DialogView> {
  await waitUntil(async () => (await readDialog(page)).text === text, 20_000, what, async () => JSON.stringify(await readDialog(page)));
  return readDialog(page);
}

describe.skipIf(skip)('Blazor handler, Blazor Web App: a paused circuit', () => {
  const setup = useHandlerApp(DOTNET_PROJECTS.blazorWebApp);

  it('pauseCircuit(): paused text and Resume, no attempt; Resume brings the persisted count back, interactive', async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    await increment(page);
    const from = mark(setup.proxy);
    const since = Date.now();
    expect(await pauseCircuit(page)).toBe(true);
    const paused = await waitForDialog(page, PAUSED, 'the paused dialog');
    expect(paused).toEqual({ exists: true, open: true, text: PAUSED, buttons: ['resume'] });
    // A pause is the user's (or server's) choice: nothing reconnects until Resume.
    expect((await readWatch(page)).calls.filter((call) => call.at >= since)).toEqual([]);
    const connectionsWhilePaused = setup.proxy.attempts.length - from;
    await clickDialogButton(page, 'resume');
    const hideAt = await waitForHide(page, since);
    const watch = await readWatch(page);
    const calls = watch.calls.filter((call) => call.at >= since).map((call) => call.name);
    console.info(`pause: ${connectionsWhilePaused} connection(s) while paused; calls ${JSON.stringify(calls)}; hide ${hideAt - since} ms after the pause`);
    expect(calls).toEqual(['resumeCircuit']);
    // A resumed circuit is a new one built from the persisted state: the plain count starts again.
    await waitForCounts(page, { persisted: 2, plain: 0 });
    expect((await readDialog(page)).open).toBe(false);
    expect(watch.blazorHandlerCalls).toEqual([]);
    expect(watch.blazorUi).toEqual([]);
    expect(await increment(page)).toEqual({ persisted: 3, plain: 1 });
  });

  it('a Resume the server cannot take (proxy refusing): resume-failed with Reload, which reloads', async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    expect(await pauseCircuit(page)).toBe(true);
    await waitForDialog(page, PAUSED, 'the paused dialog');
    // Measured: the WebSocket stays open while paused, and resumeCircuit() resumes over it even
    // with the proxy refusing new connections; so the network goes away entirely.
    setup.proxy.refuse(60_000);
    setup.proxy.cut();
    await clickDialogButton(page, 'resume');
    const failed = await waitForDialog(page, RESUME_FAILED, 'the resume-failed dialog');
    expect(failed).toEqual({ exists: true, open: true, text: RESUME_FAILED, buttons: ['reload'] });
    const watch = await readWatch(page);
    expect(watch.states.map((s) => s.state)).toContain('resume-failed');
    expect(watch.answers.map((a) => a.answer)).toEqual([expect.stringMatching(/^threw: /)]);
    setup.proxy.refuse(0);
    const reloaded = page.waitForEvent('load');
    await clickDialogButton(page, 'reload');
    await reloaded;
    await waitUntil(async () => (await page.$('#increment:not([disabled])')) !== null, 20_000, 'the new circuit');
    expect(await readCounts(page)).toEqual({ persisted: 0, plain: 0 });
  });

  it('pause, then the server killed and restarted, then Resume: the state the client holds resumes on the new process', async () => {
    const sockets: WebSocket[] = [];
    const { page } = await setup.openCounter((opened) => {
      opened.on('websocket', (socket) => sockets.push(socket));
      return Promise.resolve();
    });
    await increment(page);
    await increment(page);
    const since = Date.now();
    expect(await pauseCircuit(page)).toBe(true);
    await waitForDialog(page, PAUSED, 'the paused dialog');
    await setup.app.kill();
    // The person clicks Resume once the page has seen its connection drop (a paused circuit keeps
    // its WebSocket, and a resume sent over a socket that is closing at that moment is canceled).
    await waitUntil(() => sockets.every((socket) => socket.isClosed()), 10_000, "the page's WebSocket to close");
    await setup.app.restart();
    await clickDialogButton(page, 'resume');
    // Measured: a pause hands the persisted state to the client, and the restarted process
    // (same Development data-protection keys) accepts it: resumeCircuit() answers true.
    await waitForHide(page, since).catch(async (error: unknown) => {
      // What the resume answered (false: the process refused the state; threw: the connection).
      throw new Error(`${String(error)}
answers: ${JSON.stringify((await readWatch(page)).answers)}
${setup.app.output().split('\n').slice(-40).join('\n')}`);
    });
    await waitForCounts(page, { persisted: 2, plain: 0 });
    expect((await readWatch(page)).answers.filter((a) => a.at >= since).map((a) => `${a.name} ${a.answer}`)).toEqual(['resumeCircuit true']);
    expect(await increment(page)).toEqual({ persisted: 3, plain: 1 });
  });

  it('blazor.web.js 10.0.12: pauseCircuit() right after a successful reconnect answers true without pausing; no dialog is left', async () => {
    const { page } = await setup.openCounter();
    await increment(page);
    const since = Date.now();
    setup.proxy.refuse(1_500);
    setup.proxy.cut();
    await waitForHide(page, since, 30_000);
    expect((await readWatch(page)).answers.filter((a) => a.at >= since).at(-1)?.answer).toBe('true');
    const pausedAt = Date.now();
    expect(await pauseCircuit(page)).toBe(true);
    // Blazor never tells the handler of this pause (no onConnectionDown with isPausing): no
    // state, no dialog. Its absence cannot be awaited: the page is watched for 2 s (a real pause
    // showed its dialog within 100 ms in the first test).
    await delay(2_000);
    const watch = await readWatch(page);
    expect(watch.states.filter((s) => s.at >= pausedAt)).toEqual([]);
    expect((await readDialog(page)).open).toBe(false);
    // The circuit was never paused: it still answers clicks.
    expect(await increment(page)).toEqual({ persisted: 2, plain: 2 });
    // And the resume a page would call next throws (the bug the handler must survive).
    expect(await callResumeCircuit(page)).toMatch(/^threw: .*Invocation canceled/);
    console.info(`after the throwing resumeCircuit(): dialog ${JSON.stringify(await readDialog(page))}`);
    expect(watch.blazorHandlerCalls).toEqual([]);
  });
});
