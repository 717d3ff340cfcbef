using Azure.Data.Tables;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Documents;

// Documents from supplier live in ONE table, in the counterparty's partition like its orders: per document a row
// read by id ("doc:{type}:{id}", one point read) and a list row ("dlist:{type}:{newest-first date}:{id}"), written
// together, so a list page is one single-partition range query whatever the history. DocumentStore is the only code
// that knows these keys; each document type (quotations today) keeps its own entity and service.

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

    public static string ListPrefix(string type) => $"dlist:{type}:";

    public static string List(string type, DateOnly date, string id) => $"{ListPrefix(type)}{TableKeys.NewestFirst(date)}:{id}";
}

/// <summary>What every document row has: an opaque id, the company's number, the document date, and where its list row is.</summary>
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

    public async Task<T?> ReadAsync<T>(CounterpartyScope scope, string type, string id, CancellationToken cancellationToken) where T : DocumentRow
    {
        if (!TableKeys.IsSafe(id))
        {
            return null;
        }
        var response = await _table.GetEntityIfExistsAsync<T>(scope.CounterpartyId, DocumentKeys.Document(type, id), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>One page of a document type, newest first, dated between two dates (both included).</summary>
    public Task<ListPage<TView>> ListAsync<T, TView>(CounterpartyScope scope, string type, DateOnly? from, DateOnly? to, string? continuation, int? pageSize,
        Func<T, TView> toView, CancellationToken cancellationToken) where T : DocumentRow
    {
        var (lower, upper) = TableKeys.NewestFirstRange(DocumentKeys.ListPrefix(type), from, to);
        return PagedQuery.ReadAsync(_table, PagedQuery.Range(scope.CounterpartyId, lower, upper), continuation, pageSize, toView, cancellationToken);
    }

    /// <summary>
    /// Creates or replaces a document and its list row in one transaction (moving the list row when the date changed).
    /// <paramref name="row"/> builds the entity for a given RowKey, so the same data is written under both keys.
    /// </summary>
    public async Task UpsertAsync<T>(CounterpartyScope scope, string type, string id, DateOnly date, Func<string, T> row, CancellationToken cancellationToken)
        where T : DocumentRow
    {
        var old = await ReadAsync<T>(scope, type, id, cancellationToken);
        var listRowKey = DocumentKeys.List(type, date, id);
        var document = row(DocumentKeys.Document(type, id));
        var listRow = row(listRowKey);
        foreach (var entity in new[] { document, listRow })
        {
            entity.PartitionKey = scope.CounterpartyId;
            entity.DocumentId = id;
            entity.ListRowKey = listRowKey;
        }
        var change = new EntityGroup(scope.CounterpartyId).Upsert(document).Upsert(listRow);
        if (old is not null && old.ListRowKey != listRowKey)
        {
            change.Delete(old.ListRowKey);
        }
        await change.SubmitAsync(_table, cancellationToken);
    }
}
