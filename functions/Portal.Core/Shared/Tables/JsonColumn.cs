using System.Text.Json;

namespace Portal.Core.Shared.Tables;

/// <summary>
/// A list kept in one string property as JSON (order lines, status history, shipments). Table Storage has no nested
/// types; a JSON column keeps the row a single point read. Written with the API's JSON rules.
/// </summary>
public static class JsonColumn
{
    public static List<T> Read<T>(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<T>>(json, PortalJson.Options) ?? [];

    public static string Write<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items, PortalJson.Options);
}
