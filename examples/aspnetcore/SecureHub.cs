using Microsoft.AspNetCore.SignalR;

namespace CircuitReconnectSample;

/// <summary>
/// A hub behind cookie authentication (Program.cs maps it with <c>RequireAuthorization()</c>): once
/// the sign-in is expired (<c>POST /expire</c>), its open connections are closed and every new
/// negotiation answers 401, the case where reconnecting cannot help and the page must sign in again.
/// </summary>
public sealed class SecureHub(SignInSessions sessions) : Hub
{
    /// <summary>The signed-in user's name: proves the connection carries the sign-in.</summary>
    public string WhoAmI() => Context.User?.Identity?.Name ?? "";

    public override Task OnConnectedAsync()
    {
        sessions.Track(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Untrack(Context);
        return base.OnDisconnectedAsync(exception);
    }
}
