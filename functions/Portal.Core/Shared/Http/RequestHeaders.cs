using Microsoft.AspNetCore.Http;

namespace Portal.Core.Shared.Http;

public static class RequestHeaders
{
    /// <summary>The If-Match value an update must carry (the ETag the client last read); 428 when missing.</summary>
    public static string RequireIfMatch(this HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        return value.Length == 0 ? throw Problems.PreconditionRequired() : CheckEntityTag(value);
    }

    public static string? OptionalIfMatch(this HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        return value.Length == 0 || value == "*" ? null : CheckEntityTag(value);
    }

    /// <summary>
    /// How a PUT of a thing keyed by the caller's own id may write: <c>If-None-Match: *</c> only creates (409 when it
    /// exists), <c>If-Match</c> only replaces that version (412 otherwise), neither writes whatever is there (the
    /// ERP's idempotent upsert).
    /// </summary>
    public static WriteCondition WriteCondition(this HttpRequest request)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString().Trim();
        if (ifNoneMatch.Length > 0 && ifNoneMatch != "*")
        {
            throw Problems.Validation("If-None-Match", "Send * to create only when nothing exists under this id.");
        }
        var ifMatch = request.OptionalIfMatch();
        if (ifNoneMatch == "*" && ifMatch is not null)
        {
            throw Problems.Validation("If-None-Match", "Send either If-Match or If-None-Match, not both.");
        }
        return new WriteCondition(ifMatch, ifNoneMatch == "*");
    }

    /// <summary>
    /// An If-Match value must be <c>*</c> or one entity tag as the API gave it (<c>"…"</c> or <c>W/"…"</c>, printable, at
    /// most 200 characters); anything else is a 400 rather than a condition the storage service cannot parse.
    /// </summary>
    private static string CheckEntityTag(string value)
    {
        if (value == "*")
        {
            return value; // "any current version" (RFC 9110); the thing must exist.
        }
        var tag = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        var valid = value.Length <= 200 && tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"' &&
                    tag[1..^1].All(c => c is >= '!' and <= '~' && c != '"');
        return valid ? value : throw Problems.Validation("If-Match", "Send the ETag exactly as it was returned, e.g. W/\"datetime'…'\".");
    }

    /// <summary>
    /// A query-string value, read here rather than bound to a function parameter: the Functions host's binding
    /// of query values to parameters is not something to lean on, and reading them in code is the same everywhere.
    /// </summary>
    public static string? QueryValue(this HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    public static int? QueryInt(this HttpRequest request, string name) =>
        request.QueryValue(name) is not { } text ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw Problems.Validation(name, "Use a whole number.");

    public static bool? QueryBool(this HttpRequest request, string name) =>
        request.QueryValue(name) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => throw Problems.Validation(name, "Use true or false."),
        };

    /// <summary>A query value naming an enum member as the API writes it (camelCase, like every enum on the wire).</summary>
    public static TEnum? QueryEnum<TEnum>(this HttpRequest request, string name) where TEnum : struct, Enum =>
        request.QueryValue(name) is not { } text ? null
        : PortalJson.TryParseEnum<TEnum>(text, out var value) ? value
        : throw Problems.Validation(name, "Use one of: " + string.Join(", ", Enum.GetValues<TEnum>().Select(PortalJson.WireName)) + ".");

    /// <summary>A query date in ISO 8601 form (2026-11-28).</summary>
    public static DateOnly? QueryDate(this HttpRequest request, string name) =>
        request.QueryValue(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date
        : throw Problems.Validation(name, "Use a date like 2026-11-28.");

    /// <summary>
    /// The client's address for throttling: with <paramref name="trustedProxyHops"/> proxies that each append to
    /// X-Forwarded-For, the entry that many places from the right (what the outermost trusted proxy saw). Anything
    /// further left came from the client, which can write what it likes there, so it never counts. With no trusted
    /// proxies, or fewer entries than proxies, the connection's address.
    /// </summary>
    public static string ClientAddress(this HttpRequest request, int trustedProxyHops)
    {
        var entries = request.Headers["X-Forwarded-For"].ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (trustedProxyHops > 0 && entries.Length >= trustedProxyHops)
        {
            var entry = entries[^trustedProxyHops];
            // Azure writes "address:port" for IPv4; keep the address.
            var colon = entry.LastIndexOf(':');
            return colon > 0 && entry.Count(c => c == ':') == 1 ? entry[..colon] : entry;
        }
        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}

/// <summary>What a PUT by id may overwrite (see <see cref="RequestHeaders.WriteCondition"/>).</summary>
public sealed record WriteCondition(string? IfMatch, bool CreateOnly)
{
    public static readonly WriteCondition Any = new(null, false);
}
