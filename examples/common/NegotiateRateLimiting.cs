using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CircuitReconnect.Examples;

/// <summary>
/// Sheds load at the hubs' negotiation with ASP.NET Core's own rate limiter, bound from the
/// configuration section <c>RateLimit</c>, e.g. <c>--RateLimit:NegotiatePerSecond=300</c> or
/// <c>RateLimit__NegotiatePerSecond=300</c>. Off unless <see cref="NegotiatePerSecond"/> is above 0.
/// Shared by the ASP.NET Core example and the Blazor Web App, which include this file.
/// </summary>
public sealed class NegotiateRateLimitOptions
{
    /// <summary>
    /// Negotiations admitted per second: a token bucket refilled with a tenth of them every 100 ms
    /// (below 10 per second, one token at a time: 0.5 admits one every 2 s, and a refusal then
    /// says <c>Retry-After: 2</c>); 0 turns the limiter off.
    /// </summary>
    public double NegotiatePerSecond { get; set; }

    /// <summary>Negotiations admitted at once after idling; 0 means a tenth of a second's worth (at least 1).</summary>
    public int Burst { get; set; }

    /// <summary>The status of a refused negotiation: 429 (Too Many Requests) or 503 (Service Unavailable).</summary>
    public int Status { get; set; } = StatusCodes.Status429TooManyRequests;
}

public static class NegotiateRateLimiting
{
    private const string SectionName = "RateLimit";

    /// <summary>Whether the configuration turns the limiter on.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<NegotiateRateLimitOptions>() is { NegotiatePerSecond: > 0 };

    /// <summary>
    /// Limits the requests whose path ends in <c>/negotiate</c> (every hub's), and nothing else: a
    /// connection that negotiated is not refused its WebSocket. A refusal carries
    /// <c>Retry-After</c>: the limiter's own wait (the next token), rounded up to whole seconds.
    /// </summary>
    public static IServiceCollection AddNegotiateRateLimiter(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<NegotiateRateLimitOptions>() ?? new();
        var perSecond = settings.NegotiatePerSecond;
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(perSecond / 10.0));
        var period = TimeSpan.FromSeconds(tokensPerPeriod / perSecond);
        var burst = settings.Burst > 0 ? settings.Burst : tokensPerPeriod;
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = settings.Status;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.Value?.EndsWith("/negotiate", StringComparison.Ordinal) == true
                    ? RateLimitPartition.GetTokenBucketLimiter("negotiate", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        TokensPerPeriod = tokensPerPeriod,
                        ReplenishmentPeriod = period,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter("other"));
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                    context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
    }
}
