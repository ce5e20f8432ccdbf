using Microsoft.AspNetCore.SignalR;

namespace CircuitReconnectSample;

/// <summary>
/// The two hub methods circuit-reconnect calls (Blazor's ComponentHub contract, without the
/// rendering). One connection carries at most one circuit; the circuit outlives its connection
/// for <see cref="CircuitOptions.DisconnectedCircuitRetentionPeriod"/>, so a reconnecting page gets it back.
/// </summary>
public sealed class CircuitHub(CircuitRegistry circuits, ILogger<CircuitHub> logger) : Hub
{
    private const string CircuitIdKey = "circuitId";

    /// <summary>
    /// Called once per page as StartCircuit(document.baseURI, location.href, '[]', '').
    /// Returns the new circuit's id (a secret: whoever holds it can reconnect to the circuit),
    /// or null to refuse, which makes the page's start() reject with CircuitRefusedError.
    /// </summary>
    public async Task<string?> StartCircuit(string baseUri, string uri, string serializedComponentRecords, string applicationState)
    {
        if (Context.Items.ContainsKey(CircuitIdKey))
        {
            return null;
        }

        if (!Uri.TryCreate(baseUri, UriKind.Absolute, out _) || !Uri.TryCreate(uri, UriKind.Absolute, out _))
        {
            return null;
        }

        var circuitId = await circuits.StartAsync(Context.ConnectionId);
        Context.Items[CircuitIdKey] = circuitId;
        logger.LogInformation("Circuit started for {Uri}", uri);
        return circuitId;
    }

    /// <summary>
    /// Called on a new connection after the old one dropped. true: the circuit is still held and
    /// now belongs to this connection. false: it is gone (expired, or the server restarted); the
    /// page shows "rejected" and, with the default dialog, reloads itself.
    /// </summary>
    public async Task<bool> ConnectCircuit(string circuitId)
    {
        if (string.IsNullOrEmpty(circuitId) || Context.Items.ContainsKey(CircuitIdKey))
        {
            return false;
        }

        if (!await circuits.ConnectAsync(circuitId, Context.ConnectionId))
        {
            return false;
        }

        Context.Items[CircuitIdKey] = circuitId;
        return true;
    }

    /// <summary>
    /// An app method on the circuit's own connection: answers its argument. A page that got the
    /// connection from circuit-reconnect calls it as <c>connection.invoke("Echo", text)</c>.
    /// </summary>
    public string Echo(string text) => text;

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(CircuitIdKey, out var value) && value is string circuitId)
        {
            await circuits.DisconnectedAsync(circuitId, Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }
}
