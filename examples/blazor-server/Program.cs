// Blazor Server as the pre-.NET 8 "blazorserver" template set it up: a Razor Pages host page
// (Pages/_Host.cshtml) that loads blazor.server.js, and the circuit hub mapped with MapBlazorHub.
// Apps that have not moved to the Blazor Web App model still look like this.
using BlazorServerApp;
using Microsoft.AspNetCore.Components.Server;

var builder = WebApplication.CreateBuilder(args);

// Add services to the container.
builder.Services.AddRazorPages();
builder.Services.AddServerSideBlazor();

// How long a circuit whose connection dropped is kept for a reconnect (Blazor's default: 3 minutes),
// e.g. CircuitOptions__DisconnectedCircuitRetentionPeriod=00:00:02.
builder.Services.Configure<CircuitOptions>(builder.Configuration.GetSection("CircuitOptions"));

var app = builder.Build();

// Configure the HTTP request pipeline.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseStaticFiles();
app.UseRouting();

app.MapCircuitReconnectScript("circuit-reconnect.blazor.min.js");
app.MapBlazorHub();
app.MapFallbackToPage("/_Host");

app.Run();
