using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace CircuitReconnect.Examples;

/// <summary>
/// What every example app needs to run as one node of a farm (several copies behind a load
/// balancer), switched on by configuration only: <c>Farm__Node=1 Farm__Redis=127.0.0.1:6379</c>
/// (or <c>--Farm:Node=1</c>). With no <c>Farm:Node</c> an app is its plain single-server self.
/// Shared by the examples, which include this file; each app adds what its own kind needs (the
/// Blazor Web App a circuit state cache and the drain, the SignalR app a Redis backplane).
/// </summary>
public static class FarmNode
{
    /// <summary>The response header naming the node that answered, so tests know where a tab landed.</summary>
    public const string NodeHeader = "X-Farm-Node";

    /// <summary>Whether <c>Farm:Node</c> is set: this app is one node of a farm.</summary>
    public static bool IsFarmNode(this IConfiguration configuration) => !string.IsNullOrEmpty(configuration["Farm:Node"]);

    /// <summary>
    /// Shares the Data Protection keys between the nodes (any node must read what another
    /// protected: a circuit's id and state, an auth cookie): in Redis with <c>Farm:Redis</c>,
    /// else in the folder <c>Farm:Keys</c>. Returns the Redis connection for the app's other
    /// uses, or null without Redis (or when this is no farm node).
    /// </summary>
    public static IConnectionMultiplexer? AddFarmNode(this WebApplicationBuilder builder)
    {
        var farm = builder.Configuration.GetSection("Farm");
        if (!builder.Configuration.IsFarmNode())
        {
            return null;
        }

        // The same name on every node: keys are only shared between apps of the same name.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("circuit-reconnect-farm");
        var redis = farm["Redis"];
        if (!string.IsNullOrEmpty(redis))
        {
            var connection = ConnectionMultiplexer.Connect(redis);
            dataProtection.PersistKeysToStackExchangeRedis(connection, "farm:data-protection-keys");
            return connection;
        }

        if (!string.IsNullOrEmpty(farm["Keys"]))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(farm["Keys"]!));
        }

        return null;
    }

    /// <summary>
    /// Names the node in every response (<c>X-Farm-Node: N</c>) and answers the load balancer's
    /// health check at <c>/healthz</c>: 200 while the node serves, 503 from the moment it is asked
    /// to stop, so the balancer sends no new connection to a node that is going away. Call it
    /// first, so every response (static files too) carries the header.
    /// <para>
    /// From that moment on it also answers 503 to every new SignalR connection (a negotiation, a
    /// WebSocket upgrade): a balancer checks every few hundred milliseconds, and until its next
    /// check it still sends reconnects here. Accepted, such a connection would be dropped again
    /// when the node stops; refused, nothing was done, so the balancer may send it on to another
    /// node at once (demo/farm/haproxy.cfg: <c>retry-on conn-failure 503</c>), or the client
    /// tries again. Pages and other requests are still served. (ASP.NET Core 10.0.12 accepts them
    /// after SignalR closed its connections at the stop and keeps them until Kestrel's shutdown
    /// timeout, 30 s: dotnet/aspnetcore#58947.)
    /// </para>
    /// </summary>
    public static WebApplication UseFarmNode(this WebApplication app)
    {
        var node = app.Configuration["Farm:Node"];
        if (string.IsNullOrEmpty(node))
        {
            return app;
        }

        var lifetime = app.Lifetime;
        app.Use(async (context, next) =>
        {
            context.Response.Headers[NodeHeader] = node;
            if (lifetime.ApplicationStopping.IsCancellationRequested && OpensConnection(context.Request))
            {
                await Results.StatusCode(StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.MapGet("/healthz", () => lifetime.ApplicationStopping.IsCancellationRequested
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Text("node " + node));
        return app;
    }

    /// <summary>A request that starts a SignalR connection: its negotiation or a WebSocket upgrade (by header: the WebSockets middleware runs later).</summary>
    private static bool OpensConnection(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) && request.Path.Value?.EndsWith("/negotiate", StringComparison.Ordinal) == true)
        || string.Equals(request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase);
}
