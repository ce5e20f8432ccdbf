// The demo server in-process: pages under a strict CSP, the built library and vendor files, the
// hubs, and the control API. The CLI (busy port, shutdown) is in demo-cli.test.ts.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server-core.mjs';
import type { DemoServer } from '../../demo/server-core.mjs';
import { ClientPool, connectCircuit, nextClose, startCircuit, within } from './support/hub-client';

const PAGES = ['index.html', 'default-dialog.html', 'user-modal.html', 'boot-js.html', 'web-app-shape.html', 'custom-handler.html', 'es-module.html', 'panel.html'];
const LIBRARY_PAGES = PAGES.filter((p) => p !== 'index.html' && p !== 'panel.html');

let demo: DemoServer;
let distDir: string;
const clients = new ClientPool(() => demo.url);

beforeAll(async () => {
  // A stand-in dist/, so the test does not depend on a build having run.
  distDir = await mkdtemp(join(tmpdir(), 'demo-dist-'));
  await writeFile(join(distDir, 'circuit-reconnect.js'), '/* built library */');
  await writeFile(join(distDir, 'index.mjs'), 'export {};');
  demo = await startDemoServer({ port: 0, distDir });
});

afterAll(async () => {
  await clients.stopAll();
  await demo.close();
  await rm(distDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await post('/control/reset');
});

async function get(path: string): Promise<Response> {
  return fetch(`${demo.url}${path}`);
}

async function post(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${demo.url}${path}`, { method: 'POST', headers });
}

/** A GET with the path sent exactly as written (fetch would normalise `..`). */
function rawStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: demo.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

interface ControlLog {
  counters: Record<string, number>;
  faults: { down: boolean; downRemainingMs: number; slowMs: number; rejectNext: number; refuseStarts: boolean; negotiateStatus: Record<string, number> };
  connections: number;
  circuits: number;
  connectedCircuits: number;
  entries: { kind: string; event?: string; circuitId?: string }[];
}

/** Waits until the server noticed the drop: one circuit held, none connected. */
async function waitUntilHeld(): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const { circuits, connectedCircuits } = await controlLog();
    if (circuits === 1 && connectedCircuits === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the dropped circuit was never held for a reconnect');
}

async function controlLog(): Promise<ControlLog> {
  return (await (await get('/control/log')).json()) as ControlLog;
}

describe('startDemoServer', () => {
  it('rejects with EADDRINUSE when the port is taken', async () => {
    await expect(startDemoServer({ port: demo.port, distDir })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('pages', () => {
  it.each(PAGES)('%s is served as HTML under a strict CSP, with the panel and no inline code', async (page) => {
    const response = await get(`/${page}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'self';/);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    const html = await response.text();
    expect(html).toContain('<script src="/panel.js"');
    expect(html).toContain('href="/panel.css"');
    // Every script has a src, except an import map; no inline handlers or style blocks.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    for (const attributes of inline) expect(attributes).toMatch(/type="importmap"/);
    expect(html).not.toMatch(/\son[a-z]+=|<style/i);
  });

  it.each(LIBRARY_PAGES)('%s loads the library from the served dist', async (page) => {
    const html = await (await get(`/${page}`)).text();
    expect(html).toMatch(page === 'es-module.html' ? /"circuit-reconnect": "\/index\.mjs"/ : /<script src="\/circuit-reconnect\.js"/);
  });

  it('/ is index.html, linking every demo page', async () => {
    const html = await (await get('/')).text();
    for (const page of LIBRARY_PAGES) expect(html).toContain(`href="/${page}"`);
  });

  it('allows the ES module page its import map by hash, and the boot.js page its inline style', async () => {
    const esModule = await get('/es-module.html');
    const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(await esModule.text())?.[1] ?? '';
    const hash = createHash('sha256').update(map).digest('base64');
    expect(esModule.headers.get('content-security-policy')).toContain(`script-src 'self' 'sha256-${hash}'`);
    const bootJs = await get('/boot-js.html');
    expect(await bootJs.text()).toContain('<div id="reconnect-modal" style="display: none;"></div>');
    const styleHash = createHash('sha256').update('display: none;').digest('base64');
    expect(bootJs.headers.get('content-security-policy')).toContain(`style-src 'self' 'unsafe-hashes' 'sha256-${styleHash}'`);
  });

  it('serves the scripts and styles the pages use', async () => {
    for (const file of ['/panel.js', '/boot.js', '/web-app-shape.js', '/custom-handler.js', '/es-module.js', '/user-modal.js']) {
      const response = await get(file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toMatch(/^text\/javascript/);
      expect(await response.text(), file).not.toMatch(/innerHTML/);
    }
    for (const file of ['/panel.css', '/user-modal.css', '/demo.css']) {
      expect((await get(file)).headers.get('content-type'), file).toMatch(/^text\/css/);
    }
    expect(await (await get('/user-modal.css')).text()).toContain('transition: visibility 0s linear 500ms');
  });
});

describe('library and vendor files', () => {
  it('serves dist at the root', async () => {
    expect(await (await get('/circuit-reconnect.js')).text()).toBe('/* built library */');
    expect((await get('/index.mjs')).headers.get('content-type')).toMatch(/^text\/javascript/);
    const missing = await get('/circuit-reconnect.min.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/npm run build/);
  });

  it('serves @microsoft/signalr browser and ES module builds, resolving extensionless imports', async () => {
    expect((await get('/vendor/signalr/signalr.min.js')).status).toBe(200);
    const index = await (await get('/vendor/signalr-esm/index.js')).text();
    expect(index).toMatch(/from "\.\/[A-Za-z]+"/); // extensionless: the server must resolve them
    const errors = await get('/vendor/signalr-esm/Errors');
    expect(errors.status).toBe(200);
    expect(errors.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await errors.text()).toContain('class HttpError');
  });

  it('refuses paths that climb out of a served folder, and answers favicon requests empty', async () => {
    expect(await rawStatus('/../package.json')).toBe(404);
    expect(await rawStatus('/%2e%2e/%2e%2e/package.json')).toBe(404);
    expect(await rawStatus('/vendor/signalr/../../package.json')).toBe(404);
    expect(await rawStatus('/favicon.ico')).toBe(204);
  });
});

describe('hubs', () => {
  it('negotiates at /_blazor, /signalr, /hub and /chat; only the circuit hubs take beacons', async () => {
    for (const path of ['/_blazor', '/signalr', '/hub', '/chat']) {
      expect((await post(`${path}/negotiate?negotiateVersion=1`)).status, path).toBe(200);
    }
    expect((await post('/_blazor/disconnect', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(400);
    expect((await post('/hub/disconnect')).status).toBe(404);
  });

  it('shares one circuit registry between /_blazor and /signalr', async () => {
    const first = await clients.start('/_blazor');
    const id = await startCircuit(first);
    expect(id).toEqual(expect.any(String));
    const closed = nextClose(first);
    expect(await controlLog()).toMatchObject({ circuits: 1, connectedCircuits: 1 });
    expect((await post('/control/drop')).status).toBe(200);
    await within(closed, 5000, 'onclose after /control/drop');
    // Dropped: held for a reconnect, no longer connected (what the panel's status line says).
    await waitUntilHeld();
    const second = await clients.start('/signalr');
    await expect(connectCircuit(second, id ?? '')).resolves.toBe(true);
    const log = await controlLog();
    expect(log.entries.some((e) => e.kind === 'circuit' && e.event === 'connected' && e.circuitId === id)).toBe(true);
  });

  it('POST /control/push?text=… sends Message(text) to the circuit connections', async () => {
    const connection = await clients.start('/signalr');
    const heard = new Promise<unknown>((resolve) => {
      connection.on('Message', resolve);
    });
    expect((await post('/control/push?text=hello')).status).toBe(200);
    expect(await within(heard, 5000, 'the pushed message')).toBe('hello');
  });
});

describe('control API', () => {
  it('applies each fault and reports it in /control/log', async () => {
    const actions = [
      '/control/down?seconds=30',
      '/control/reject-next',
      '/control/slow?ms=250',
      '/control/refuse-starts?on=true',
      '/control/reject-negotiation?status=403&path=/hub',
      '/control/flap?seconds=30',
      '/control/restart',
      '/control/drop',
      '/control/close?error=bye&allowReconnect=true',
    ];
    for (const action of actions) {
      const response = await post(action);
      expect(response.status, action).toBe(200);
      expect(await response.json(), action).toMatchObject({ ok: true });
    }
    const log = await controlLog();
    expect(log.faults).toMatchObject({ down: true, slowMs: 250, rejectNext: 1, refuseStarts: true, negotiateStatus: { '/hub': 403 } });
    const faults = log.entries.filter((e) => e.kind === 'fault').map((e) => e.event);
    expect(faults).toEqual(['reset', 'down', 'reject-next', 'slow', 'refuse-starts', 'reject-negotiation', 'flap', 'restart', 'drop', 'close-connections']);
    expect((await post('/hub/negotiate?negotiateVersion=1')).status).toBe(503); // down wins over 403

    expect((await post('/control/reset')).status).toBe(200);
    const after = await controlLog();
    expect(after.faults).toMatchObject({ down: false, slowMs: 0, rejectNext: 0, refuseStarts: false, negotiateStatus: {} });
    expect(after.entries.map((e) => e.event)).toEqual(['reset']);
    expect((await post('/hub/negotiate?negotiateVersion=1')).status).toBe(200);
  });

  it('answers a negotiation refused with retryAfter with that Retry-After; down and plain refusals carry none', async () => {
    expect((await post('/control/reject-negotiation?status=429&retryAfter=2')).status).toBe(200);
    const busy = await post('/hub/negotiate?negotiateVersion=1');
    expect([busy.status, busy.headers.get('Retry-After')]).toEqual([429, '2']);
    expect((await post('/control/reject-negotiation?status=503')).status).toBe(200);
    const plain = await post('/hub/negotiate?negotiateVersion=1');
    expect([plain.status, plain.headers.get('Retry-After')]).toEqual([503, null]);
    await post('/control/reset');
    await post('/control/down?seconds=30');
    const down = await post('/hub/negotiate?negotiateVersion=1');
    expect([down.status, down.headers.get('Retry-After')]).toEqual([503, null]);
    await post('/control/reset');
  });

  it('extends an outage under way with extend=true (the panel pressed twice), restarts it without', async () => {
    await post('/control/down?seconds=30');
    await post('/control/down?seconds=30&extend=true');
    expect((await controlLog()).faults.downRemainingMs).toBeGreaterThan(50_000);
    await post('/control/down?seconds=10');
    expect((await controlLog()).faults.downRemainingMs).toBeLessThanOrEqual(10_000);
    await post('/control/reset');
  });

  it('answers bad input with 400, wrong methods with 405, unknown actions with 404', async () => {
    const bad = await post('/control/down?seconds=soon');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: expect.stringMatching(/seconds/) as unknown });
    expect((await post('/control/slow')).status).toBe(400);
    expect((await post('/control/flap?seconds=0')).status).toBe(400);
    expect((await get('/control/drop')).status).toBe(405);
    expect((await post('/control/log')).status).toBe(405);
    expect((await post('/control/explode')).status).toBe(404);
    expect((await get('/control/status')).status).toBe(200);
  });

  it('refuses cross-origin control requests', async () => {
    const response = await post('/control/restart', { origin: 'http://evil.test' });
    expect(response.status).toBe(403);
    const sameOrigin = await post('/control/reject-next', { origin: demo.url });
    expect(sameOrigin.status).toBe(200);
    expect((await controlLog()).entries.map((e) => e.event)).not.toContain('restart');
  });
});
