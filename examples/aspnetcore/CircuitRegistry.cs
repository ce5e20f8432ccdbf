using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CircuitReconnectSample;

/// <summary>
/// The circuits this server holds, in an <see cref="IMemoryCache"/>: a connected circuit never
/// expires; a disconnected one expires <see cref="CircuitOptions.DisconnectedCircuitRetentionPeriod"/>
/// after its connection closed, unless a page reconnects to it first. A real app would keep the
/// circuit's state here.
/// </summary>
public sealed class CircuitRegistry(IMemoryCache cache, IOptions<CircuitOptions> options)
{
    private readonly object _gate = new();
    private readonly TimeSpan _retentionPeriod = options.Value.DisconnectedCircuitRetentionPeriod;
    private int _started;
    private int _reconnected;
    private int _refused;

    /// <summary>
    /// How many circuits were started, reconnected and refused a reconnect since the app started:
    /// what a person (or a test) reads at <c>GET /circuits</c> to tell a resumed circuit from a new one.
    /// </summary>
    public CircuitCounts Counts
    {
        get
        {
            lock (_gate)
            {
                return new CircuitCounts(_started, _reconnected, _refused);
            }
        }
    }

    /// <summary>A new circuit on <paramref name="connectionId"/>; returns its unguessable id.</summary>
    public string Start(string connectionId)
    {
        var circuitId = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        lock (_gate)
        {
            cache.Set(Key(circuitId), new Circuit(connectionId));
            _started++;
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
                _refused++;
                return false;
            }

            cache.Set(Key(circuitId), circuit with { ConnectionId = connectionId });
            _reconnected++;
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

            cache.Set(Key(circuitId), circuit with { ConnectionId = null }, _retentionPeriod);
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

/// <summary>The counters behind <see cref="CircuitRegistry.Counts"/>.</summary>
public sealed record CircuitCounts(int Started, int Reconnected, int Refused);
