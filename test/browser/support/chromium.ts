// Finds and launches Debian's Chromium for the browser suites. Never downloads a browser.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium executable, or undefined. In CI a missing browser is an error, not a skip. */
export function findChromium(): string | undefined {
  const found = CANDIDATES.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
  if (found === undefined && process.env.CI) {
    throw new Error('Chromium is required in CI for the browser tests: install it with `apt-get install -y chromium` (.ci/run does).');
  }
  return found;
}

export const chromiumPath = findChromium();

if (chromiumPath === undefined) {
  console.warn(
    '\n\u001b[33m*** BROWSER TESTS SKIPPED: no Chromium found (looked for $CHROMIUM_PATH, /usr/bin/chromium). ' +
      'Install it with `apt-get install -y chromium` to run them. CI installs it and never skips. ***\u001b[0m\n',
  );
}

/** The flags this machine needs: no sandbox as root, and no background traffic to closed networks. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Harness pages fulfilled by Playwright's router come from no address, which Chromium 156 puts
  // in the public address space: Local Network Access then blocks their WebSockets to 127.0.0.1
  // (net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS) and SignalR silently falls back to
  // Server-Sent Events. A page the server itself serves is on loopback and never hits this.
  '--disable-features=LocalNetworkAccessChecks',
];

export async function launchChromium(): Promise<Browser> {
  if (chromiumPath === undefined) throw new Error('No Chromium: the suite should have been skipped.');
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}
