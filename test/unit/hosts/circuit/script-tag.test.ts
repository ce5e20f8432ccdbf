import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shouldAutostart, whenDomReady } from '../../../../src/hosts/circuit/autostart';

const start = vi.fn(() => Promise.resolve());

function setCurrentScript(attributes: Record<string, string>): void {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script });
}

async function evaluateScriptTagEntry(): Promise<void> {
  vi.resetModules();
  vi.doMock('../../../../src/hosts/circuit/blazor-api', () => ({
    createBlazorApi: () => ({ start, reconnect: vi.fn(), disconnect: vi.fn(), defaultReconnectionHandler: undefined }),
  }));
  await import('../../../../src/iife');
}

beforeEach(() => {
  start.mockClear();
  delete (window as { Blazor?: unknown }).Blazor;
});
afterEach(() => {
  vi.doUnmock('../../../../src/hosts/circuit/blazor-api');
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => null });
});

describe('the script-tag entry', () => {
  it('installs window.Blazor and starts with no options once the DOM is ready', async () => {
    setCurrentScript({ src: '/circuit-reconnect.js' });
    await evaluateScriptTagEntry();
    expect(window.Blazor).toBeDefined();
    expect(start).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledWith();
  });

  it('does not start with autostart="false"; Blazor.start() is left to the page', async () => {
    setCurrentScript({ src: '/circuit-reconnect.js', autostart: 'false' });
    await evaluateScriptTagEntry();
    expect(window.Blazor).toBeDefined();
    expect(start).not.toHaveBeenCalled();
  });

  it('leaves an existing window.Blazor alone, logs a clear error, and does not start', async () => {
    const existing = { start: vi.fn() };
    (window as { Blazor?: unknown }).Blazor = existing;
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    setCurrentScript({ src: '/circuit-reconnect.js' });
    await evaluateScriptTagEntry();
    expect(window.Blazor).toBe(existing);
    expect(start).not.toHaveBeenCalled();
    expect(error.mock.calls[0]?.[0]).toMatch(/window\.Blazor already exists/);
  });
});

describe('autostart rules', () => {
  it('needs a classic script element without autostart="false"', () => {
    const script = document.createElement('script');
    expect(shouldAutostart(null)).toBe(false);
    expect(shouldAutostart(script)).toBe(true);
    script.setAttribute('autostart', 'true');
    expect(shouldAutostart(script)).toBe(true);
    script.setAttribute('autostart', 'false');
    expect(shouldAutostart(script)).toBe(false);
  });

  it('waits for DOMContentLoaded while the document is loading, and runs at once otherwise', () => {
    const callback = vi.fn();
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    whenDomReady(document, callback);
    expect(callback).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(callback).toHaveBeenCalledTimes(1);
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'complete' });
    whenDomReady(document, callback);
    expect(callback).toHaveBeenCalledTimes(2);
  });
});
