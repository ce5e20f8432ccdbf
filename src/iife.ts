// The script-tag entry: installs `window.Blazor` and, unless `autostart="false"`, starts the
// circuit when the DOM is ready. Everything it does happens while the script is evaluated,
// because `document.currentScript` is only set then.
import { createBlazorApi } from './hosts/circuit/blazor-api';
import { shouldAutostart, whenDomReady } from './hosts/circuit/autostart';
import { restoreInput } from './dom/preserve-input/restore-input';

declare global {
  interface Window {
    Blazor?: unknown;
  }
}

const script = document.currentScript;

// Puts back what the user typed before the library reloaded the page, as soon as the fields exist.
restoreInput(document);

if (window.Blazor !== undefined) {
  console.error('[circuit-reconnect] window.Blazor already exists: not started.');
} else {
  const api = createBlazorApi();
  window.Blazor = api;
  if (shouldAutostart(script)) {
    whenDomReady(document, () => {
      api.start().catch((error: unknown) => {
        console.error('[circuit-reconnect] Autostart failed.', error);
      });
    });
  }
}
