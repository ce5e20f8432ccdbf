// WebKit: Debian's WebKitGTK MiniBrowser driven by WebKitWebDriver, which speaks classic WebDriver
// only (it refuses a BiDi session), on an Xvfb display (MiniBrowser needs one). A client for the
// six commands used here is a few lines of `fetch`; webdriverio would bring a hundred packages.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../support/free-port';
import { delay, waitUntil } from '../../support/wait';
import type { Engine, EnginePage } from './engine';
import { EXECUTABLES } from './engine';

/** WebDriver's code points for the keys the suites press. */
const KEYS = { Tab: ['\uE004'], 'Shift+Tab': ['\uE008', '\uE004'], Enter: ['\uE007'] } as const;

interface WireAnswer {
  value: unknown;
}

function started(command: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { stdio: 'ignore', env: { ...process.env, ...env } });
  child.on('error', () => undefined); // a missing binary surfaces as the driver never answering
  return child;
}

/** Ends a process we started, by its id, and waits until it is gone. */
async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, delay(3_000).then(() => child.kill('SIGKILL'))]);
}

export async function launchWebKit(): Promise<Engine> {
  const binary = EXECUTABLES.webkit;
  if (binary === undefined) throw new Error('no MiniBrowser: the suite should have been skipped');
  // Xvfb picks a free display itself and writes its number to file descriptor 3.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => {
      reject(new Error(`Xvfb exited (${String(code)}) before it had a display`));
    });
  });
  const port = await freePort();
  const driver = started('WebKitWebDriver', [`--port=${String(port)}`], { DISPLAY: display });
  const base = `http://127.0.0.1:${String(port)}`;

  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as WireAnswer;
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(answer.value)}`);
    return answer.value;
  };

  try {
    await waitUntil(async () => fetch(`${base}/status`).then((r) => r.ok, () => false), 10_000, 'WebKitWebDriver to listen');
    /** A new session: classic WebDriver cannot emulate the colour scheme, MiniBrowser takes a flag. */
    const openSession = async (dark: boolean): Promise<{ at: string; version: string }> => {
      const args = dark ? ['--automation', '--dark-mode'] : ['--automation'];
      const session = (await call('POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary, args } } },
      })) as { sessionId: string; capabilities: { browserVersion: string } };
      return { at: `/session/${session.sessionId}`, version: session.capabilities.browserVersion };
    };
    const first = await openSession(false);
    let at = first.at;
    let dark = false;

    const page: EnginePage = {
      async evaluate(fn, arg) {
        // `execute/async` so that a function returning a promise is awaited in the page.
        const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (${fn.toString()})(arguments[0])).then(
  (value) => done({ value: value === undefined ? null : value }),
  (error) => done({ error: String(error && error.stack || error) }));`;
        const result = (await call('POST', `${at}/execute/async`, { script, args: [arg ?? null] })) as { value?: unknown; error?: string };
        if (result.error !== undefined) throw new Error(`in the page: ${result.error}`);
        return result.value as never;
      },
      async goto(url) {
        await call('POST', `${at}/url`, { url });
      },
      async press(key) {
        // Every key down in order, then up in reverse: Shift+Tab is Shift held over Tab.
        const keys = KEYS[key];
        const actions = [
          ...keys.map((value) => ({ type: 'keyDown', value })),
          ...[...keys].reverse().map((value) => ({ type: 'keyUp', value })),
        ];
        await call('POST', `${at}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions }] });
        await call('DELETE', `${at}/actions`);
      },
      async click(selector) {
        const element = (await call('POST', `${at}/element`, { using: 'css selector', value: selector })) as Record<string, string>;
        const id = Object.values(element)[0];
        if (id === undefined) throw new Error(`no element ${selector}`);
        await call('POST', `${at}/element/${id}/click`, {});
      },
    };

    return {
      name: 'webkit',
      version: `MiniBrowser/WebKitGTK ${first.version}`,
      // Classic WebDriver has no network emulation.
      setOffline: undefined,
      async colorScheme(scheme) {
        if ((scheme === 'dark') === dark) return;
        dark = scheme === 'dark';
        await call('DELETE', at);
        at = (await openSession(dark)).at;
      },
      async newPage() {
        // One window for the session: a fresh start means a blank page and no session storage.
        await call('POST', `${at}/url`, { url: 'about:blank' });
        return page;
      },
      async close() {
        await call('DELETE', at).catch(() => undefined);
        await stopped(driver);
        await stopped(xvfb);
      },
    };
  } catch (error) {
    await stopped(driver);
    await stopped(xvfb);
    throw error;
  }
}
