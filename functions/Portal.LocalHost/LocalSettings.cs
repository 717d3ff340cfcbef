using System.Text.Json;

namespace Portal.LocalHost;

/// <summary>
/// The Functions host reads app settings from local.settings.json ("Values"); LocalHost does the same, falling
/// back to the committed local.settings.sample.json so a fresh clone runs without any set-up.
/// </summary>
public static class LocalSettings
{
    public static (string? Path, Dictionary<string, string?> Values) Load(string repositoryRoot)
    {
        var candidates = new[]
        {
            Path.Combine(repositoryRoot, "functions", "Portal.Functions", "local.settings.json"),
            Path.Combine(repositoryRoot, "local.settings.sample.json"),
        };
        var path = candidates.FirstOrDefault(File.Exists);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (path is null)
        {
            return (null, values);
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.TryGetProperty("Values", out var section))
        {
            foreach (var property in section.EnumerateObject())
            {
                // App settings use "__" for nesting, configuration uses ":".
                values[property.Name.Replace("__", ":")] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()
                    : property.Value.GetRawText();
            }
        }
        return (path, values);
    }
}
