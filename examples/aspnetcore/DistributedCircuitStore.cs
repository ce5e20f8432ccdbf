using Microsoft.Extensions.Caching.Distributed;

namespace CircuitReconnectSample;

/// <summary>
/// <c>Circuits:Store=distributed</c>: circuits in the app's <see cref="IDistributedCache"/>. With
/// Redis (<c>AddStackExchangeRedisCache</c>, wired from <c>Farm:Redis</c>) every node of a farm sees
/// every circuit, so a page whose node went away resumes its circuit on another node. The value is
/// the connection id while connected (no expiry) and empty while held (expiring after the
/// retention period). The read and the write of a move are two commands, not one transaction: two
/// pages reconnecting with the same circuit id at the same instant could both be told yes, which
/// a sample accepts (a page never shares its circuit id).
/// </summary>
public sealed class DistributedCircuitStore(IDistributedCache cache) : ICircuitStore
{
    private static readonly DistributedCacheEntryOptions Connected = new();

    public async ValueTask AddAsync(string key, string connectionId) =>
        await cache.SetStringAsync(key, connectionId, Connected);

    public async ValueTask<bool> TryConnectAsync(string key, string connectionId)
    {
        if (await cache.GetStringAsync(key) is null)
        {
            return false;
        }

        await cache.SetStringAsync(key, connectionId, Connected);
        return true;
    }

    public async ValueTask DisconnectedAsync(string key, string connectionId, TimeSpan retention)
    {
        if (await cache.GetStringAsync(key) == connectionId)
        {
            await cache.SetStringAsync(key, "", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = retention });
        }
    }

    public async ValueTask RemoveAsync(string key) => await cache.RemoveAsync(key);
}
