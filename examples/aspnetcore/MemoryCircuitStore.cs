using Microsoft.Extensions.Caching.Memory;

namespace CircuitReconnectSample;

/// <summary>
/// <c>Circuits:Store=memory</c> (the default): circuits in an <see cref="IMemoryCache"/>, lost when the
/// process exits, as Blazor Server's own circuits are. A connected circuit never expires; a
/// disconnected one expires after the retention period, unless a page reconnects to it first.
/// </summary>
public sealed class MemoryCircuitStore(IMemoryCache cache) : ICircuitStore
{
    private readonly object _gate = new();

    public ValueTask AddAsync(string key, string connectionId)
    {
        cache.Set(key, new Attachment(connectionId));
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TryConnectAsync(string key, string connectionId)
    {
        lock (_gate)
        {
            // TryGetValue checks the expiry itself, so an expired circuit is never handed out.
            if (!cache.TryGetValue(key, out Attachment? attachment) || attachment is null)
            {
                return ValueTask.FromResult(false);
            }

            cache.Set(key, new Attachment(connectionId));
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask DisconnectedAsync(string key, string connectionId, TimeSpan retention)
    {
        lock (_gate)
        {
            if (cache.TryGetValue(key, out Attachment? attachment) && attachment?.ConnectionId == connectionId)
            {
                cache.Set(key, new Attachment(null), retention);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key)
    {
        cache.Remove(key);
        return ValueTask.CompletedTask;
    }

    private sealed record Attachment(string? ConnectionId);
}
