using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace CircuitReconnectSample;

/// <summary>
/// The circuits this server holds, in an <see cref="IMemoryCache"/>: a connected circuit never
/// expires; a disconnected one expires <see cref="RetentionPeriod"/> after its connection closed,
/// unless a page reconnects to it first. A real app would keep the circuit's state here.
/// </summary>
public sealed class CircuitRegistry(IMemoryCache cache)
{
    /// <summary>Blazor's default CircuitOptions.DisconnectedCircuitRetentionPeriod.</summary>
    public static readonly TimeSpan RetentionPeriod = TimeSpan.FromMinutes(3);

    private readonly object _gate = new();

    /// <summary>A new circuit on <paramref name="connectionId"/>; returns its unguessable id.</summary>
    public string Start(string connectionId)
    {
        var circuitId = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        lock (_gate)
        {
            cache.Set(Key(circuitId), new Circuit(connectionId));
        }

        return circuitId;
    }

    /// <summary>Moves a held circuit to <paramref name="connectionId"/>; false if it is not held.</summary>
    public bool Connect(string circuitId, string connectionId)
    {
        lock (_gate)
        {
            // TryGetValue checks the expiry itself, so an expired circuit is never handed out.
            if (!cache.TryGetValue(Key(circuitId), out Circuit? circuit) || circuit is null)
            {
                return false;
            }

            cache.Set(Key(circuitId), circuit with { ConnectionId = connectionId });
            return true;
        }
    }

    /// <summary>
    /// The circuit's connection closed: keep the circuit for the retention period. Ignored when the
    /// circuit already moved to a newer connection (the old one may close after the new one connects).
    /// </summary>
    public void Disconnected(string circuitId, string connectionId)
    {
        lock (_gate)
        {
            if (!cache.TryGetValue(Key(circuitId), out Circuit? circuit) || circuit?.ConnectionId != connectionId)
            {
                return;
            }

            cache.Set(Key(circuitId), circuit with { ConnectionId = null }, RetentionPeriod);
        }
    }

    /// <summary>Frees the circuit at once (the disconnect beacon).</summary>
    public void Remove(string circuitId)
    {
        lock (_gate)
        {
            cache.Remove(Key(circuitId));
        }
    }

    private static string Key(string circuitId) => $"circuit:{circuitId}";

    private sealed record Circuit(string? ConnectionId);
}
