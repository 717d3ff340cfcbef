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
/// The one place where every value that becomes a table key is checked, whichever store or route built it: a pipeline
/// policy on the table client that reads the keys of each outgoing request (in the address of a point read, update or
/// delete, and in the body of an insert or an entity-group transaction) and refuses what Azure refuses — '/', '\', '#',
/// '?', control characters, more than 1 KiB — before it is sent. Azurite accepts most of these, so without this a key
/// that works in every test could fail only in production. Stores may still check early (<see cref="TableKeys.IsSafe"/>)
/// to answer "not found" without a request; this guard is what no route can forget.
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
            var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
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
