using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR;

namespace CircuitReconnectSample;

/// <summary>
/// How a farm node's hub connections end when it is asked to stop. From that moment its
/// <c>/healthz</c> answers 503 and it refuses new hub connections (FarmNode.UseFarmNode); its
/// open connections are kept <c>Farm:StopDelayMs</c> (default 0) longer, so the load balancer
/// takes the node out of rotation before its clients reconnect (set it to the balancer's check
/// interval plus a check's time); then each is closed, and the node stops.
/// <para>
/// SignalR closes its connections itself when the stop begins, but ASP.NET Core 10.0.12 leaves a
/// stateful-reconnect connection that has carried no message yet open until Kestrel's shutdown
/// timeout aborts it 30 s later (the fix is dotnet/aspnetcore PR #64099). Its client, told
/// nothing, would hear nothing for 30 s (a chat tab that only reads); closed here, it reconnects
/// at once.
/// </para>
/// </summary>
public sealed class HubStop(IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<HubStop> logger)
    : IHubFilter, IHostedLifecycleService
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, HubCallerContext> connections = new();
    private readonly TimeSpan delay = ReadDelay(configuration);
    private volatile bool closing;

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        connections[context.Context.ConnectionId] = context.Context;
        await next(context);
        // Opened after the connections were closed (its request came before the stop): close it too.
        if (closing)
        {
            context.Context.Abort();
        }
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    // Registered once the app has started, after SignalR registered its own stop callback (which
    // closes connections): stop callbacks run last-registered first, and each blocks the stop
    // until it returns, so the connections are still open during the delay.
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(Stop);
        return Task.CompletedTask;
    }

    private void Stop()
    {
        var started = Stopwatch.GetTimestamp();
        if (delay > TimeSpan.Zero)
        {
            Thread.Sleep(delay);
        }

        closing = true;
        var count = connections.Count;
        foreach (var connection in connections.Values)
        {
            connection.Abort();
        }

        while (!connections.IsEmpty && Stopwatch.GetElapsedTime(started) < delay + CloseTimeout)
        {
            Thread.Sleep(20);
        }

        logger.LogInformation(
            "Stop: {Count} hub connections kept {Delay} ms after the stop began, then closed; {Left} still open after {Elapsed} ms.",
            count, (int)delay.TotalMilliseconds, connections.Count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static TimeSpan ReadDelay(IConfiguration configuration)
    {
        var text = configuration["Farm:StopDelayMs"];
        if (string.IsNullOrEmpty(text))
        {
            return TimeSpan.Zero;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > 60_000)
        {
            throw new InvalidOperationException($"Farm:StopDelayMs must be a whole number of milliseconds from 0 to 60000, got \"{text}\".");
        }

        return TimeSpan.FromMilliseconds(ms);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Adds <see cref="HubStop"/> to every hub of the app, on a farm node.</summary>
public static class HubStopExtensions
{
    public static IServiceCollection AddHubStop(this IServiceCollection services)
    {
        services.AddSingleton<HubStop>();
        services.AddHostedService(provider => provider.GetRequiredService<HubStop>());
        services.Configure<HubOptions>(options => options.AddFilter<HubStop>());
        return services;
    }
}
