using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Shared.Files;

/// <summary>
/// The file types the portal stores and serves, by extension. The content type a file is served with always comes
/// from here, never from the uploader, so nothing is ever served as HTML or script.
/// </summary>
public static class FileTypes
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = "application/pdf",
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["gif"] = "image/gif",
        ["webp"] = "image/webp",
        ["doc"] = "application/msword",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xls"] = "application/vnd.ms-excel",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["ppt"] = "application/vnd.ms-powerpoint",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["odt"] = "application/vnd.oasis.opendocument.text",
        ["ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        ["csv"] = "text/csv",
        ["txt"] = "text/plain",
        ["zip"] = "application/zip",
    };

    /// <summary>The content type a file of this extension is served as, or null when the portal does not take it.</summary>
    public static string? ContentTypeOf(string extension) => ContentTypes.GetValueOrDefault(extension);

    /// <summary>The lower-case extension of a file or blob name ("" when it has none).</summary>
    public static string ExtensionOf(string name)
    {
        var file = name[(name.LastIndexOf('/') + 1)..];
        var dot = file.LastIndexOf('.');
        return dot <= 0 ? "" : file[(dot + 1)..].ToLowerInvariant();
    }

    /// <summary>
    /// Whether the content starts the way a file of this extension does, so that a renamed executable or HTML page
    /// is not stored as a "photo". Text types must be free of NUL bytes.
    /// </summary>
    public static bool ContentMatches(string extension, ReadOnlySpan<byte> content) => extension.ToLowerInvariant() switch
    {
        "pdf" => content.StartsWith("%PDF-"u8),
        "png" => content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
        "jpg" or "jpeg" => content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        "gif" => content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8),
        "webp" => content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8),
        "docx" or "xlsx" or "pptx" or "odt" or "ods" or "zip" => content.StartsWith("PK\u0003\u0004"u8),
        "doc" or "xls" or "ppt" => content.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }),
        "csv" or "txt" => !content.Contains((byte)0),
        _ => false,
    };
}

/// <summary>What a feature accepts as attachments: which extensions, how large, how many per thing.</summary>
public sealed record AttachmentPolicy(string Description, IReadOnlyList<string> Extensions, long MaxBytes, int MaxFiles)
{
    public const long TenMegabytes = 10L * 1024 * 1024;

    /// <summary>Photos and scans: images or PDF.</summary>
    public static readonly AttachmentPolicy ImagesAndPdf = new("images (PNG, JPEG, GIF, WebP) or PDF", ["png", "jpg", "jpeg", "gif", "webp", "pdf"], TenMegabytes, 5);

    /// <summary>What a conversation may carry: images, PDF, CSV, text and Office documents.</summary>
    public static readonly AttachmentPolicy Documents = new("images, PDF, CSV, text or Office documents",
        ["png", "jpg", "jpeg", "gif", "webp", "pdf", "csv", "txt", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods"], TenMegabytes, 10);

    public bool Accepts(string extension) => Extensions.Contains(extension.ToLowerInvariant());
}

/// <summary>A file as its owner's row keeps it (a JSON column): the blob is found from the owner and the id.</summary>
public sealed record StoredAttachment(string Id, string FileName, string Extension, string ContentType, long Size, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>A file as the API shows it; it is downloaded from its owner's route by id.</summary>
public sealed record AttachmentView(string Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt)
{
    public static AttachmentView Of(StoredAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt);
}

/// <summary>An uploaded file, read whole and checked, not stored yet.</summary>
public sealed record IncomingFile(string FileName, string Extension, string ContentType, BinaryData Content);

/// <summary>
/// Files that signed-in users attach to their company's things (an RMA request's photos, a support message's files),
/// in the <c>attachments</c> container under <c>{counterpartyId}/{owner}/{id}</c>, so a counterparty's files share a
/// prefix and the owner names where they belong. The body is the file itself (<c>Content-Type</c> its type, the name
/// in the <c>fileName</c> query value); the feature records the <see cref="StoredAttachment"/> in its own row after the
/// blob is written. An id derived from the <c>Idempotency-Key</c> makes a retried upload overwrite the same blob and
/// find itself already recorded; a blob whose owner row was never updated (a crash in between) is invisible.
/// </summary>
public sealed class Attachments(BlobServiceClient blobs, DownloadLinks links, TimeProvider clock)
{
    public const string Container = "attachments";

    /// <summary>Reads and checks the request's file: name, type, size and content; every refusal is a 4xx.</summary>
    public static async Task<IncomingFile> ReadAsync(HttpRequest request, AttachmentPolicy policy, CancellationToken cancellationToken)
    {
        var fileName = CleanFileName(request.QueryValue("fileName"));
        if (fileName is null)
        {
            throw Problems.Validation("fileName", "Give the file's name (1–200 characters) in the fileName query value.");
        }
        var extension = FileTypes.ExtensionOf(fileName);
        if (!policy.Accepts(extension) || FileTypes.ContentTypeOf(extension) is not { } contentType)
        {
            throw new PortalProblemException(415, Problems.TypeBase + "unsupported-media-type", "This type of file is not accepted.",
                $"Attach {policy.Description}.");
        }
        if (request.ContentLength > policy.MaxBytes)
        {
            throw Problems.BodyTooLarge(policy.MaxBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > policy.MaxBytes)
            {
                throw Problems.BodyTooLarge(policy.MaxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            throw Problems.Validation("file", "The file is empty.");
        }
        if (!FileTypes.ContentMatches(extension, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            throw Problems.Validation("file", $"The content is not a .{extension} file.");
        }
        return new IncomingFile(fileName, extension, contentType, new BinaryData(buffer.ToArray()));
    }

    /// <summary>
    /// The attachment's id: derived from the Idempotency-Key when one was sent (a retry stores the same file under
    /// the same id), otherwise new.
    /// </summary>
    public static string IdFor(CounterpartyScope scope, string owner, string? idempotencyKey) =>
        idempotencyKey is null ? Guid.NewGuid().ToString("N") : StableId.From(scope.CounterpartyId, owner, idempotencyKey);

    /// <summary>Writes the file's blob (overwriting the same id's) and returns what the owner's row records.</summary>
    public async Task<StoredAttachment> SaveAsync(CounterpartyScope scope, string owner, string id, IncomingFile file, string uploadedBy,
        CancellationToken cancellationToken)
    {
        var blob = Blob(scope, owner, id);
        await blob.UploadAsync(file.Content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType },
        }, cancellationToken);
        return new StoredAttachment(id, file.FileName, file.Extension, file.ContentType, file.Content.ToMemory().Length, clock.GetUtcNow(), uploadedBy);
    }

    /// <summary>A five-minute read-only link that saves the file under its name.</summary>
    public Task<Uri> LinkAsync(CounterpartyScope scope, string owner, StoredAttachment attachment, CancellationToken cancellationToken) =>
        links.ForAsync(Container, BlobName(scope, owner, attachment.Id), attachment.FileName, cancellationToken);

    /// <summary>Deletes the file's blob; a file already gone is fine.</summary>
    public async Task DeleteAsync(CounterpartyScope scope, string owner, string id, CancellationToken cancellationToken)
    {
        try
        {
            await Blob(scope, owner, id).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    public static string BlobName(CounterpartyScope scope, string owner, string id)
    {
        if (!owner.Split('/').All(part => TableKeys.IsSafe(part)) || !TableKeys.IsSafe(id))
        {
            throw new ArgumentException("The owner and id must be safe names.");
        }
        return $"{scope.CounterpartyId}/{owner}/{id}";
    }

    private BlobClient Blob(CounterpartyScope scope, string owner, string id) =>
        blobs.GetBlobContainerClient(Container).GetBlobClient(BlobName(scope, owner, id));

    /// <summary>A file name as shown and saved: no path, no control characters, trimmed, 1–200 characters; null when none is left.</summary>
    public static string? CleanFileName(string? name)
    {
        if (name is null)
        {
            return null;
        }
        var file = name[(Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\')) + 1)..];
        var clean = new string(file.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length is 0 or > 200 || clean.Trim('.').Length == 0 ? null : clean;
    }
}
