using Azure;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared;
using Portal.Core.Shared.Files;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Documents;

/// <summary>What a blob name in the documents container says, or why it cannot be used.</summary>
public sealed record DocumentBlobName(string CounterpartyId, string Type, string Number, string Extension);

/// <summary>
/// The rules for files the supplier uploads straight into Blob Storage: the naming convention of the documents
/// container, the file types and the size limit. Pure, so every rejection reason is unit-tested.
/// </summary>
public static class SupplierFileRules
{
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>The content type a file of this extension is served as, or null when the type is not accepted.</summary>
    public static string? ContentTypeOf(string extension) => FileTypes.ContentTypeOf(extension);

    public static string ExtensionOf(string name) => FileTypes.ExtensionOf(name);

    /// <summary>Parses "{counterpartyId}/{type}/{number}.{ext}"; the reason comes back when the name does not fit.</summary>
    public static (DocumentBlobName? Name, string? Reason) ParseDocumentBlob(string blobName)
    {
        var parts = blobName.Split('/');
        if (parts.Length != 3)
        {
            return (null, "The name must be {counterpartyId}/{type}/{number}.{extension}.");
        }
        var (counterparty, type, file) = (parts[0], parts[1], parts[2]);
        if (!Shared.Tables.TableKeys.IsSafe(counterparty))
        {
            return (null, "The counterparty id is not valid.");
        }
        if (!DocumentTypes.IsKnown(type))
        {
            return (null, $"'{type}' is not a document type; use one of {string.Join(", ", DocumentTypes.All)}.");
        }
        var dot = file.LastIndexOf('.');
        if (dot <= 0)
        {
            return (null, "The file name needs an extension, e.g. INV-2026-0001.pdf.");
        }
        var number = file[..dot];
        var errors = new ValidationErrors();
        DocumentNumbers.Validate(errors, "number", number);
        if (!errors.IsEmpty)
        {
            return (null, $"'{number}' is not a document number: use letters, digits, '-', '_' or '.'.");
        }
        var extension = file[(dot + 1)..].ToLowerInvariant();
        return ContentTypeOf(extension) is null
            ? (null, $"Files of type .{extension} are not accepted; use PDF, images, Office documents, CSV, text or ZIP.")
            : (new DocumentBlobName(counterparty, type, number, extension), null);
    }

    public static string? CheckSize(long size) =>
        size > MaxBytes ? $"The file is {size / (1024 * 1024)} MB; files may be at most {MaxBytes / (1024 * 1024)} MB." : null;
}

/// <summary>
/// Handles the Event Grid events of the two supplier containers, from the blob-events queue: a document's file becomes
/// downloadable, a material appears in Materials, an upload that breaks the rules is listed for staff and stays
/// invisible to customers. Each event is checked against the blob as it is now, so a redelivered, late or reordered
/// event ends in the same state.
/// </summary>
public sealed class SupplierFiles(DocumentStore store, BlobServiceClient blobs, AccountService accounts, TimeProvider clock, ILogger<SupplierFiles> logger)
{
    public const string BlobCreated = "Microsoft.Storage.BlobCreated";
    public const string BlobDeleted = "Microsoft.Storage.BlobDeleted";

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var gridEvent = EventGridEvent.Parse(BinaryData.FromString(message));
        if (gridEvent.EventType is not (BlobCreated or BlobDeleted))
        {
            logger.LogInformation("Ignored event {EventType} for {Subject}", gridEvent.EventType, gridEvent.Subject);
            return;
        }
        // "/blobServices/default/containers/{container}/blobs/{name}"; the name may itself contain '/'.
        const string containers = "/blobServices/default/containers/";
        var subject = gridEvent.Subject ?? "";
        var blobsAt = subject.IndexOf("/blobs/", StringComparison.Ordinal);
        if (!subject.StartsWith(containers, StringComparison.Ordinal) || blobsAt < 0)
        {
            logger.LogWarning("Ignored a blob event with an unexpected subject {Subject}", subject);
            return;
        }
        var container = subject[containers.Length..blobsAt];
        var blobName = Uri.UnescapeDataString(subject[(blobsAt + "/blobs/".Length)..]);
        var blob = blobs.GetBlobContainerClient(container).GetBlobClient(blobName);
        Azure.Storage.Blobs.Models.BlobProperties? properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            properties = null; // Deleted since (or this is the delete event): what counts is that it is gone.
        }

        switch (container)
        {
            case DocumentsTables.DocumentsContainer:
                await DocumentFileAsync(blobName, properties, cancellationToken);
                break;
            case DocumentsTables.MaterialsContainer:
                await MaterialAsync(blobName, properties, cancellationToken);
                break;
            default:
                logger.LogInformation("Ignored a blob event of container {Container}", container);
                break;
        }
    }

    public async Task<ItemList<RejectedFileView>> ListRejectedAsync(CancellationToken cancellationToken) =>
        new((await store.ListRejectedAsync(cancellationToken)).OrderByDescending(r => r.At)
            .Select(r => new RejectedFileView(r.Container, r.BlobName, r.Reason, r.Size, r.At)).ToList());

    private async Task DocumentFileAsync(string blobName, Azure.Storage.Blobs.Models.BlobProperties? properties, CancellationToken cancellationToken)
    {
        var rejectionKey = StableId.From(DocumentsTables.DocumentsContainer, blobName);
        var (name, reason) = SupplierFileRules.ParseDocumentBlob(blobName);
        if (properties is null)
        {
            await store.DeleteRejectedAsync(rejectionKey, cancellationToken);
            if (name is not null)
            {
                var scope = CounterpartyScope.OfWork(name.CounterpartyId);
                await store.DeleteFileAsync(scope, name.Type, DocumentKeys.Id(name.CounterpartyId, name.Type, name.Number), blobName, cancellationToken);
                logger.LogInformation("File {BlobName} removed", blobName);
            }
            return;
        }
        reason ??= SupplierFileRules.CheckSize(properties.ContentLength);
        if (reason is null && !await CounterpartyExistsAsync(name!.CounterpartyId, cancellationToken))
        {
            reason = $"There is no counterparty '{name.CounterpartyId}'.";
        }
        if (reason is not null)
        {
            await RejectAsync(DocumentsTables.DocumentsContainer, blobName, rejectionKey, reason, properties.ContentLength, cancellationToken);
            return;
        }
        var id = DocumentKeys.Id(name!.CounterpartyId, name.Type, name.Number);
        await store.UpsertFileAsync(new DocumentFileEntity
        {
            PartitionKey = name.CounterpartyId,
            RowKey = DocumentKeys.File(name.Type, id),
            BlobName = blobName,
            ContentType = SupplierFileRules.ContentTypeOf(name.Extension)!,
            Size = properties.ContentLength,
            Extension = name.Extension,
            BlobETag = properties.ETag.ToString(),
            UploadedAt = properties.LastModified,
        }, cancellationToken);
        await store.DeleteRejectedAsync(rejectionKey, cancellationToken);
        logger.LogInformation("File {BlobName} is the file of {Type} {Number}", blobName, name.Type, name.Number);
    }

    private async Task MaterialAsync(string blobName, Azure.Storage.Blobs.Models.BlobProperties? properties, CancellationToken cancellationToken)
    {
        var id = StableId.From("material", blobName);
        var rejectionKey = StableId.From(DocumentsTables.MaterialsContainer, blobName);
        if (properties is null)
        {
            await store.DeleteMaterialAsync(id, cancellationToken);
            await store.DeleteRejectedAsync(rejectionKey, cancellationToken);
            logger.LogInformation("Material {BlobName} removed", blobName);
            return;
        }
        var extension = SupplierFileRules.ExtensionOf(blobName);
        var reason = SupplierFileRules.ContentTypeOf(extension) is null
            ? $"Files of type .{extension} are not accepted; use PDF, images, Office documents, CSV, text or ZIP."
            : SupplierFileRules.CheckSize(properties.ContentLength);
        if (reason is not null)
        {
            await store.DeleteMaterialAsync(id, cancellationToken);
            await RejectAsync(DocumentsTables.MaterialsContainer, blobName, rejectionKey, reason, properties.ContentLength, cancellationToken);
            return;
        }
        var metadata = new Dictionary<string, string>(properties.Metadata, StringComparer.OrdinalIgnoreCase);
        var fileName = blobName[(blobName.LastIndexOf('/') + 1)..];
        await store.UpsertMaterialAsync(new MaterialEntity
        {
            PartitionKey = DocumentKeys.MaterialsPartition,
            RowKey = DocumentKeys.Material(id),
            MaterialId = id,
            BlobName = blobName,
            Title = metadata.TryGetValue("title", out var title) && !string.IsNullOrWhiteSpace(title) ? title.Trim() : fileName,
            Description = metadata.TryGetValue("description", out var description) && !string.IsNullOrWhiteSpace(description) ? description.Trim() : null,
            AccessGroups = metadata.TryGetValue("accessgroups", out var groups)
                ? string.Join(',', groups.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                : "",
            ContentType = SupplierFileRules.ContentTypeOf(extension)!,
            Size = properties.ContentLength,
            BlobETag = properties.ETag.ToString(),
            UpdatedAt = properties.LastModified,
        }, cancellationToken);
        await store.DeleteRejectedAsync(rejectionKey, cancellationToken);
        logger.LogInformation("Material {BlobName} published", blobName);
    }

    private async Task RejectAsync(string container, string blobName, string key, string reason, long size, CancellationToken cancellationToken)
    {
        logger.LogWarning("Upload {Container}/{BlobName} was not accepted: {Reason}", container, blobName, reason);
        await store.UpsertRejectedAsync(new RejectedFileEntity
        {
            PartitionKey = DocumentKeys.RejectedPartition, RowKey = key, Container = container, BlobName = blobName, Reason = reason, Size = size,
            At = clock.GetUtcNow(),
        }, cancellationToken);
    }

    private async Task<bool> CounterpartyExistsAsync(string counterpartyId, CancellationToken cancellationToken)
    {
        try
        {
            await accounts.GetCounterpartyAsync(counterpartyId, cancellationToken);
            return true;
        }
        catch (PortalProblemException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
