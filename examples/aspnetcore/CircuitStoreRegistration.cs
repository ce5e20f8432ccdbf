using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace CircuitReconnectSample;

/// <summary>
/// Picks the circuit store from configuration, the way a person switches it without editing code:
/// <c>Circuits:Store=memory</c> (default), <c>file</c> with <c>Circuits:File=path</c>, or
/// <c>distributed</c> (any registered <see cref="IDistributedCache"/>; with <c>Farm:Redis=host:port</c>
/// and no cache registered yet, Redis). As environment variables: <c>Circuits__Store=file</c>.
/// </summary>
public static class CircuitStoreRegistration
{
    public static IServiceCollection AddCircuitStore(this IServiceCollection services, IConfiguration configuration)
    {
        var store = configuration["Circuits:Store"] ?? "memory";
        switch (store.ToLowerInvariant())
        {
            case "memory":
                services.AddMemoryCache();
                services.AddSingleton<ICircuitStore, MemoryCircuitStore>();
                break;
            case "file":
                var path = configuration["Circuits:File"];
                if (string.IsNullOrWhiteSpace(path))
                {
                    throw new InvalidOperationException("Circuits:Store=file needs Circuits:File, the file's path (e.g. --Circuits:File=circuits.txt).");
                }

                services.AddSingleton<ICircuitStore>(provider => new FileCircuitStore(
                    Path.GetFullPath(path),
                    provider.GetRequiredService<IOptions<CircuitOptions>>().Value.DisconnectedCircuitRetentionPeriod,
                    TimeProvider.System,
                    provider.GetRequiredService<ILogger<FileCircuitStore>>()));
                break;
            case "distributed":
                var redis = configuration["Farm:Redis"];
                if (!services.Any(service => service.ServiceType == typeof(IDistributedCache)))
                {
                    if (string.IsNullOrWhiteSpace(redis))
                    {
                        throw new InvalidOperationException("Circuits:Store=distributed needs an IDistributedCache: set Farm:Redis=host:port, or register one before AddCircuitStore.");
                    }

                    services.AddStackExchangeRedisCache(options =>
                    {
                        options.Configuration = redis;
                        options.InstanceName = "circuit-reconnect:";
                    });
                }

                services.AddSingleton<ICircuitStore, DistributedCircuitStore>();
                break;
            default:
                throw new InvalidOperationException($"Circuits:Store is '{store}'; expected memory, file or distributed.");
        }

        services.AddSingleton<CircuitRegistry>();
        return services;
    }
}
