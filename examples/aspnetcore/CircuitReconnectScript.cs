namespace CircuitReconnectSample;

/// <summary>
/// Serves circuit-reconnect's script-tag build when wwwroot/ has no copy of it: straight from the
/// library's build output, so a checkout of the repository runs the script it just built.
/// </summary>
public static class CircuitReconnectScript
{
    /// <summary>
    /// Maps <c>/{fileName}</c> (and its source map) to the file of that name in the folder set by
    /// <c>CircuitReconnect:Dist</c>, by default the repository's <c>dist/</c> two folders above this
    /// project. Map it after <c>UseStaticFiles</c>: a copy in wwwroot/ wins. A missing file answers 404.
    /// </summary>
    public static IEndpointRouteBuilder MapCircuitReconnectScript(this IEndpointRouteBuilder endpoints, string fileName)
    {
        var configured = endpoints.ServiceProvider.GetRequiredService<IConfiguration>()["CircuitReconnect:Dist"];
        var contentRoot = endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        var dist = Path.GetFullPath(string.IsNullOrEmpty(configured) ? Path.Combine("..", "..", "dist") : configured, contentRoot);

        foreach (var (name, contentType) in new[] { (fileName, "text/javascript"), (fileName + ".map", "application/json") })
        {
            var path = Path.Combine(dist, name);
            // Looked up per request: the file may be built while the app runs.
            endpoints.MapGet("/" + name, () => File.Exists(path)
                ? Results.File(path, contentType)
                : Results.NotFound());
        }

        return endpoints;
    }
}
