using System.IO.Compression;
using System.Text.Json;

namespace Portal.Core.Shared.Tables;

/// <summary>
/// A long list (a 500-line invoice) kept in a row. Table Storage allows 64 KiB per property and 1 MiB per entity:
/// a short list is plain JSON in one string property; a long one is JSON compressed with GZip and cut into binary
/// properties of at most 64 KiB each (up to <see cref="MaxChunks"/>), so the row stays one point read. Line data is
/// repetitive (same units, similar names), so it compresses several times over: a 500-line invoice fits in one chunk.
/// </summary>
public static class CompressedJsonColumn
{
    /// <summary>Plain JSON up to this many characters (UTF-16, so 64 KiB on the wire for Table Storage's string limit).</summary>
    public const int MaxPlainChars = 30_000;
    public const int ChunkBytes = 64 * 1024;
    public const int MaxChunks = 4;

    /// <summary>The stored form: plain JSON, or compressed chunks; null when it cannot fit.</summary>
    public static (string? Json, byte[][] Chunks)? Write<T>(IReadOnlyList<T> items)
    {
        var json = JsonSerializer.Serialize(items, PortalJson.Options);
        if (json.Length <= MaxPlainChars)
        {
            return (json, []);
        }
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, items, PortalJson.Options);
        }
        var compressed = buffer.ToArray();
        return compressed.Length > ChunkBytes * MaxChunks ? null : (null, compressed.Chunk(ChunkBytes).ToArray());
    }

    public static List<T> Read<T>(string? json, params byte[]?[] chunks)
    {
        if (!string.IsNullOrEmpty(json))
        {
            return JsonColumn.Read<T>(json);
        }
        var present = chunks.Where(c => c is { Length: > 0 }).ToList();
        if (present.Count == 0)
        {
            return [];
        }
        using var gzip = new GZipStream(new MemoryStream(present.SelectMany(c => c!).ToArray()), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<List<T>>(gzip, PortalJson.Options) ?? [];
    }
}
