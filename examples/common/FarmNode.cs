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
    /// </summary>
    public static WebApplication UseFarmNode(this WebApplication app)
    {
        var node = app.Configuration["Farm:Node"];
        if (string.IsNullOrEmpty(node))
        {
            return app;
        }

        app.Use((context, next) =>
        {
            context.Response.Headers[NodeHeader] = node;
            return next(context);
        });
        var lifetime = app.Lifetime;
        app.MapGet("/healthz", () => lifetime.ApplicationStopping.IsCancellationRequested
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Text("node " + node));
        return app;
    }
}
