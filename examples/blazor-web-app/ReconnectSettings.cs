namespace BlazorWebApp;

/// <summary>Which reconnection experience the page gets. One app, chosen by configuration.</summary>
public enum ReconnectUi
{
    /// <summary>circuit-reconnect's handler and its own dialog; no &lt;ReconnectModal /&gt; in the page.</summary>
    Library,

    /// <summary>The template's &lt;ReconnectModal /&gt; in the page, driven by circuit-reconnect's handler.</summary>
    Template,

    /// <summary>Blazor's own handler and dialog, no handler script: the baseline to compare with.</summary>
    Blazor,
}

/// <summary>
/// Settings read from configuration (appsettings.json, environment variables or the command line,
/// e.g. <c>--ReconnectUi=template --StrictCsp=true</c>), so the tests start this one app in every
/// mode instead of keeping a copy of it per mode.
/// </summary>
public sealed class ReconnectSettings
{
    /// <summary>The reconnection experience. Default: <see cref="ReconnectUi.Library"/>.</summary>
    public ReconnectUi ReconnectUi { get; set; } = ReconnectUi.Library;

    /// <summary>
    /// Send a strict Content-Security-Policy (no inline script or style). The page then leaves out
    /// the template's &lt;ImportMap /&gt;, which is an inline script.
    /// </summary>
    public bool StrictCsp { get; set; }

    /// <summary>
    /// Options for <c>CircuitReconnect.reconnectionHandler(options)</c> as JSON, handed to the page
    /// in a meta tag that wwwroot/start.js reads. Empty: the library's defaults.
    /// </summary>
    public string ReconnectOptions { get; set; } = "";

    /// <summary>
    /// Give Blazor's connection <c>CircuitReconnect.configureSignalR</c>, so the handler waits as
    /// long as a busy server's <c>Retry-After</c> asks. Default: <c>true</c>.
    /// </summary>
    public bool ServerAdvice { get; set; } = true;

    /// <summary>
    /// The SignalR transport Blazor's connection uses: <c>WebSockets</c>, <c>ServerSentEvents</c>
    /// or <c>LongPolling</c>. Empty: SignalR's choice (WebSockets).
    /// </summary>
    public string Transport { get; set; } = "";
}
