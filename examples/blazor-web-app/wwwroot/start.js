// Starts Blazor (App.razor loads blazor.web.js with autostart="false"). A static file, not an
// inline script, so the page also runs under a strict Content-Security-Policy.
//
// When circuit-reconnect's handler script loaded, its handler takes over the circuit's
// reconnection: its own dialog, or the template's <ReconnectModal /> when the page has one.
// Otherwise (ReconnectUi=blazor, or the script is not built yet) Blazor keeps its own UI.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="circuit-reconnect-options"]');
  var options = meta && meta.content ? JSON.parse(meta.content) : undefined;

  if (window.CircuitReconnect) {
    window.Blazor.start({
      circuit: { reconnectionHandler: window.CircuitReconnect.reconnectionHandler(options) },
    });
  } else {
    window.Blazor.start();
  }
})();
