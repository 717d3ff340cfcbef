using Microsoft.Extensions.FileProviders;

namespace Portal.LocalHost;

/// <summary>
/// Serves the built front end (static-web/dist) at / with a fallback to index.html for client-side routes,
/// as Static Web Apps' navigation fallback does, with the same security headers. Until the front end is built,
/// a short page says how.
/// </summary>
public static class StaticWeb
{
    public static void Map(WebApplication app, string repositoryRoot, string routePrefix)
    {
        SecurityHeaders.Use(app, repositoryRoot);
        var dist = Path.Combine(repositoryRoot, "static-web", "dist");
        var apiPrefix = "/" + routePrefix.Trim('/');
        if (Directory.Exists(dist) && File.Exists(Path.Combine(dist, "index.html")))
        {
            var files = new PhysicalFileProvider(dist);
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            app.MapFallback(async context =>
            {
                if (context.Request.Path.StartsWithSegments(apiPrefix))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
            });
            return;
        }
        app.MapFallback(async context =>
        {
            if (context.Request.Path.StartsWithSegments(apiPrefix))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Customer Portal</title></head>" +
                "<body><main><h1>Customer Portal</h1><p>The API is running under <a href=\"/api/health\">/api</a>. " +
                "The browser front end has not been built yet.</p></main></body></html>");
        });
    }
}
