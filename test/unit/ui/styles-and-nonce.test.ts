import { afterEach, describe, expect, it, vi } from 'vitest';
import bundledCss from '../../../styles/reconnect.css?raw';
import { captureScriptNonce } from '../../../src/ui/create-reconnection-display';
import { installStyles } from '../../../src/ui/default-display/install-styles';
import { resetCapturedNonce, resolveStyleNonce } from '../../../src/ui/script-nonce';
import { openDefault } from './helpers';

function shadow(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  return host.attachShadow({ mode: 'open' });
}

describe('installStyles', () => {
  it('adopts a constructed stylesheet where the browser supports it', () => {
    const root = shadow();
    const adopted: CSSStyleSheet[] = [];
    Object.defineProperty(root, 'adoptedStyleSheets', {
      configurable: true,
      get: () => adopted,
      set: (sheets: CSSStyleSheet[]) => {
        adopted.splice(0, adopted.length, ...sheets);
      },
    });
    expect(installStyles(root, { cssText: 'p { color: red; }' })).toBe('adopted');
    expect(adopted).toHaveLength(1);
    expect(root.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> carrying the nonce (jsdom has no adoptedStyleSheets)', () => {
    const root = shadow();
    expect(installStyles(root, { cssText: 'p { color: red; }', nonce: 'abc123' })).toBe('style-element');
    const style = root.querySelector('style');
    expect(style?.getAttribute('nonce')).toBe('abc123');
    expect(style?.textContent).toBe('p { color: red; }');
  });

  it('falls back when constructing the sheet throws', () => {
    const root = shadow();
    Object.defineProperty(root, 'adoptedStyleSheets', { configurable: true, value: [] });
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new Error('unsupported');
    });
    expect(installStyles(root, { cssText: 'p{}' })).toBe('style-element');
  });

  it('links the stylesheet when a URL is given', () => {
    const root = shadow();
    expect(installStyles(root, { cssText: 'p{}', href: '/css/reconnect.css' })).toBe('link');
    expect(root.querySelector('link')?.getAttribute('href')).toBe('/css/reconnect.css');
  });

  // Vitest stubs CSS imports to "" unless its `css` option includes the file, so this checks the
  // wiring; the stylesheet's content is checked from disk in source-hygiene.test.ts.
  it('the default dialog gets the bundled reconnect.css', () => {
    const { root } = openDefault({}, { nonce: 'n0nce' });
    const style = root.querySelector('style');
    expect(style?.getAttribute('nonce')).toBe('n0nce');
    expect(style?.textContent).toBe(bundledCss);
  });
});

describe('script nonce', () => {
  afterEach(() => {
    resetCapturedNonce();
  });

  it('captures the nonce of the library script and keeps it', () => {
    const script = document.createElement('script');
    script.setAttribute('nonce', 'from-script');
    expect(captureScriptNonce(script)).toBe('from-script');
    expect(captureScriptNonce(null)).toBe('from-script');
    expect(resolveStyleNonce(document)).toBe('from-script');
    expect(resolveStyleNonce(document, 'explicit')).toBe('explicit');
  });

  it('without a captured nonce, borrows the page’s nonce', () => {
    expect(resolveStyleNonce(document)).toBeUndefined();
    const other = document.createElement('script');
    other.setAttribute('nonce', 'page-wide');
    document.head.append(other);
    expect(resolveStyleNonce(document)).toBe('page-wide');
  });

  it('the dialog uses the captured nonce when none is configured', () => {
    const script = document.createElement('script');
    script.setAttribute('nonce', 'captured');
    captureScriptNonce(script);
    const { root } = openDefault();
    expect(root.querySelector('style')?.getAttribute('nonce')).toBe('captured');
  });
});
