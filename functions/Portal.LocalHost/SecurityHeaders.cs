using System.Text.Json;

namespace Portal.LocalHost;

/// <summary>
/// The security headers Azure Static Web Apps adds in production, read from the front end's own
/// staticwebapp.config.json (globalHeaders), so that local runs and tests see exactly what production sends
/// and the two cannot drift apart.
/// </summary>
public static class SecurityHeaders
{
    public static string ConfigPath(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "static-web", "public", "staticwebapp.config.json");

    public static IReadOnlyDictionary<string, string> Load(string repositoryRoot)
    {
        var path = ConfigPath(repositoryRoot);
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>();
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("globalHeaders", out var headers) || headers.ValueKind != JsonValueKind.Object)
        {
            return new Dictionary<string, string>();
        }
        return headers.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The headers LocalHost sends: the file's, with a work-account authority on this machine (the tests' local
    /// authority) added to connect-src, as the file adds Entra External ID's hosts for Azure.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Load(string repositoryRoot, string? federationAuthority)
    {
        var headers = new Dictionary<string, string>(Load(repositoryRoot), StringComparer.OrdinalIgnoreCase);
        if (Uri.TryCreate(federationAuthority, UriKind.Absolute, out var authority) && authority.IsLoopback &&
            headers.TryGetValue("Content-Security-Policy", out var csp) && csp.Contains("connect-src ", StringComparison.Ordinal))
        {
            var origin = authority.GetLeftPart(UriPartial.Authority);
            headers["Content-Security-Policy"] = csp.Replace("connect-src ", $"connect-src {origin} ", StringComparison.Ordinal);
        }
        return headers;
    }

    public static void Use(WebApplication app, string repositoryRoot)
    {
        var headers = Load(repositoryRoot, app.Configuration["Portal:Federation:Authority"]);
        if (headers.Count == 0)
        {
            return;
        }
        app.Use(async (context, next) =>
        {
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }
            await next(context);
        });
    }
}
