using Microsoft.AspNetCore.SignalR;

namespace BlazorWebApp;

// The drain's view of connections to Blazor's hub (CircuitDrain.cs has the drain itself; copy
// both files): which connections have a circuit still opening, PauseCircuit answers held until the
// circuit's state went out, and the refusal of new connections while the node stops.

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
