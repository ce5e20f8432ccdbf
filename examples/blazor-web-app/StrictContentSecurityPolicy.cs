namespace BlazorWebApp;

/// <summary>
/// A Content-Security-Policy with no exception for inline code: the page must load every script and
/// stylesheet from its own origin. It proves that the reconnection UI works without inline styles,
/// inline scripts or data: URLs, as a site with a strict policy needs.
/// </summary>
public static class StrictContentSecurityPolicy
{
    /// <summary>The policy. <c>connect-src 'self'</c> covers the circuit's WebSocket on the same host.</summary>
    public const string Policy = "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'";

    /// <summary>Adds the policy header to every response.</summary>
    public static IApplicationBuilder UseStrictContentSecurityPolicy(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = Policy;
            await next(context);
        });
}
