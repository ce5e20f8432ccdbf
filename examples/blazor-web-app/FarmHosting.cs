using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace BlazorWebApp;

/// <summary>
/// What one node of a farm (several copies of this app behind a load balancer) needs, switched on
/// by configuration only (<c>Farm__Node=1 Farm__Redis=127.0.0.1:6379</c>, or <c>--Farm:Node=1</c>);
/// with no <c>Farm:Node</c> the app is the plain single-server example.
/// </summary>
public static class FarmHosting
{
    /// <summary>The response header naming the node that answered, so tests know where a tab landed.</summary>
    public const string NodeHeader = "X-Farm-Node";

    /// <summary>
    /// With <c>Farm:Redis</c>: circuit state in a <c>HybridCache</c> over Redis (Blazor 10 uses a
    /// registered <c>HybridCache</c> as <c>CircuitOptions.HybridPersistenceCache</c>), so any node
    /// can resume a circuit another node saved; and the Data Protection keys in Redis, so any node
    /// can read a circuit's protected id and state. Without Redis, <c>Farm:Keys</c> names a folder
    /// the nodes share for the keys (state then travels only through the client, on a pause).
    /// </summary>
    public static WebApplicationBuilder AddFarm(this WebApplicationBuilder builder)
    {
        var farm = builder.Configuration.GetSection("Farm");
        if (string.IsNullOrEmpty(farm["Node"]))
        {
            return builder;
        }

        // The same name on every node: keys are only shared between apps of the same name.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("circuit-reconnect-farm");
        var redis = farm["Redis"];
        if (!string.IsNullOrEmpty(redis))
        {
            var connection = ConnectionMultiplexer.Connect(redis);
            dataProtection.PersistKeysToStackExchangeRedis(connection, "farm:data-protection-keys");
            builder.Services.AddStackExchangeRedisCache(options => options.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection));
            builder.Services.AddHybridCache();
        }
        else if (!string.IsNullOrEmpty(farm["Keys"]))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(farm["Keys"]!));
        }

        // Farm:Drain: pause every circuit before the node stops (CircuitDrain.cs).
        if (farm.GetValue<bool>("Drain"))
        {
            builder.Services.AddCircuitDrain();
        }

        return builder;
    }

    /// <summary>
    /// Names the node in every response (<c>X-Farm-Node: N</c>) and answers the load balancer's
    /// health check at <c>/healthz</c>: 200 while the node serves, 503 from the moment it is asked
    /// to stop, so the balancer sends no new connection to a node that is going away.
    /// </summary>
    public static WebApplication UseFarm(this WebApplication app)
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
