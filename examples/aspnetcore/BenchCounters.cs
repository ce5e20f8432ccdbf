using System.Collections.Concurrent;

namespace CircuitReconnectSample;

/// <summary>
/// For the real-server herd benchmark only (<c>Bench:Counters=true</c>; off by default, nothing is
/// mapped): the time of every negotiation this process received, so the benchmark counts the
/// reconnect attempts that reached the server, at the server, and the time the server started
/// listening, which recovery times are measured from. <c>GET /bench/negotiations</c> answers
/// <c>{ startedAt, times }</c> in Unix milliseconds. Nothing about circuits is recorded.
/// </summary>
public static class BenchCounters
{
    public static void UseBenchCounters(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:Counters"))
        {
            return;
        }

        var times = new ConcurrentQueue<long>();
        long startedAt = 0;
        app.Lifetime.ApplicationStarted.Register(() => startedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value?.EndsWith("/negotiate", StringComparison.Ordinal) == true)
            {
                times.Enqueue(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            }

            return next(context);
        });
        app.MapGet("/bench/negotiations", () => new { startedAt, times = times.ToArray() });
    }
}
