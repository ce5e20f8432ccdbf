// A minimal ASP.NET Core app that speaks circuit-reconnect's server contract:
//   - a SignalR hub at /_blazor with StartCircuit and ConnectCircuit (CircuitHub.cs),
//   - POST /_blazor/disconnect with the form field circuitId (the page-unload beacon),
//   - disconnected circuits kept for 3 minutes (CircuitRegistry.cs),
//   - wwwroot/index.html loading the library with one script tag.
using CircuitReconnectSample;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<CircuitRegistry>();

var app = builder.Build();

app.UseDefaultFiles();
app.UseStaticFiles();

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

    circuits.Remove(circuitId);
    return Results.Ok();
});

app.Run();
