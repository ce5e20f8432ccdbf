using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.JSInterop;

namespace BlazorWebApp;

// A drain for a farm, in two copyable files (this one and CircuitDrainConnections.cs): when the
// node is asked to stop (SIGTERM, a deploy), it tells each of its circuits it is going away before SignalR closes their connections, and
// waits (at most DrainTimeout) until every circuit has paused: Blazor 10 then hands the circuit's
// [PersistentState] to the browser, and circuit-reconnect's handler resumes it on another node.
// Blazor 10 saves nothing by itself on a graceful stop. A circuit still opening when the stop
// comes (in a rolling restart, often one resuming here from the node stopped before) is waited
// for and told as soon as it opens: stopping under it would lose the state it brought. Add it
// with one line:
//   builder.Services.AddCircuitDrain();

/// <summary>
/// Registers the drain: the circuit handler, the hub filter that sees circuits opening, the stop
/// hook, and the refusal of new connections while stopping.
/// </summary>
public static class CircuitDrainExtensions
{
    public static IServiceCollection AddCircuitDrain(this IServiceCollection services)
    {
        services.AddSingleton<CircuitDrain>();
        services.AddHostedService(provider => provider.GetRequiredService<CircuitDrain>());
        services.AddScoped<CircuitHandler, CircuitDrainHandler>();
        services.AddSingleton<CircuitOpeningFilter>();
        services.Configure<HubOptions>(options => options.AddFilter<CircuitOpeningFilter>());
        services.AddTransient<IStartupFilter, RefuseCircuitsWhileStopping>();
        return services;
    }
}

/// <summary>The node's live circuits, and the drain run when the node is asked to stop.</summary>
public sealed class CircuitDrain(IHostApplicationLifetime lifetime, ILogger<CircuitDrain> logger) : IHostedLifecycleService
{
    /// <summary>How long a stop waits for the circuits to pause.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Circuit, IJSRuntime> circuits = new();

    // Connections to Blazor's hub whose circuit has not opened yet (CircuitOpeningFilter).
    private int opening;

    private volatile bool draining;

    private int toldLate;

    internal void Add(Circuit circuit, IJSRuntime js)
    {
        // Opened or reconnected while the drain runs: told now, or it would stop under the circuit.
        if (circuits.TryAdd(circuit, js) && draining)
        {
            Interlocked.Increment(ref toldLate);
            _ = TellAsync(circuit, js);
        }
    }

    internal void Remove(Circuit circuit) => circuits.TryRemove(circuit, out _);

    /// <summary>The key of a connection's <see cref="OpeningConnection"/> in its HttpContext.Items.</summary>
    internal static readonly object OpeningKey = new();

    internal OpeningConnection StartOpening()
    {
        Interlocked.Increment(ref opening);
        return new OpeningConnection(this);
    }

    // Pauses whose circuit has not closed yet, oldest first (CircuitOpeningFilter holds each
    // PauseCircuit answer on one; a closing circuit releases the oldest).
    private readonly ConcurrentQueue<TaskCompletionSource> pausesClosing = new();

    /// <summary>How long a PauseCircuit answer waits for its circuit to hand over its state.</summary>
    public static readonly TimeSpan PauseSettleTimeout = TimeSpan.FromSeconds(1);

    // PauseCircuit answers not sent yet: the stop waits for them too, or it would close the
    // connection before the answer and the browser would take the pause for a failure.
    private int pauseAnswersHeld;

    internal TaskCompletionSource PauseStarted()
    {
        Interlocked.Increment(ref pauseAnswersHeld);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pausesClosing.Enqueue(closed);
        return closed;
    }

    internal void PauseAnswered() => Interlocked.Decrement(ref pauseAnswersHeld);

    internal void CircuitClosed()
    {
        // The oldest pause still waiting (one whose PauseCircuit failed was released already).
        while (pausesClosing.TryDequeue(out var closed))
        {
            if (closed.TrySetResult())
            {
                return;
            }
        }
    }

    /// <summary>A connection's circuit opened, or it never will (refused, failed, disconnected).</summary>
    internal void OpeningEnded()
    {
        // Never below zero: a circuit opened on a connection the filter did not see starting.
        int current;
        do
        {
            current = Volatile.Read(ref opening);
            if (current == 0)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref opening, current - 1, current) != current);
    }

    // Registered once the app has started, after SignalR registered its own stop callback (which
    // closes every connection): stop callbacks run last-registered first, and each blocks the
    // stop until it returns, so the circuits are told while their connections are still open.
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(Drain);
        return Task.CompletedTask;
    }

    private void Drain()
    {
        draining = true;
        var count = circuits.Count;
        var openingAtStart = Volatile.Read(ref opening);
        if (count == 0 && openingAtStart == 0 && Volatile.Read(ref pauseAnswersHeld) == 0)
        {
            return;
        }

        logger.LogInformation("Drain: the node is stopping; telling {Count} circuits, waiting for {Opening} opening.", count, openingAtStart);
        var started = Stopwatch.GetTimestamp();
        foreach (var (circuit, js) in circuits)
        {
            _ = TellAsync(circuit, js);
        }

        while ((!circuits.IsEmpty || Volatile.Read(ref opening) > 0 || Volatile.Read(ref pauseAnswersHeld) > 0)
            && Stopwatch.GetElapsedTime(started) < DrainTimeout)
        {
            Thread.Sleep(50);
        }

        logger.LogInformation(
            "Drain: {Count} circuits and {Opening} opening at the stop; {Late} opened during the drain and were told; {Left} not paused, {StillOpening} still opening after {Elapsed} ms.",
            count, openingAtStart, Volatile.Read(ref toldLate), circuits.Count, Volatile.Read(ref opening),
            (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task TellAsync(Circuit circuit, IJSRuntime js)
    {
        try
        {
            // Defined by circuit-reconnect's handler script; it answers at once and pauses next.
            await js.InvokeVoidAsync("CircuitReconnect.drain");
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // A page without circuit-reconnect's handler script cannot pause: do not wait for it.
            Remove(circuit);
            logger.LogDebug(exception, "Drain: a circuit could not be told.");
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Tells the drain which circuits are live on this node: a paused or dropped one no longer is.</summary>
public sealed class CircuitDrainHandler(CircuitDrain drain, IJSRuntime js) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        drain.Add(circuit, js);
        drain.OpeningEnded();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        drain.Add(circuit, js);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        drain.Remove(circuit);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        drain.Remove(circuit);
        drain.CircuitClosed();
        return Task.CompletedTask;
    }
}
