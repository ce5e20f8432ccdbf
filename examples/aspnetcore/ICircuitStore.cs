namespace CircuitReconnectSample;

/// <summary>
/// Where <see cref="CircuitRegistry"/> keeps its circuits, chosen by <c>Circuits:Store</c>
/// (<see cref="CircuitStoreRegistration"/>): in this process's memory, in a file that survives the
/// process being killed, or in an <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>
/// (Redis) that every node of a farm shares. Keys are never circuit ids: the registry passes a hash
/// of the id, so whoever reads the file or the cache cannot reconnect to anyone's circuit.
/// </summary>
public interface ICircuitStore
{
    /// <summary>A new circuit, attached to <paramref name="connectionId"/>.</summary>
    ValueTask AddAsync(string key, string connectionId);

    /// <summary>Moves a held circuit to <paramref name="connectionId"/>; false if it is not held (never was, expired, removed).</summary>
    ValueTask<bool> TryConnectAsync(string key, string connectionId);

    /// <summary>
    /// <paramref name="connectionId"/> closed: if the circuit is still attached to it, hold the circuit
    /// for <paramref name="retention"/>. Ignored when the circuit already moved to a newer connection.
    /// </summary>
    ValueTask DisconnectedAsync(string key, string connectionId, TimeSpan retention);

    /// <summary>Forgets the circuit at once.</summary>
    ValueTask RemoveAsync(string key);
}
