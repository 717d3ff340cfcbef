using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Core.Shared.Tables;

/// <summary>
/// A request value was about to become a PartitionKey or RowKey that Azure Table Storage refuses. Thrown before the
/// request leaves, so the caller gets a 4xx (<see cref="Http.PortalEndpoint"/>: 404 on a read, 400 on a change) and
/// nothing is written.
/// </summary>
public sealed class UnsafeStorageKeyException(string reason) : Exception(reason);

/// <summary>
/// A write would break a Table Storage size limit (64 KiB per property, 1 MiB per entity, 4 MiB per transaction).
/// Thrown before the request leaves; <see cref="Http.PortalEndpoint"/> answers 400 saying which limit.
/// </summary>
public sealed class StorageLimitException(string reason) : Exception(reason);

/// <summary>
/// The one place where every value that becomes a table key is checked, whichever store or route built it: a pipeline
/// policy on the table client that reads the keys of each outgoing request (in the address of a point read, update or
/// delete, and in the body of an insert or an entity-group transaction) and refuses what Azure refuses — '/', '\', '#',
/// '?', control characters, more than 1 KiB — before it is sent. Azurite accepts most of these, so without this a key
/// that works in every test could fail only in production. Stores may still check early (<see cref="TableKeys.IsSafe"/>)
/// to answer "not found" without a request; this guard is what no route can forget. It also holds every written
/// entity to Azure's size limits (64 KiB per property, 1 MiB per entity, 4 MiB per transaction), which Azurite
/// does not enforce either, so a row that grows too large is a clear 400 instead of a storage error.
/// </summary>
public sealed partial class StorageKeyGuard : HttpPipelineSynchronousPolicy
{
    public static readonly StorageKeyGuard Instance = new();

    /// <summary>Azure's limit: a key is at most 1 KiB, counted as UTF-16.</summary>
    public const int MaxKeyBytes = 1024;

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        foreach (Match match in AddressKeys().Matches(Uri.UnescapeDataString(request.Uri.Path)))
        {
            Check(match.Groups["pk"].Value.Replace("''", "'"));
            Check(match.Groups["rk"].Value.Replace("''", "'"));
        }
        if (request.Content is { } content && request.Method != RequestMethod.Get)
        {
            using var buffer = new MemoryStream();
            content.WriteTo(buffer, CancellationToken.None);
            if (buffer.Length > MaxTransactionBytes)
            {
                throw new StorageLimitException($"One change may write at most 4 MiB; this one would write {buffer.Length / (1024 * 1024.0):0.#} MiB.");
            }
            var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            CheckSizes(body);
            foreach (Match match in BodyKeys().Matches(body))
            {
                Check(JsonSerializer.Deserialize<string>("\"" + match.Groups["value"].Value + "\"")!);
            }
            // Inside a transaction the updates and deletes name their entity in a sub-request's address.
            foreach (Match match in AddressKeys().Matches(Uri.UnescapeDataString(body)))
            {
                Check(match.Groups["pk"].Value.Replace("''", "'"));
                Check(match.Groups["rk"].Value.Replace("''", "'"));
            }
        }
    }

    public const int MaxPropertyBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>Each entity in the body (the whole body of an insert or update; one line per entity in a transaction).</summary>
    private static void CheckSizes(string body)
    {
        var trimmed = body.TrimStart();
        var entities = trimmed.StartsWith('{') ? [trimmed] : body.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{') && l.EndsWith('}'));
        foreach (var json in entities)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException)
            {
                continue; // Not an entity (the storage service parses what we send; this only measures it).
            }
            using (document)
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && Problem(document.RootElement) is { } reason)
                {
                    throw new StorageLimitException(reason);
                }
            }
        }
    }

    /// <summary>Why Azure would refuse this entity's size, or null when it fits (sizes as Azure counts them).</summary>
    public static string? Problem(JsonElement entity)
    {
        long total = 4;
        foreach (var property in entity.EnumerateObject())
        {
            if (property.Name.Contains("@odata.", StringComparison.Ordinal))
            {
                continue;
            }
            var binary = entity.TryGetProperty(property.Name + "@odata.type", out var type) && type.GetString() == "Edm.Binary";
            long size = property.Value.ValueKind switch
            {
                JsonValueKind.String when binary => DecodedLength(property.Value.GetString()!),
                JsonValueKind.String => property.Value.GetString()!.Length * 2L + 4,
                _ => 8,
            };
            if (size > MaxPropertyBytes)
            {
                return $"'{property.Name}' would hold {size / 1024.0:0.#} KiB; one field may hold at most 64 KiB.";
            }
            total += 8 + property.Name.Length * 2L + size;
        }
        return total > MaxEntityBytes ? $"The record would be {total / 1024.0:0.#} KiB; one record may be at most 1 MiB." : null;
    }

    private static long DecodedLength(string base64) => base64.Length * 3L / 4 - base64[^Math.Min(2, base64.Length)..].Count(c => c == '=');

    /// <summary>Why Azure would refuse this key, or null when it is a valid key.</summary>
    public static string? Problem(string key)
    {
        if (key.Length * 2 > MaxKeyBytes)
        {
            return "A key may be at most 1 KiB.";
        }
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
            {
                return "A key may not contain '/', '\\', '#', '?' or control characters.";
            }
        }
        return null;
    }

    private static void Check(string key)
    {
        if (Problem(key) is { } reason)
        {
            throw new UnsafeStorageKeyException(reason);
        }
    }

    [GeneratedRegex(@"\(PartitionKey='(?<pk>(?:[^']|'')*)',\s*RowKey='(?<rk>(?:[^']|'')*)'\)")]
    private static partial Regex AddressKeys();

    [GeneratedRegex("\"(?:PartitionKey|RowKey)\"\\s*:\\s*\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex BodyKeys();
}
