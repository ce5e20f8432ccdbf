using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.JSInterop;

namespace BlazorWebApp;

// A drain for a farm, in one copyable file: when the node is asked to stop (SIGTERM, a deploy),
// it tells each of its circuits it is going away before SignalR closes their connections, and
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

/// <summary>One connection counted as opening until its circuit opens or never will; ends once.</summary>
internal sealed class OpeningConnection(CircuitDrain drain)
{
    private int settled;

    /// <summary>The connection's circuit will not open (refused, failed, closed): stop waiting for it.</summary>
    public void End()
    {
        if (Interlocked.Exchange(ref settled, 1) == 0)
        {
            drain.OpeningEnded();
        }
    }

    /// <summary>Its circuit is about to open: the circuit's OnCircuitOpenedAsync ends the wait.</summary>
    public void HandOver() => Interlocked.Exchange(ref settled, 1);
}

/// <summary>
/// Counts the connections to Blazor's hub whose circuit has not opened yet, so that a stop waits
/// for them: from the connection (a WebSocket from its request, counted by
/// RefuseCircuitsWhileStopping before the handshake; other transports from the hub's
/// OnConnectedAsync) to the circuit's opening (StartCircuit and ResumeCircuit return before the
/// circuit opens, which Blazor finishes on a task of its own), or to the end of a ConnectCircuit,
/// a refusal or the disconnection. Also holds PauseCircuit's answer (see PauseAsync).
/// </summary>
public sealed class CircuitOpeningFilter(CircuitDrain drain) : IHubFilter
{
    private static readonly object Waiting = new();

    private static bool IsBlazorHub(Hub hub) => hub.GetType().FullName == "Microsoft.AspNetCore.Components.Server.ComponentHub";

    /// <summary>The connection's opening, the first time a circuit call or the disconnection asks.</summary>
    private static OpeningConnection? TakeWaiting(HubCallerContext context) =>
        context.Items.TryGetValue(Waiting, out var value) && context.Items.Remove(Waiting) ? value as OpeningConnection : null;

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (IsBlazorHub(context.Hub))
        {
            context.Context.Items[Waiting] = context.Context.GetHttpContext()?.Items[CircuitDrain.OpeningKey] as OpeningConnection
                ?? drain.StartOpening();
        }

        await next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        if (method == "PauseCircuit" && IsBlazorHub(invocationContext.Hub))
        {
            return await PauseAsync(invocationContext, next);
        }

        var opening = method is "StartCircuit" or "ResumeCircuit" or "ConnectCircuit" ? TakeWaiting(invocationContext.Context) : null;
        if (opening is null)
        {
            return await next(invocationContext);
        }

        var opens = false;
        try
        {
            var result = await next(invocationContext);
            // A circuit id: the circuit opens next, and its OnCircuitOpenedAsync ends the opening.
            opens = method != "ConnectCircuit" && result is string;
            return result;
        }
        finally
        {
            if (opens)
            {
                opening.HandOver();
            }
            else
            {
                opening.End();
            }
        }
    }

    // blazor.web.js (10.0.12) closes its connection as soon as PauseCircuit answers, and Blazor
    // answers at once, sending the circuit's state to the browser on the circuit's own task. An
    // idle circuit sends it before the answer; a busy one (a circuit that has just opened: one
    // told during a drain) after it, onto a closed connection ("Failed to save state to client"),
    // and without a shared cache the state is lost. So the answer waits until the circuit has
    // closed, which is after its state went out, or at most PauseSettleTimeout.
    private async ValueTask<object?> PauseAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var closed = drain.PauseStarted();
        try
        {
            var result = await next(invocationContext);
            if (result is true)
            {
                await Task.WhenAny(closed.Task, Task.Delay(CircuitDrain.PauseSettleTimeout));
            }

            return result;
        }
        finally
        {
            // Released, whatever happened: a later close must release another pause, not this one.
            closed.TrySetResult();
            drain.PauseAnswered();
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        TakeWaiting(context.Context)?.End();

        await next(context, exception);
    }
}

/// <summary>
/// Counts each WebSocket to Blazor's hub as opening from its request on, before SignalR's
/// handshake, so that a stop between the handshake and the hub's OnConnectedAsync still waits
/// for it. And while the node stops, Blazor's hub answers 503 to new connections: a resume sent here before
/// the load balancer noticed the stop fails and is tried again, reaching a node that stays.
/// </summary>
public sealed class RefuseCircuitsWhileStopping(IHostApplicationLifetime lifetime, CircuitDrain drain) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!context.Request.Path.StartsWithSegments("/_blazor"))
            {
                await nextMiddleware(context);
                return;
            }

            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                await Results.StatusCode(StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                return;
            }

            // By its header: the WebSockets middleware, which would say so, runs after this one.
            if (!HttpMethods.IsGet(context.Request.Method) || !string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase))
            {
                await nextMiddleware(context);
                return;
            }

            // The request lasts as long as the WebSocket: its end ends a wait the circuit did not.
            var opening = drain.StartOpening();
            context.Items[CircuitDrain.OpeningKey] = opening;
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                opening.End();
            }
        });
        next(app);
    };
}
