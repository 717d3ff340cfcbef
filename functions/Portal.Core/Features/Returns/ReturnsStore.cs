using Azure;
using Azure.Data.Tables;
using Portal.Core.Features.Documents;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Returns;

/// <summary>
/// The Returns table: the only code that knows its keys. Services read single rows through it and hand it the
/// <see cref="EntityGroup"/> of each change; everything a counterparty asks to return is in that counterparty's partition.
/// </summary>
public sealed class ReturnsStore(TableServiceClient tables) : IRmaNumbers
{
    private readonly TableClient _table = tables.GetTableClient(ReturnsTables.Returns);

    public EntityGroup NewChange(CounterpartyScope scope) => new(scope.CounterpartyId);

    public Task SubmitAsync(EntityGroup change, CancellationToken cancellationToken) => change.SubmitAsync(_table, cancellationToken);

    public Task<(T Result, bool Created)> CreateOnceAsync<T>(CounterpartyScope scope, string userId, string? idempotencyKey, IEnumerable<string?> fingerprint,
        Func<CancellationToken, Task<(EntityGroup Change, string ResourceId, T Result)>> create, Func<string, CancellationToken, Task<T>> replay,
        CancellationToken cancellationToken) =>
        Idempotency.CreateOnceAsync(_table, scope, userId, idempotencyKey, fingerprint, create, replay, cancellationToken);

    public Task<RmaEntity?> ReadRmaAsync(CounterpartyScope scope, string rmaId, CancellationToken cancellationToken) =>
        TableKeys.IsSafe(rmaId) ? ReadAsync<RmaEntity>(scope, ReturnsKeys.Rma(rmaId), cancellationToken) : Task.FromResult<RmaEntity?>(null);

    /// <summary>The invoice's claims row, or a new (unsaved) one when no request has claimed anything of it yet.</summary>
    public async Task<RmaClaimsEntity> ReadClaimsAsync(CounterpartyScope scope, string invoiceId, CancellationToken cancellationToken) =>
        (TableKeys.IsSafe(invoiceId) ? await ReadAsync<RmaClaimsEntity>(scope, ReturnsKeys.Claims(invoiceId), cancellationToken) : null)
        ?? new RmaClaimsEntity { PartitionKey = scope.CounterpartyId, RowKey = ReturnsKeys.Claims(invoiceId) };

    /// <summary>Adds a new claims row (409 if one appeared meanwhile) or replaces the one read (412 if it changed).</summary>
    public static EntityGroup PutClaims(EntityGroup change, RmaClaimsEntity claims) =>
        claims.ETag == default ? change.Add(claims) : change.Replace(claims);

    /// <summary>One page of the counterparty's requests, newest first: drafts only, or everything sent.</summary>
    public Task<ListPage<T>> ListAsync<T>(CounterpartyScope scope, bool drafts, string? continuation, int? pageSize, Func<RmaListEntity, T> toView,
        CancellationToken cancellationToken) =>
        PagedQuery.ReadAsync(_table, ListFilter(scope, drafts), continuation, pageSize, toView, cancellationToken);

    /// <summary>Every sent request of the counterparty (the staff desk): one partition query.</summary>
    public async Task<List<RmaListEntity>> AllSentAsync(CounterpartyScope scope, CancellationToken cancellationToken) =>
        await _table.QueryAsync<RmaListEntity>(ListFilter(scope, drafts: false), cancellationToken: cancellationToken).ToListAsync(cancellationToken);

    public async Task<string?> FindRmaIdAsync(CounterpartyScope scope, string number, CancellationToken cancellationToken) =>
        TableKeys.IsSafe(number) ? (await ReadAsync<RmaNumberEntity>(scope, ReturnsKeys.RmaNumber(number), cancellationToken))?.RmaId : null;

    /// <summary>Reserves the next RMA number from the company-wide counter.</summary>
    public Task<long> ReserveNumberAsync(CancellationToken cancellationToken) =>
        NumberCounter.ReserveAsync(_table, ReturnsKeys.CounterPartition, ReturnsKeys.RmaCounter, 1, cancellationToken);

    private async Task<T?> ReadAsync<T>(CounterpartyScope scope, string rowKey, CancellationToken cancellationToken) where T : class, ITableEntity
    {
        var response = await _table.GetEntityIfExistsAsync<T>(scope.CounterpartyId, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static string ListFilter(CounterpartyScope scope, bool drafts)
    {
        var range = PagedQuery.Range(scope.CounterpartyId, ReturnsKeys.ListPrefix, ReturnsKeys.ListPrefix + "~");
        return range + " and " + (drafts
            ? TableClient.CreateQueryFilter($"Status eq {nameof(RmaStatus.Draft)}")
            : TableClient.CreateQueryFilter($"Status ne {nameof(RmaStatus.Draft)}"));
    }
}
