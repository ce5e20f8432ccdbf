// A minimal ASP.NET Core app that speaks circuit-reconnect's server contract, and the plain hubs
// its hub adapter reconnects:
//   - a SignalR hub at /_blazor with StartCircuit and ConnectCircuit (CircuitHub.cs),
//   - POST /_blazor/disconnect with the form field circuitId (the page-unload beacon),
//   - disconnected circuits kept for CircuitOptions:DisconnectedCircuitRetentionPeriod (3 minutes),
//   - POST /push?text=… sends Message(text) to every circuit; GET /circuits counts them,
//   - a chat hub at /chat with stateful reconnect (ChatHub.cs),
//   - a hub at /secure behind a cookie sign-in (POST /signin?name=…, POST /expire),
//   - every hub speaks JSON and MessagePack,
//   - wwwroot/index.html loading the library with one script tag,
//   - with --RateLimit:NegotiatePerSecond=N, negotiations over N per second answered 429 with
//     Retry-After by ASP.NET Core's rate limiter (../common/NegotiateRateLimiting.cs),
//   - off unless Farm:Node is set, one node of a farm (`npm run demo:farm -- --app aspnetcore`):
//     the Data Protection keys shared, SignalR's Redis backplane, X-Farm-Node and /healthz
//     (examples/common/FarmNode.cs); when it stops, new hub connections refused and the open
//     ones kept Farm:StopDelayMs, then closed (HubStop.cs).
using CircuitReconnectSample;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateBuilder(args);
var farmRedis = builder.AddFarmNode();
var signalR = builder.Services.AddSignalR().AddMessagePackProtocol();
if (farmRedis is not null)
{
    // Hub messages go through Redis, so Clients.All on one node reaches the clients of them all.
    signalR.AddStackExchangeRedis(options => options.ConnectionFactory = _ => Task.FromResult(farmRedis));
}

if (builder.Configuration.IsFarmNode())
{
    // At a stop: connections kept Farm:StopDelayMs, then each closed (HubStop.cs).
    builder.Services.AddHubStop();
}

builder.Services.Configure<CircuitOptions>(builder.Configuration.GetSection("CircuitOptions"));
// Circuits:Store=memory (default) | file (Circuits:File=path) | distributed (Farm:Redis=host:port).
builder.Services.AddCircuitStore(builder.Configuration);
builder.Services.AddSingleton<SignInSessions>();

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        // A hub client cannot follow a redirect to a sign-in page: answer 401 instead.
        options.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        // A cookie from before the last POST /expire no longer signs anyone in.
        options.Events.OnValidatePrincipal = context =>
        {
            if (!context.HttpContext.RequestServices.GetRequiredService<SignInSessions>().IsCurrent(context.Principal))
            {
                context.RejectPrincipal();
            }

            return Task.CompletedTask;
        };
    });
builder.Services.AddAuthorization();
var rateLimited = NegotiateRateLimiting.IsEnabled(builder.Configuration);
if (rateLimited)
{
    builder.Services.AddNegotiateRateLimiter(builder.Configuration);
}

var app = builder.Build();

app.UseFarmNode();
// Bench:Counters=true (the real-server herd benchmark only): counts negotiations at the server.
app.UseBenchCounters();

app.UseDefaultFiles();
app.UseStaticFiles();
if (rateLimited)
{
    app.UseRateLimiter();
}
app.UseAuthentication();
app.UseAuthorization();

app.MapCircuitReconnectScript("circuit-reconnect.min.js");
app.MapHub<CircuitHub>("/_blazor");

// Sent with navigator.sendBeacon on pagehide and by Blazor.disconnect(): the page is gone, so the
// circuit is freed now instead of after the retention period. The form is read by hand (no
// [FromForm] binding), so no antiforgery token is expected, as with Blazor's own endpoint.
app.MapPost("/_blazor/disconnect", async (HttpRequest request, CircuitRegistry circuits) =>
{
    if (!request.HasFormContentType)
    {
        return Results.BadRequest();
    }

    var form = await request.ReadFormAsync();
    var circuitId = form["circuitId"].ToString();
    if (string.IsNullOrEmpty(circuitId))
    {
        return Results.BadRequest();
    }

    await circuits.RemoveAsync(circuitId);
    return Results.Ok();
});

// The app talks to its pages over their circuits' connections.
app.MapPost("/push", async (string text, IHubContext<CircuitHub> hub) =>
{
    await hub.Clients.All.SendAsync("Message", text);
    return Results.Ok();
});
app.MapGet("/circuits", (CircuitRegistry circuits) => circuits.Counts);

app.MapHub<ChatHub>("/chat", options => options.AllowStatefulReconnects = true);

app.MapHub<SecureHub>("/secure").RequireAuthorization();
app.MapPost("/signin", async (string name, HttpContext context, SignInSessions sessions) =>
{
    await context.SignInAsync(sessions.CreatePrincipal(name));
    return Results.Ok();
});
app.MapPost("/expire", (SignInSessions sessions) =>
{
    sessions.ExpireAll();
    return Results.Ok();
});

app.Run();
