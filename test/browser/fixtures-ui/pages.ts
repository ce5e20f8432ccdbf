// Host pages for the reconnection-UI browser suites: an HTML page that loads the built IIFE with
// `autostart="false"`, and a same-origin start script (so the page works under a strict CSP,
// where inline scripts are blocked). Options are written as JavaScript source because some of
// them are functions (retry intervals, messages).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/site';
import type { SitePage } from '../support/site';

export interface UiPageOptions {
  /** Source of the object passed to `Blazor.start(...)`, e.g. `{ reconnectionOptions: { maxRetries: 2 } }`. */
  startOptions?: string;
  /** The path of the start script; one per page so pages with different options can coexist. */
  startScript: string;
  headers?: Record<string, string>;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Extra markup placed after `<main>` (a user modal). */
  extraBody?: string;
  /** Extra `<head>` markup (a stylesheet link). */
  extraHead?: string;
  /** Extra page scripts loaded before the start script (same-origin paths). */
  scripts?: string[];
  /** A `nonce` on every `<script>` and `<link>` (for a `'nonce-…'` CSP). */
  nonce?: string;
}

/** Reconnection options that keep outages short in tests: 300 ms between attempts, 2 attempts. */
export const FAST_RETRIES = '{ maxRetries: 2, retryIntervalMilliseconds: 300 }';

/**
 * Holds each waiting state long enough to inspect it: the first attempt after 2 s ("rejoining"
 * until then), the second 2 s after that ("retrying"), then `failed` (maxRetries 2).
 */
export const SLOW_STATES = '{ maxRetries: 2, retryIntervalMilliseconds: (previous) => (previous === 0 ? 2000 : 2000) }';

/** The page and its start script, ready for `startSite({ pages })` or `site.setPage`. */
export function uiPage(options: UiPageOptions): Record<string, SitePage> {
  const nonce = options.nonce === undefined ? '' : ` nonce="${options.nonce}"`;
  const scripts = (options.scripts ?? [])
    .map((src) => `<script src="${src}"${nonce}></script>`)
    .join('');
  const dir = options.dir === undefined ? '' : ` dir="${options.dir}"`;
  const body = `<!doctype html>
<html lang="${options.lang ?? 'en'}"${dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Reconnection UI test page</title>
${options.extraHead ?? ''}
</head>
<body>
<main>
<h1>Reconnection UI test page</h1>
<p>A page with a live circuit. Its buttons let the tests check where focus goes.</p>
<p><button type="button" id="before">Page button</button> <button type="button" id="other">Another page button</button></p>
</main>
${options.extraBody ?? ''}
<script src="/circuit-reconnect.js" autostart="false"${nonce}></script>${scripts}<script src="${options.startScript}"${nonce}></script>
</body>
</html>`;
  const start = `Blazor.start(${options.startOptions ?? `{ reconnectionOptions: ${FAST_RETRIES} }`}).then(
  () => { window.__uiStarted = true; },
  (error) => { console.error('start failed', error); },
);
`;
  return {
    [options.startScript.replace(/\.js$/, '.html')]: { body, ...(options.headers ? { headers: options.headers } : {}) },
    [options.startScript]: { body: start, contentType: 'text/javascript; charset=utf-8' },
  };
}

/** The markup of the user modal from Blazor's docs, with the counter spans the docs describe. */
export const USER_MODAL_MARKUP = `<div id="components-reconnect-modal">
  There was a problem with the connection!
  (Current reconnect attempt:
  <span id="components-reconnect-current-attempt"></span> /
  <span id="components-reconnect-max-retries"></span>;
  next in <span id="components-seconds-to-next-attempt"></span> s)
</div>`;

/** The user modal CSS from Blazor's "SignalR guidance" article, verbatim: the demo's stylesheet file. */
export const USER_MODAL_CSS = readFileSync(join(REPO_ROOT, 'demo/pages/blazor-modal.css'), 'utf8');

/** The same article's delay customisation, added after the CSS above. */
export const USER_MODAL_TRANSITION_CSS = `#components-reconnect-modal {
    transition: visibility 0s linear 500ms;
}
`;

/**
 * A modal that really waits 500 ms before it becomes visible: with `display: none` toggled, as in
 * the docs, there is no transition to delay (nothing was rendered before), so the grace period is
 * put on `visibility`, for entering the shown states only (hiding stays immediate).
 */
export const USER_MODAL_DELAYED_CSS = `#components-reconnect-modal {
    visibility: hidden;
    position: fixed;
    top: 0;
    margin: 50px;
    padding: 2rem;
    background-color: white;
}

#components-reconnect-modal.components-reconnect-show,
#components-reconnect-modal.components-reconnect-failed,
#components-reconnect-modal.components-reconnect-rejected {
    visibility: visible;
    transition: visibility 0s linear 500ms;
}
`;
