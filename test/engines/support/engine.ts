// One small driver interface over the three engines the cross-engine suites run in: Chromium and
// Firefox through puppeteer-core (CDP, WebDriver BiDi), WebKit through classic WebDriver. Every
// assertion reads the page with `evaluate`, so a test is written once for all three.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** One tab. Functions given to `evaluate` run in the page: self-contained, no closures. */
export interface EnginePage {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  goto(url: string): Promise<void>;
  /** A real key press (trusted events) on whatever has focus. */
  press(key: 'Tab' | 'Shift+Tab' | 'Enter'): Promise<void>;
  /** Clicks the first element matching `selector` (in the document, not a shadow root). */
  click(selector: string): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /** The browser's own version string, e.g. `firefox/153.8.0`. */
  readonly version: string;
  /**
   * The `prefers-color-scheme` of the pages opened from now on (light until then). Chromium
   * emulates it per page; Firefox (no media emulation over BiDi) and WebKit (none in classic
   * WebDriver) are restarted with the scheme as a preference or a flag.
   */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Takes the current page's network away or gives it back; `undefined` where the driver cannot. */
  readonly setOffline: ((offline: boolean) => Promise<void>) | undefined;
  /** A fresh tab (its own sessionStorage); the previous one is closed. */
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

/** Debian's WebKitGTK MiniBrowser: its directory carries the library's API version. */
function findMiniBrowser(): string | undefined {
  for (const arch of readdirSync('/usr/lib')) {
    for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0']) {
      const path = join('/usr/lib', arch, api, 'MiniBrowser');
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

/** Where each engine's executable is on this machine (Debian packages), or undefined. */
export const EXECUTABLES: Record<EngineName, string | undefined> = {
  chromium: [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((path) => path && existsSync(path)),
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => path && existsSync(path)),
  webkit: existsSync('/usr/bin/WebKitWebDriver') && existsSync('/usr/bin/Xvfb') ? findMiniBrowser() : undefined,
};

const INSTALL: Record<EngineName, string> = {
  chromium: 'apt-get install -y chromium',
  firefox: 'apt-get install -y firefox-esr',
  webkit: 'apt-get install -y webkit2gtk-driver xvfb',
};

/**
 * Whether `engine` can run here. In CI a missing engine fails the suite (it must never pass by
 * skipping); elsewhere it is skipped with one loud line.
 */
export function engineAvailable(engine: EngineName): boolean {
  if (EXECUTABLES[engine] !== undefined) return true;
  const message = `${engine} is missing: install it with \`${INSTALL[engine]}\` (.ci/run does)`;
  if (process.env.CI) throw new Error(`CI needs every engine for the cross-engine tests: ${message}.`);
  console.warn(`\n\u001b[33m*** CROSS-ENGINE TESTS SKIPPED IN ${engine.toUpperCase()}: ${message}. CI never skips. ***\u001b[0m\n`);
  return false;
}
