/**
 * The CSP nonce the default dialog's `<style>` fallback needs under a strict `style-src`.
 * `document.currentScript` names the library's own `<script nonce>` only while that script is
 * being evaluated; the dialog is built much later (at the first outage), so the nonce must be
 * captured early and kept.
 */
let captured: string | undefined;

/**
 * Reads the nonce of the script being evaluated (`document.currentScript.nonce`) and keeps it for
 * the default dialog. Runs once by itself when this module is evaluated, which in the script-tag
 * build is during the library's own `<script>`; a loader that evaluates the library later can
 * call it again from its own script. A later call without a current script keeps the earlier
 * nonce.
 * @param script - the library's script element. @default `document.currentScript`
 * @example
 * ```html
 * <script nonce="r4nd0m" src="circuit-reconnect.min.js"></script>
 * ```
 * @returns the captured nonce, or `undefined` when none was seen (an ES module import has no
 *   `currentScript`).
 */
export function captureScriptNonce(
  // Importing the library in Node (SSR, tests of other modules) must not throw: no `document`.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  script = globalThis.document?.currentScript,
): string | undefined {
  // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing -- see NONCE
  captured = script?.nonce || captured;
  return captured;
}

// NONCE: the `nonce` property, not the attribute: browsers blank the attribute once the page's
// CSP has read it ("nonce hiding"), but the property keeps the value; every supported browser has
// it. `||`, not `??`: no nonce reads as "", which means "look further".

/**
 * The nonce to put on an injected `<style>`: the one given explicitly, else the one captured from
 * the library's script, else the nonce of any element of the page carrying one (a page-wide CSP
 * nonce is the same on every element of one response).
 */
export function resolveStyleNonce(document: Document, explicit?: string): string | undefined {
  // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing -- see NONCE
  return explicit || captured || document.querySelector<HTMLElement | SVGElement>('script[nonce],style[nonce],link[nonce]')?.nonce;
}

/** Test seam: forgets the captured nonce. */
export function resetCapturedNonce(): void {
  captured = undefined;
}

captureScriptNonce();
