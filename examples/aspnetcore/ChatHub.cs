using Microsoft.AspNetCore.SignalR;

namespace CircuitReconnectSample;

/// <summary>
/// A plain SignalR hub, no circuit: what circuit-reconnect's hub adapter reconnects. Mapped with
/// <c>AllowStatefulReconnects</c>, so a client built <c>.withStatefulReconnect()</c> gets the
/// messages it missed during a short drop, and with MessagePack as well as JSON.
/// </summary>
public sealed class ChatHub : Hub
{
    /// <summary>Sends <c>Message(user, text)</c> to every client, the sender included.</summary>
    public Task Send(string user, string text) => Clients.All.SendAsync("Message", user, text);

    /// <summary>Answers its argument: a round trip that proves the connection works.</summary>
    public string Echo(string text) => text;
}
