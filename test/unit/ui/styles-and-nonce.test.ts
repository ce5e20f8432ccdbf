import { afterEach, describe, expect, it, vi } from 'vitest';
import bundledCss from '../../../styles/reconnect.css?raw';
import { captureScriptNonce } from '../../../src/ui/create-reconnection-display';
import { buildDialog } from '../../../src/ui/default-display/build-dialog';
import { resetCapturedNonce, resolveStyleNonce } from '../../../src/ui/script-nonce';
import { openDefault } from './helpers';

/** Gives jsdom's shadow roots an `adoptedStyleSheets` property until the end of the test. */
function withAdoptedStyleSheets(descriptor: PropertyDescriptor): void {
  Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', { configurable: true, ...descriptor });
}

describe('the dialog\'s styles', () => {
  afterEach(() => {
    Reflect.deleteProperty(ShadowRoot.prototype, 'adoptedStyleSheets');
  });

  it('adopts a constructed stylesheet where the browser supports it', () => {
    const adopted: CSSStyleSheet[] = [];
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => undefined);
    withAdoptedStyleSheets({
      get: () => adopted,
      set: (sheets: CSSStyleSheet[]) => {
        adopted.splice(0, adopted.length, ...sheets);
      },
    });
    const [, root] = buildDialog(document, 'abc123');
    expect(adopted).toHaveLength(1);
    expect(root.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> carrying the nonce (jsdom has no adoptedStyleSheets)', () => {
    const [, root] = buildDialog(document, 'abc123');
    const style = root.querySelector('style');
    expect(style?.getAttribute('nonce')).toBe('abc123');
    expect(style?.textContent).toBe(bundledCss);
  });

  it('falls back when constructing the sheet throws', () => {
    withAdoptedStyleSheets({ writable: true, value: [] });
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new Error('unsupported');
    });
    const [, root] = buildDialog(document, undefined);
    expect(root.querySelector('style')?.hasAttribute('nonce')).toBe(false);
    expect(root.querySelector('style')?.textContent).toBe(bundledCss);
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
