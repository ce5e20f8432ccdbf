using System.Collections.Concurrent;

namespace CircuitReconnectSample;

/// <summary>
/// For the real-server herd benchmark only (<c>Bench:Counters=true</c>; off by default, nothing is
/// mapped): the time of every negotiation this process received, so the benchmark counts the
/// reconnect attempts that reached the server, at the server, and the time the server started
/// listening, which recovery times are measured from. <c>GET /bench/negotiations</c> answers
/// <c>{ startedAt, times, tags }</c>: times in Unix milliseconds, and each negotiation's <c>herd</c>
/// query parameter (the policy a benchmark client runs, so two policies can share one outage).
/// Nothing about circuits is recorded.
/// </summary>
public static class BenchCounters
{
    public static void UseBenchCounters(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:Counters"))
        {
            return;
        }

        var negotiations = new ConcurrentQueue<(long Time, string Tag)>();
        long startedAt = 0;
        app.Lifetime.ApplicationStarted.Register(() => startedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value?.EndsWith("/negotiate", StringComparison.Ordinal) == true)
            {
                negotiations.Enqueue((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), context.Request.Query["herd"].ToString()));
            }

            return next(context);
        });
        app.MapGet("/bench/negotiations", () =>
        {
            var all = negotiations.ToArray();
            return new { startedAt, times = all.Select(each => each.Time), tags = all.Select(each => each.Tag) };
        });
    }
}
