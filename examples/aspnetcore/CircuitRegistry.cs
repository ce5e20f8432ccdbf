using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CircuitReconnectSample;

/// <summary>
/// The circuits this server holds, in the <see cref="ICircuitStore"/> chosen by <c>Circuits:Store</c>:
/// a connected circuit never expires; a disconnected one expires
/// <see cref="CircuitOptions.DisconnectedCircuitRetentionPeriod"/> after its connection closed, unless
/// a page reconnects to it first. A real app would keep the circuit's state here.
/// </summary>
public sealed class CircuitRegistry(ICircuitStore store, IOptions<CircuitOptions> options)
{
    private readonly TimeSpan _retentionPeriod = options.Value.DisconnectedCircuitRetentionPeriod;
    private int _started;
    private int _reconnected;
    private int _refused;

    /// <summary>
    /// How many circuits were started, reconnected and refused a reconnect since this process
    /// started: what a person (or a test) reads at <c>GET /circuits</c> to tell a resumed circuit from a new one.
    /// </summary>
    public CircuitCounts Counts => new(Volatile.Read(ref _started), Volatile.Read(ref _reconnected), Volatile.Read(ref _refused));

    /// <summary>A new circuit on <paramref name="connectionId"/>; returns its unguessable id.</summary>
    public async Task<string> StartAsync(string connectionId)
    {
        var circuitId = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await store.AddAsync(Key(circuitId), connectionId);
        Interlocked.Increment(ref _started);
        return circuitId;
    }

    /// <summary>Moves a held circuit to <paramref name="connectionId"/>; false if it is not held.</summary>
    public async Task<bool> ConnectAsync(string circuitId, string connectionId)
    {
        var connected = await store.TryConnectAsync(Key(circuitId), connectionId);
        Interlocked.Increment(ref connected ? ref _reconnected : ref _refused);
        return connected;
    }

    /// <summary>
    /// The circuit's connection closed: keep the circuit for the retention period. Ignored when the
    /// circuit already moved to a newer connection (the old one may close after the new one connects).
    /// </summary>
    public Task DisconnectedAsync(string circuitId, string connectionId) =>
        store.DisconnectedAsync(Key(circuitId), connectionId, _retentionPeriod).AsTask();

    /// <summary>Frees the circuit at once (the disconnect beacon).</summary>
    public Task RemoveAsync(string circuitId) => store.RemoveAsync(Key(circuitId)).AsTask();

    /// <summary>
    /// The store's key: a hash of the id, never the id itself, so a store that is read (a file, a
    /// shared Redis) gives nobody a circuit id to reconnect with.
    /// </summary>
    private static string Key(string circuitId) =>
        "circuit:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(circuitId)));
}

/// <summary>The counters behind <see cref="CircuitRegistry.Counts"/>.</summary>
public sealed record CircuitCounts(int Started, int Reconnected, int Refused);
