using Azure;
using Azure.Data.Tables;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Documents;

// Documents from supplier live in ONE table, in the counterparty's partition like its orders: per document a row
// read by id ("doc:{type}:{id}", one point read) and a list row ("dlist:{type}:{newest-first date}:{id}"), written
// together, so a list page is one single-partition range query whatever the history. DocumentStore is the only code
// that knows these keys. Right after each document, "doc:{type}:{id}:…" rows hold its file and the documents that name
// it, so a document page is ONE range query ("doc:{type}:{id}" up to "doc:{type}:{id};"): ids have a fixed length, so
// no other document falls inside. Materials and rejected uploads have partitions of their own.

public static class DocumentsTables
{
    public const string Documents = "Documents";

    /// <summary>Documents' files, uploaded by the supplier as {counterpartyId}/{type}/{number}.{ext}.</summary>
    public const string DocumentsContainer = "documents";

    /// <summary>Supplier materials (any blob name; metadata title, description, accessgroups).</summary>
    public const string MaterialsContainer = "materials";

    /// <summary>Blob-created and blob-deleted events of the two containers (Event Grid in Azure, LocalHost's watcher locally).</summary>
    public const string BlobEventsQueue = "blob-events";
}

public static class DocumentKeys
{
    public static string Document(string type, string id) => $"doc:{type}:{id}";

    /// <summary>The rows kept beside a document: its file and the documents that name it.</summary>
    public static string ExtrasPrefix(string type, string id) => $"doc:{type}:{id}:";

    /// <summary>The range that holds a document's row and the rows beside it, and nothing else.</summary>
    public static (string Lower, string Upper) WithExtras(string type, string id) => (Document(type, id), Document(type, id) + ";");

    public static string File(string type, string id) => ExtrasPrefix(type, id) + "file";

    public static string Backlink(string type, string id, string fromType, string fromId) => $"{ExtrasPrefix(type, id)}by:{fromType}:{fromId}";

    public const string MaterialsPartition = "materials";
    public static string Material(string id) => "material:" + id;

    public const string RejectedPartition = "rejected-files";

    public const string DisputesPartition = "reconciliation-disputes";
    public static string Dispute(string counterpartyId, string id) => counterpartyId + ":" + id;

    /// <summary>
    /// A document's id: derived from its counterparty, type and the company's number, so a re-sent upsert, a file that
    /// arrives before the data and a related-document link all name the same document without a lookup.
    /// </summary>
    public static string Id(string counterpartyId, string type, string number) => StableId.From("document", counterpartyId, type, number);

    public static string ListPrefix(string type) => $"dlist:{type}:";

    public static string List(string type, DateOnly date, string id) => $"{ListPrefix(type)}{TableKeys.NewestFirst(date)}:{id}";
}

/// <summary>What a document row has: an opaque id, the company's number, the document date, and where its list row is.</summary>
public abstract class DocumentRow : TableRow
{
    public string DocumentId { get; set; } = "";
    public string Number { get; set; } = "";
    public DateTime Date { get; set; }
    /// <summary>RowKey of the list row, which moves when the date changes and is written in the same transaction.</summary>
    public string ListRowKey { get; set; } = "";
}

public sealed class DocumentStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(DocumentsTables.Documents);

    public EntityGroup NewChange(CounterpartyScope scope) => new(scope.CounterpartyId);

    public Task SubmitAsync(EntityGroup change, CancellationToken cancellationToken) => change.SubmitAsync(_table, cancellationToken);

    public async Task<DocumentEntity?> ReadAsync(CounterpartyScope scope, string type, string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsSafe(id))
        {
            return null;
        }
        var response = await _table.GetEntityIfExistsAsync<DocumentEntity>(scope.CounterpartyId, DocumentKeys.Document(type, id), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>A document with the rows beside it (its file and the documents that name it): one range query.</summary>
    public Task<(DocumentEntity? Document, DocumentFileEntity? File, List<BacklinkEntity> Backlinks)> ReadWithExtrasAsync(CounterpartyScope scope,
        string type, string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsSafe(id))
        {
            return Task.FromResult<(DocumentEntity?, DocumentFileEntity?, List<BacklinkEntity>)>((null, null, []));
        }
        var (lower, upper) = DocumentKeys.WithExtras(type, id);
        return ReadRangeAsync(scope, type, id, lower, upper, cancellationToken);
    }

    /// <summary>The rows beside a document — its file and the documents that name it — in one range query, without the document.</summary>
    public async Task<(DocumentFileEntity? File, List<BacklinkEntity> Backlinks)> ReadExtrasAsync(CounterpartyScope scope, string type, string id,
        CancellationToken cancellationToken)
    {
        var prefix = DocumentKeys.ExtrasPrefix(type, id);
        var (_, file, backlinks) = await ReadRangeAsync(scope, type, id, prefix, prefix + "~", cancellationToken);
        return (file, backlinks);
    }

    private async Task<(DocumentEntity? Document, DocumentFileEntity? File, List<BacklinkEntity> Backlinks)> ReadRangeAsync(CounterpartyScope scope,
        string type, string id, string lower, string upper, CancellationToken cancellationToken)
    {
        DocumentEntity? document = null;
        DocumentFileEntity? file = null;
        var backlinks = new List<BacklinkEntity>();
        await foreach (var row in _table.QueryAsync<DocumentPageRow>(PagedQuery.Range(scope.CounterpartyId, lower, upper), cancellationToken: cancellationToken))
        {
            if (row.RowKey == DocumentKeys.Document(type, id))
            {
                document = row;
            }
            else if (row.RowKey == DocumentKeys.File(type, id))
            {
                file = new DocumentFileEntity
                {
                    PartitionKey = row.PartitionKey, RowKey = row.RowKey, ETag = row.ETag, BlobName = row.BlobName, ContentType = row.ContentType,
                    Size = row.Size, Extension = row.Extension, BlobETag = row.BlobETag, UploadedAt = row.UploadedAt,
                };
            }
            else
            {
                backlinks.Add(new BacklinkEntity { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Type = row.Type, Number = row.Number, Id = row.Id });
            }
        }
        return (document, file, backlinks);
    }

    /// <summary>Any row of a document's range: the document's own columns plus those of its file and backlink rows.</summary>
    private sealed class DocumentPageRow : DocumentEntity
    {
        public string BlobName { get; set; } = "";
        public string ContentType { get; set; } = "";
        public long Size { get; set; }
        public string Extension { get; set; } = "";
        public string BlobETag { get; set; } = "";
        public DateTimeOffset UploadedAt { get; set; }
        public string Id { get; set; } = "";
    }

    public async Task<DocumentFileEntity?> ReadFileAsync(CounterpartyScope scope, string type, string id, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<DocumentFileEntity>(scope.CounterpartyId, DocumentKeys.File(type, id), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public Task UpsertFileAsync(DocumentFileEntity file, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(file, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Removes the file row if it still names this blob version (a newer upload wins over an old delete).</summary>
    public async Task DeleteFileAsync(CounterpartyScope scope, string type, string id, string blobName, CancellationToken cancellationToken)
    {
        if (await ReadFileAsync(scope, type, id, cancellationToken) is { } file && file.BlobName == blobName)
        {
            await _table.DeleteEntityAsync(file.PartitionKey, file.RowKey, file.ETag, cancellationToken);
        }
    }

    /// <summary>One page of a document type, newest first, dated between two dates (both included), with an extra filter.</summary>
    public Task<ListPage<TView>> ListAsync<TView>(CounterpartyScope scope, string type, DateOnly? from, DateOnly? to, string? filter, string? continuation,
        int? pageSize, Func<DocumentEntity, TView> toView, CancellationToken cancellationToken) =>
        PagedQuery.ReadAsync(_table, ListFilter(scope, type, from, to, filter), continuation, pageSize, toView, cancellationToken);

    /// <summary>Every list row that matches, newest first, up to <paramref name="max"/> (the CSV export).</summary>
    public async Task<List<DocumentEntity>> ListAllAsync(CounterpartyScope scope, string type, DateOnly? from, DateOnly? to, string? filter, int max,
        CancellationToken cancellationToken)
    {
        var rows = new List<DocumentEntity>();
        await foreach (var row in _table.QueryAsync<DocumentEntity>(ListFilter(scope, type, from, to, filter), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count == max)
            {
                break;
            }
        }
        return rows;
    }

    public async Task<List<MaterialEntity>> ListMaterialsAsync(CancellationToken cancellationToken) =>
        await _table.QueryAsync<MaterialEntity>(PagedQuery.Range(DocumentKeys.MaterialsPartition, "material:", "material:~"), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);

    public async Task<MaterialEntity?> ReadMaterialAsync(string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsSafe(id))
        {
            return null;
        }
        var response = await _table.GetEntityIfExistsAsync<MaterialEntity>(DocumentKeys.MaterialsPartition, DocumentKeys.Material(id), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public Task UpsertMaterialAsync(MaterialEntity material, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(material, TableUpdateMode.Replace, cancellationToken);

    public Task DeleteMaterialAsync(string id, CancellationToken cancellationToken) =>
        _table.DeleteEntityAsync(DocumentKeys.MaterialsPartition, DocumentKeys.Material(id), ETag.All, cancellationToken);

    public Task UpsertRejectedAsync(RejectedFileEntity rejected, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(rejected, TableUpdateMode.Replace, cancellationToken);

    public Task DeleteRejectedAsync(string rowKey, CancellationToken cancellationToken) =>
        _table.DeleteEntityAsync(DocumentKeys.RejectedPartition, rowKey, ETag.All, cancellationToken);

    public async Task<List<RejectedFileEntity>> ListRejectedAsync(CancellationToken cancellationToken) =>
        await _table.QueryAsync<RejectedFileEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DocumentKeys.RejectedPartition}"), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);

    public Task UpsertDisputeAsync(DisputeEntity dispute, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(dispute, TableUpdateMode.Replace, cancellationToken);

    public async Task<List<DisputeEntity>> ListDisputesAsync(CancellationToken cancellationToken) =>
        await _table.QueryAsync<DisputeEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DocumentKeys.DisputesPartition}"), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);

    private static string ListFilter(CounterpartyScope scope, string type, DateOnly? from, DateOnly? to, string? filter)
    {
        var (lower, upper) = TableKeys.NewestFirstRange(DocumentKeys.ListPrefix(type), from, to);
        var range = PagedQuery.Range(scope.CounterpartyId, lower, upper);
        return filter is null ? range : $"{range} and ({filter})";
    }
}
