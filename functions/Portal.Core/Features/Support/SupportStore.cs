using Azure;
using Azure.Data.Tables;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Support;

/// <summary>The Support table: the only code that knows its keys (see <see cref="SupportKeys"/>).</summary>
public sealed class SupportStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(SupportTables.Support);

    public EntityGroup NewChange(CounterpartyScope scope) => new(scope.CounterpartyId);

    /// <summary>Submits a change whose first action is the request row and returns that row's new ETag.</summary>
    public async Task<ETag> SubmitAsync(EntityGroup change, CancellationToken cancellationToken)
    {
        var response = await _table.SubmitTransactionAsync(change.Actions, cancellationToken);
        return response.Value[0].Headers.ETag ?? default;
    }

    public Task<(T Result, bool Created)> CreateOnceAsync<T>(CounterpartyScope scope, string userId, string? idempotencyKey, IEnumerable<string?> fingerprint,
        Func<CancellationToken, Task<(EntityGroup Change, string ResourceId, T Result)>> create, Func<string, CancellationToken, Task<T>> replay,
        CancellationToken cancellationToken) =>
        Idempotency.CreateOnceAsync(_table, scope, userId, idempotencyKey, fingerprint, create, replay, cancellationToken);

    public Task<SupportRequestEntity?> ReadRequestAsync(CounterpartyScope scope, string requestId, CancellationToken cancellationToken) =>
        TableKeys.IsSafe(requestId) ? ReadAsync<SupportRequestEntity>(scope.CounterpartyId, SupportKeys.Request(requestId), cancellationToken)
            : Task.FromResult<SupportRequestEntity?>(null);

    public Task<SupportMessageEntity?> ReadMessageAsync(CounterpartyScope scope, string requestId, string messageId, CancellationToken cancellationToken) =>
        TableKeys.IsSafe(requestId) && TableKeys.IsSafe(messageId)
            ? ReadAsync<SupportMessageEntity>(scope.CounterpartyId, SupportKeys.Message(requestId, messageId), cancellationToken)
            : Task.FromResult<SupportMessageEntity?>(null);

    public async Task ReplaceAsync(TableRow row, CancellationToken cancellationToken) =>
        await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);

    /// <summary>One page of the counterparty's requests: active first, then closed; newest activity first within each.</summary>
    public Task<ListPage<T>> ListAsync<T>(CounterpartyScope scope, SupportStatus? status, string? continuation, int? pageSize,
        Func<SupportListEntity, T> toView, CancellationToken cancellationToken)
    {
        var filter = PagedQuery.Range(scope.CounterpartyId, SupportKeys.ListPrefix, NextPrefix(SupportKeys.ListPrefix));
        if (status is { } s)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {s.ToString()}");
        }
        return PagedQuery.ReadAsync(_table, filter, continuation, pageSize, toView, cancellationToken);
    }

    /// <summary>The requests linked to one document or order (the index rows written with each change of a request).</summary>
    public Task<ListPage<T>> ListLinkedAsync<T>(CounterpartyScope scope, string type, string linkId, string? continuation, int? pageSize,
        Func<SupportListEntity, T> toView, CancellationToken cancellationToken)
    {
        var prefix = SupportKeys.LinkPrefix(type, linkId);
        return PagedQuery.ReadAsync(_table, PagedQuery.Range(scope.CounterpartyId, prefix, NextPrefix(prefix)), continuation, pageSize, toView, cancellationToken);
    }

    /// <summary>A page of a request's messages, newest first.</summary>
    public Task<ListPage<T>> MessagesAsync<T>(CounterpartyScope scope, string requestId, string? continuation, int? pageSize,
        Func<SupportMessageEntity, T> toView, CancellationToken cancellationToken)
    {
        var prefix = SupportKeys.MessagePrefix(requestId);
        return PagedQuery.ReadAsync(_table, PagedQuery.Range(scope.CounterpartyId, prefix, NextPrefix(prefix)), continuation, pageSize, toView, cancellationToken);
    }

    public Task<SupportSeenEntity?> ReadSeenAsync(CounterpartyScope scope, string userId, CancellationToken cancellationToken) =>
        ReadAsync<SupportSeenEntity>(scope.CounterpartyId, SupportKeys.Seen(userId), cancellationToken);

    /// <summary>Saves a read marker: added when new, replaced with its ETag otherwise (409/412 when someone was quicker).</summary>
    public async Task SaveSeenAsync(SupportSeenEntity seen, bool isNew, CancellationToken cancellationToken)
    {
        if (isNew)
        {
            await _table.AddEntityAsync(seen, cancellationToken);
        }
        else
        {
            await _table.UpdateEntityAsync(seen, seen.ETag, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>One page of the staff desk, with the filters applied by the table service within the desk partition.</summary>
    public Task<ListPage<T>> DeskAsync<T>(SupportDeskQuery query, string? continuation, int? pageSize, Func<SupportListEntity, T> toView,
        CancellationToken cancellationToken)
    {
        var filter = PagedQuery.Range(SupportKeys.DeskPartition, SupportKeys.DeskPrefix, NextPrefix(SupportKeys.DeskPrefix));
        if (query.Status is { } status)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }
        if (query.CounterpartyId is { } counterpartyId)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CounterpartyId eq {counterpartyId}");
        }
        if (query.Category is { } category)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Category eq {category.ToString()}");
        }
        if (query.LinkedType is { } linkedType)
        {
            filter += " and " + TableClient.CreateQueryFilter($"LinkType eq {linkedType}");
        }
        if (query.AssignedTo is { } assignedTo)
        {
            filter += " and " + TableClient.CreateQueryFilter($"AssignedToUserId eq {(assignedTo == "none" ? "" : assignedTo)}");
        }
        return PagedQuery.ReadAsync(_table, filter, continuation, pageSize, toView, cancellationToken);
    }

    /// <summary>
    /// Brings the desk up to date with the request: writes its current desk row, removes the one of the change before,
    /// then records that the desk is in step (only if the request has not changed meanwhile; else its next writer does).
    /// Each step is idempotent, so running it twice, or again after a crash, ends the same.
    /// </summary>
    public async Task SyncDeskAsync(SupportRequestEntity request, CancellationToken cancellationToken)
    {
        var row = new SupportListEntity { PartitionKey = SupportKeys.DeskPartition, RowKey = request.DeskRowKey };
        request.CopyTo(row);
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        if (request.DeskStaleKey.Length > 0 && request.DeskStaleKey != request.DeskRowKey)
        {
            try
            {
                await _table.DeleteEntityAsync(SupportKeys.DeskPartition, request.DeskStaleKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }
        try
        {
            var merged = await _table.UpdateEntityAsync(new TableEntity(request.PartitionKey, request.RowKey)
            {
                [nameof(SupportRequestEntity.DeskSynced)] = true,
                [nameof(SupportRequestEntity.DeskStaleKey)] = "",
            }, request.ETag, TableUpdateMode.Merge, cancellationToken);
            request.ETag = merged.Headers.ETag ?? request.ETag;
            request.DeskSynced = true;
            request.DeskStaleKey = "";
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Changed since: that change syncs the desk again.
        }
    }

    /// <summary>Reserves the next request number from the company-wide counter.</summary>
    public Task<long> ReserveNumberAsync(CancellationToken cancellationToken) =>
        NumberCounter.ReserveAsync(_table, SupportKeys.CounterPartition, SupportKeys.RequestCounter, 1, cancellationToken);

    private async Task<T?> ReadAsync<T>(string partition, string rowKey, CancellationToken cancellationToken) where T : class, ITableEntity
    {
        var response = await _table.GetEntityIfExistsAsync<T>(partition, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The first key after every key that starts with <paramref name="prefix"/> (its last character plus one).</summary>
    private static string NextPrefix(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
