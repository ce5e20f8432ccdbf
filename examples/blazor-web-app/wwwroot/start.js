// Starts Blazor (App.razor loads blazor.web.js with autostart="false"). A static file, not an
// inline script, so the page also runs under a strict Content-Security-Policy.
//
// When circuit-reconnect's handler script loaded, its handler takes over the circuit's
// reconnection: its own dialog, or the template's <ReconnectModal /> when the page has one, and
// its configureSignalR lets the handler honour a busy server's Retry-After. Otherwise
// (ReconnectUi=blazor, or the script is not built yet) Blazor keeps its own UI.
(function () {
  "use strict";
  var meta = function (name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    return tag ? tag.content : "";
  };
  // The example's settings for its tests and demos (ReconnectSettings.cs writes them as <meta>s):
  // reconnection options as JSON, ServerAdvice=false, and a SignalR transport.
  var options = meta("circuit-reconnect-options") ? JSON.parse(meta("circuit-reconnect-options")) : undefined;
  var serverAdvice = meta("circuit-reconnect-server-advice") !== "false";
  // SignalR's HttpTransportType: blazor.web.js does not expose the enum.
  var transport = { WebSockets: 1, ServerSentEvents: 2, LongPolling: 4 }[meta("signalr-transport")];

  if (!window.CircuitReconnect) {
    window.Blazor.start();
  } else if (options === undefined && serverAdvice && transport === undefined) {
    // What an app of yours needs (README, "Start here"):
    window.Blazor.start({
      circuit: {
        reconnectionHandler: window.CircuitReconnect.reconnectionHandler(),
        configureSignalR: window.CircuitReconnect.configureSignalR,
      },
    });
  } else {
    window.Blazor.start({
      circuit: {
        reconnectionHandler: window.CircuitReconnect.reconnectionHandler(options),
        configureSignalR: function (builder) {
          // First, so that what the app sets afterwards (withUrl merges) applies on top of it.
          if (serverAdvice) window.CircuitReconnect.configureSignalR(builder);
          if (transport) builder.withUrl("_blazor", transport);
        },
      },
    });
  }
})();
