namespace CircuitReconnect.Examples;

/// <summary>
/// Serves a circuit-reconnect script (the script tag, or the Blazor handler script) straight from
/// the library's build output, so an example always runs the script the repository just built,
/// with no copy to forget to refresh. Shared by the examples, which include this file.
/// </summary>
public static class CircuitReconnectScript
{
    /// <summary>
    /// Maps <c>/{fileName}</c> (and its source map) to the file of that name in the folder set by
    /// <c>CircuitReconnect:Dist</c>, by default the repository's <c>dist/</c> two folders above
    /// this project. A missing file answers 404 (a Blazor page then finds no
    /// <c>window.CircuitReconnect</c> and starts Blazor with its own reconnection UI).
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
