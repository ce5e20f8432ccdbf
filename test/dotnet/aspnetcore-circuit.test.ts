// The ASP.NET Core sample's circuit hub with the library's script tag, as the sample's README
// tells a person to run it: the page starts a circuit by itself, a network drop resumes the
// same circuit, and a restarted server (which lost its circuits) makes the page reload.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../browser/support/chromium';
import { startDotnetApp } from '../support/dotnet-app';
import type { DotnetApp } from '../support/dotnet-app';
import { DOTNET_PROJECTS, REPOSITORY_ROOT, skipLoudly, skipWithoutDotnetApps } from '../support/dotnet-apps';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import { waitUntil } from '../support/wait';

interface CircuitCounts {
  started: number;
  reconnected: number;
  refused: number;
}

const SCRIPT = join(REPOSITORY_ROOT, 'dist', 'circuit-reconnect.min.js');
const skip =
  chromiumPath === undefined ||
  skipWithoutDotnetApps([DOTNET_PROJECTS.aspnetcore]) ||
  skipLoudly(existsSync(SCRIPT) ? undefined : 'dist/circuit-reconnect.min.js is not built (run `npm run build`)');

describe.skipIf(skip)('ASP.NET Core sample, circuit hub with the script tag', () => {
  let browser: Browser;
  let app: DotnetApp;
  let proxy: TcpProxy;

  /** The server's own count of circuits (read from the app, not through the proxy). */
  async function counts(): Promise<CircuitCounts> {
    return (await (await fetch(`${app.url}/circuits`)).json()) as CircuitCounts;
  }

  async function waitForCounts(expected: Partial<CircuitCounts>, what: string): Promise<void> {
    await waitUntil(
      async () => {
        const now = await counts();
        return Object.entries(expected).every(([key, value]) => now[key as keyof CircuitCounts] === value);
      },
      60_000,
      what,
      async () => `the server counts ${JSON.stringify(await counts())}\n${app.output()}`,
    );
  }

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startDotnetApp({ project: DOTNET_PROJECTS.aspnetcore });
    console.info(`CircuitReconnectSample started in ${app.startMs} ms`);
    proxy = await startTcpProxy(app.port);
  });

  afterAll(async () => {
    await browser.close();
    await proxy.close();
    await app.stop();
  });

  it('starts a circuit, resumes the same one after a cut, and reloads once a restart lost it', async () => {
    const page = await browser.newPage();
    // The page has its circuit once StartCircuit's answer (a completion carrying the id) reached
    // it: a cut before that is a failed first start, retried as a start, never a reconnect.
    const circuitReceived = new Promise<void>((resolve) => {
      page.on('websocket', (socket) => {
        socket.on('framereceived', ({ payload }) => {
          const text = typeof payload === 'string' ? payload : payload.toString('utf8');
          if (text.includes('"type":3') && text.includes('"result":"')) resolve();
        });
      });
    });
    const script = page.waitForResponse((response) => response.url().endsWith('/circuit-reconnect.min.js'));
    await page.goto(`${proxy.url}/`);
    expect((await script).status()).toBe(200);
    await waitForCounts({ started: 1 }, 'the page to start its circuit');
    await circuitReceived;

    const cutAt = Date.now();
    proxy.cut();
    await waitForCounts({ started: 1, reconnected: 1, refused: 0 }, 'the same circuit to be reconnected');
    console.info(`aspnetcore: circuit resumed ${Date.now() - cutAt} ms after the cut`);

    const reloaded = page.waitForEvent('load', { timeout: 90_000 });
    await app.kill();
    const killedAt = Date.now();
    await app.restart();
    // The new process holds no circuits: ConnectCircuit answers false, the library shows
    // "rejected" and reloads, and the reloaded page starts a new circuit.
    await reloaded;
    await waitForCounts({ started: 1, reconnected: 0, refused: 1 }, 'the reloaded page to start a new circuit');
    console.info(`aspnetcore: new circuit ${Date.now() - killedAt} ms after the kill (restart took ${app.startMs} ms)`);
    await page.close();
  });
});
