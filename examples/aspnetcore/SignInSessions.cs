using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;

namespace CircuitReconnectSample;

/// <summary>
/// Sign-ins that can be expired on demand, so a test sees an expired session without waiting for a
/// cookie's lifetime: each cookie carries the generation it was issued in, <see cref="ExpireAll"/>
/// starts a new generation (older cookies are rejected from then on) and closes the open
/// <see cref="SecureHub"/> connections.
/// </summary>
public sealed class SignInSessions
{
    /// <summary>The claim that carries the generation a cookie was issued in.</summary>
    public const string GenerationClaim = "sign-in-generation";

    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();
    private int _generation;

    /// <summary>The generation new sign-ins get.</summary>
    public string Generation => Volatile.Read(ref _generation).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A principal for <paramref name="name"/> in the current generation.</summary>
    public ClaimsPrincipal CreatePrincipal(string name) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(GenerationClaim, Generation)],
            CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>Whether <paramref name="principal"/> was signed in after the last <see cref="ExpireAll"/>.</summary>
    public bool IsCurrent(ClaimsPrincipal? principal) => principal?.FindFirstValue(GenerationClaim) == Generation;

    /// <summary>Expires every sign-in and closes the connections that were opened with one.</summary>
    public void ExpireAll()
    {
        Interlocked.Increment(ref _generation);
        foreach (var connection in _connections.Values)
        {
            connection.Abort();
        }
    }

    internal void Track(HubCallerContext context) => _connections[context.ConnectionId] = context;

    internal void Untrack(HubCallerContext context) => _connections.TryRemove(context.ConnectionId, out _);
}
