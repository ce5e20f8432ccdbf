import { afterEach, describe, expect, it, vi } from 'vitest';
import bundledCss from '../../../styles/reconnect.css?raw';
import { buildDialog } from '../../../src/ui/default-display/build-dialog';
import { openDefault } from './helpers';

/** Gives jsdom's shadow roots an `adoptedStyleSheets` property until the end of the test. */
function withAdoptedStyleSheets(descriptor: PropertyDescriptor): void {
  Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', { configurable: true, ...descriptor });
}

describe('the dialog\'s styles', () => {
  afterEach(() => {
    Reflect.deleteProperty(ShadowRoot.prototype, 'adoptedStyleSheets');
  });

  it('adopts a constructed stylesheet holding reconnect.css, and inserts no <style>', () => {
    const adopted: CSSStyleSheet[] = [];
    const replaceSync = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => undefined);
    withAdoptedStyleSheets({
      get: () => adopted,
      set: (sheets: CSSStyleSheet[]) => {
        adopted.splice(0, adopted.length, ...sheets);
      },
    });
    const { root } = buildDialog(document);
    expect(adopted).toHaveLength(1);
    expect(replaceSync).toHaveBeenCalledExactlyOnceWith(bundledCss);
    expect(root.querySelector('style')).toBeNull();
  });

  // Safari < 16.4 and Firefox < 101: `new CSSStyleSheet()` or `replaceSync` throws.
  it('without constructable stylesheets: the same dialog, with no stylesheet and no <style>', () => {
    withAdoptedStyleSheets({ writable: true, value: [] });
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new Error('unsupported');
    });
    const { root, dialog, buttons } = buildDialog(document);
    const { retry: retryButton, reload: reloadButton } = buttons;
    expect(root.adoptedStyleSheets).toEqual([]);
    expect(root.querySelector('style')).toBeNull();
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(root.contains(retryButton) && root.contains(reloadButton)).toBe(true);
  });

  it('the default dialog opens without constructable stylesheets', () => {
    vi.useFakeTimers();
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new Error('unsupported');
    });
    const { display, root, dialog, stateText } = openDefault();
    display.failed();
    expect(dialog.open).toBe(true);
    expect(stateText.textContent).toBe('Failed to rejoin. Please retry or reload the page.');
    expect(root.querySelector('style')).toBeNull();
  });
});
