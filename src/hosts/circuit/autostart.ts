/**
 * Blazor's rule: start automatically unless the script's own tag says `autostart="false"`. Only a
 * classic script has `document.currentScript`, so the ES module never autostarts.
 */
export function shouldAutostart(script: HTMLOrSVGScriptElement | null): boolean {
  return script !== null && script.getAttribute('autostart') !== 'false';
}

/** Runs `callback` once the DOM is parsed: at once if it already is. */
export function whenDomReady(doc: Document, callback: () => void): void {
  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', callback, { once: true });
  } else {
    callback();
  }
}
