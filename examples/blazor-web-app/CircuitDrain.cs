using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace BlazorWebApp;

// A drain for a farm, in one copyable file: when the node is asked to stop (SIGTERM, a deploy),
// it tells each of its circuits it is going away before SignalR closes their connections, and
// waits (at most DrainTimeout) until every circuit has paused: Blazor 10 then hands the circuit's
// [PersistentState] to the browser, and circuit-reconnect's handler resumes it on another node.
// Blazor 10 saves nothing by itself on a graceful stop. Add it with one line:
//   builder.Services.AddCircuitDrain();

/// <summary>Registers the drain: the circuit handler, the stop hook, and the refusal of new circuits while stopping.</summary>
public static class CircuitDrainExtensions
{
    public static IServiceCollection AddCircuitDrain(this IServiceCollection services)
    {
        services.AddSingleton<CircuitDrain>();
        services.AddHostedService(provider => provider.GetRequiredService<CircuitDrain>());
        services.AddScoped<CircuitHandler, CircuitDrainHandler>();
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

    internal void Add(Circuit circuit, IJSRuntime js) => circuits[circuit] = js;

    internal void Remove(Circuit circuit) => circuits.TryRemove(circuit, out _);

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
        var count = circuits.Count;
        if (count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var (circuit, js) in circuits)
        {
            _ = TellAsync(circuit, js);
        }

        while (!circuits.IsEmpty && Stopwatch.GetElapsedTime(started) < DrainTimeout)
        {
            Thread.Sleep(50);
        }

        logger.LogInformation("Drain: {Paused} of {Count} circuits paused in {Elapsed} ms.",
            count - circuits.Count, count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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
        return Task.CompletedTask;
    }
}

/// <summary>
/// While the node stops, Blazor's hub answers 503 to new connections: a resume sent here before
/// the load balancer noticed the stop fails and is tried again, reaching a node that stays.
/// </summary>
public sealed class RefuseCircuitsWhileStopping(IHostApplicationLifetime lifetime) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
            lifetime.ApplicationStopping.IsCancellationRequested && context.Request.Path.StartsWithSegments("/_blazor")
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context)
                : nextMiddleware(context));
        next(app);
    };
}
