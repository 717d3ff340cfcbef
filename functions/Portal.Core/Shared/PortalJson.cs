using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Core.Shared;

/// <summary>One set of JSON rules for every request and response: camelCase, enums as strings, ISO 8601 dates.</summary>
public static class PortalJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>
    /// The one enum wire policy: an enum member is written camelCase (<c>InProgress</c> → <c>inProgress</c>) in bodies,
    /// query values and problem messages alike; storage keeps the member name.
    /// </summary>
    public static string WireName<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Parses a wire name (exact camelCase, never a number) back to its member.</summary>
    public static bool TryParseEnum<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (WireName(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // A property the API does not know is a mistake in the caller's request, not something to ignore silently.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            // Responses are JSON, never HTML, so '+' and quotes need no escaping and stay readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
