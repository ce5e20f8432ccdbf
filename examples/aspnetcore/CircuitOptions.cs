namespace CircuitReconnectSample;

/// <summary>
/// The circuit settings, bound from the configuration section <c>CircuitOptions</c> under the same
/// name Blazor uses, e.g. <c>CircuitOptions__DisconnectedCircuitRetentionPeriod=00:00:02</c> (the
/// tests start the app with a short retention to see circuits expire).
/// </summary>
public sealed class CircuitOptions
{
    /// <summary>How long a circuit is held after its connection closed. Blazor's default: 3 minutes.</summary>
    public TimeSpan DisconnectedCircuitRetentionPeriod { get; set; } = TimeSpan.FromMinutes(3);
}
