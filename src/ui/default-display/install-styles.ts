/** How the dialog's stylesheet ended up in its shadow root. */
export type StyleInstallation = 'link' | 'adopted' | 'style-element';

/** Where the dialog's styles come from. */
export interface StyleSource {
  /** The stylesheet's text (`styles/reconnect.css`, bundled through `?raw`). */
  readonly cssText: string;
  /**
   * A URL of the stylesheet (the shipped `reconnect.css` or the page's own variant): loaded with
   * a `<link>` inside the shadow root instead of the bundled text. Allowed by `style-src 'self'`
   * on every browser, and lets a page restyle the dialog completely.
   */
  readonly href?: string | undefined;
  /** The CSP nonce for the `<style>` fallback; see `resolveStyleNonce`. */
  readonly nonce?: string | undefined;
}

/**
 * Puts the dialog's styles into its shadow root without ever tripping a strict CSP:
 * 1. `href` given: a `<link rel="stylesheet">` (an external sheet, allowed by `style-src 'self'`);
 * 2. else a constructed stylesheet (`new CSSStyleSheet()`, `replaceSync`, `adoptedStyleSheets`):
 *    constructed sheets are not inline styles, so CSP does not apply to them;
 * 3. else (no constructable stylesheets: Safari before 16.4, jsdom) a `<style>` carrying the
 *    nonce, which a strict `style-src` accepts only with that nonce.
 * @returns which of the three was used.
 */
export function installStyles(shadowRoot: ShadowRoot, source: StyleSource): StyleInstallation {
  const document = shadowRoot.ownerDocument;
  if (source.href) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = source.href;
    shadowRoot.prepend(link);
    return 'link';
  }
  const sheet = constructSheet(document, source.cssText);
  if (sheet && 'adoptedStyleSheets' in shadowRoot) {
    shadowRoot.adoptedStyleSheets = [...shadowRoot.adoptedStyleSheets, sheet];
    return 'adopted';
  }
  const style = document.createElement('style');
  if (source.nonce) style.setAttribute('nonce', source.nonce);
  style.textContent = source.cssText;
  shadowRoot.prepend(style);
  return 'style-element';
}

// The sheet must come from the shadow root's own window (a sheet constructed in another realm is
// rejected by `adoptedStyleSheets`), and `replaceSync` can be missing or throw in old engines.
function constructSheet(document: Document, cssText: string): CSSStyleSheet | undefined {
  const Sheet = document.defaultView?.CSSStyleSheet;
  if (typeof Sheet !== 'function') return undefined;
  try {
    const sheet = new Sheet();
    if (typeof sheet.replaceSync !== 'function') return undefined;
    sheet.replaceSync(cssText);
    return sheet;
  } catch {
    return undefined;
  }
}
