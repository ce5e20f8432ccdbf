using BlazorWebApp;
using BlazorWebApp.Components;
using Microsoft.AspNetCore.Components.Server;

var builder = WebApplication.CreateBuilder(args);

// Add services to the container.
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

// How long a circuit whose connection dropped is kept for a reconnect (Blazor's default: 3 minutes).
// The tests set a short one, e.g. CircuitOptions__DisconnectedCircuitRetentionPeriod=00:00:02.
builder.Services.Configure<CircuitOptions>(builder.Configuration.GetSection("CircuitOptions"));

// ReconnectUi, StrictCsp and CircuitReconnect:Dist (see ReconnectSettings.cs).
builder.Services.Configure<ReconnectSettings>(builder.Configuration);

// Off unless Farm:Node is set: one node of a farm behind a load balancer (FarmHosting.cs).
builder.AddFarm();

// Off unless RateLimit:NegotiatePerSecond is set: Blazor's negotiations over the rate answered
// 429 with Retry-After by ASP.NET Core's rate limiter (../common/NegotiateRateLimiting.cs).
var rateLimited = NegotiateRateLimiting.IsEnabled(builder.Configuration);
if (rateLimited)
{
    builder.Services.AddNegotiateRateLimiter(builder.Configuration);
}

var app = builder.Build();

// Configure the HTTP request pipeline.
// First: a refused negotiation keeps its 429 (the status code pages below would re-execute it).
if (rateLimited)
{
    app.UseRateLimiter();
}
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

if (app.Configuration.GetValue<bool>("StrictCsp"))
{
    app.UseStrictContentSecurityPolicy();
}

app.UseFarm();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapCircuitReconnectScript("circuit-reconnect.blazor.min.js");
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();
