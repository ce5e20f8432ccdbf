namespace BlazorWebApp;

/// <summary>
/// What one node of a farm (several copies of this app behind a load balancer) needs, switched on
/// by configuration only (<c>Farm__Node=1 Farm__Redis=127.0.0.1:6379</c>, or <c>--Farm:Node=1</c>);
/// with no <c>Farm:Node</c> the app is the plain single-server example. The parts every example
/// shares (Data Protection keys, the <c>X-Farm-Node</c> header, <c>/healthz</c>) are
/// examples/common/FarmNode.cs.
/// </summary>
public static class FarmHosting
{
    /// <summary>
    /// With <c>Farm:Redis</c>: circuit state in a <c>HybridCache</c> over Redis (Blazor 10 uses a
    /// registered <c>HybridCache</c> as <c>CircuitOptions.HybridPersistenceCache</c>), so any node
    /// can resume a circuit another node saved; and the Data Protection keys in Redis, so any node
    /// can read a circuit's protected id and state. Without Redis, <c>Farm:Keys</c> names a folder
    /// the nodes share for the keys (state then travels only through the client, on a pause).
    /// </summary>
    public static WebApplicationBuilder AddFarm(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.IsFarmNode())
        {
            return builder;
        }

        var redis = builder.AddFarmNode();
        if (redis is not null)
        {
            builder.Services.AddStackExchangeRedisCache(options => options.ConnectionMultiplexerFactory = () => Task.FromResult(redis));
            builder.Services.AddHybridCache();
        }

        // Farm:Drain: pause every circuit before the node stops (CircuitDrain.cs).
        if (builder.Configuration.GetValue<bool>("Farm:Drain"))
        {
            builder.Services.AddCircuitDrain();
        }

        return builder;
    }

    /// <summary>The node's header and health check (FarmNode.UseFarmNode).</summary>
    public static WebApplication UseFarm(this WebApplication app) => app.UseFarmNode();
}
