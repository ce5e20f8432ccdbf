// Starts Blazor (Pages/_Host.cshtml loads blazor.server.js with autostart="false"). A static
// file, not an inline script, so the page also runs under a strict Content-Security-Policy.
//
// blazor.server.js takes its options flat: Blazor.start({ reconnectionHandler }), where
// blazor.web.js takes Blazor.start({ circuit: { reconnectionHandler } }). When circuit-reconnect's
// handler script loaded, its handler takes over the circuit's reconnection; otherwise
// (ReconnectUi=blazor, or the script is not built yet) Blazor keeps its own UI.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="circuit-reconnect-options"]');
  var options = meta && meta.content ? JSON.parse(meta.content) : undefined;

  if (window.CircuitReconnect) {
    window.Blazor.start({ reconnectionHandler: window.CircuitReconnect.reconnectionHandler(options) });
  } else {
    window.Blazor.start();
  }
})();
