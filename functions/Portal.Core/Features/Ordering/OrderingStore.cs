using Azure;
using Azure.Data.Tables;
using Portal.Core.Features.Documents;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Ordering;

/// <summary>
/// The Orders table: the only code that knows its keys. Services read single rows through it and hand it the
/// <see cref="EntityGroup"/> of each change; everything a counterparty orders is in that counterparty's partition.
/// </summary>
public sealed class OrderingStore(TableServiceClient tables) : IOrderNumbers
{
    private readonly TableClient _table = tables.GetTableClient(OrderingTables.Orders);

    public EntityGroup NewChange(CounterpartyScope scope) => new(scope.CounterpartyId);

    public Task SubmitAsync(EntityGroup change, CancellationToken cancellationToken) => change.SubmitAsync(_table, cancellationToken);

    /// <summary>Replaces one row if it still has the ETag it was read with (412 otherwise) and returns the new ETag.</summary>
    public async Task<ETag> ReplaceAsync(TableRow row, CancellationToken cancellationToken)
    {
        var response = await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag ?? default;
    }

    /// <summary>Adds one row (409 if it exists) and returns its ETag.</summary>
    public async Task<ETag> AddAsync(TableRow row, CancellationToken cancellationToken)
    {
        var response = await _table.AddEntityAsync(row, cancellationToken);
        return response.Headers.ETag ?? default;
    }

    public Task<(T Result, bool Created)> CreateOnceAsync<T>(CounterpartyScope scope, string userId, string? idempotencyKey, IEnumerable<string?> fingerprint,
        Func<CancellationToken, Task<(EntityGroup Change, string ResourceId, T Result)>> create, Func<string, CancellationToken, Task<T>> replay,
        CancellationToken cancellationToken) =>
        Idempotency.CreateOnceAsync(_table, scope, userId, idempotencyKey, fingerprint, create, replay, cancellationToken);

    public Task<CartEntity?> ReadCartAsync(CounterpartyScope scope, string userId, CancellationToken cancellationToken) =>
        ReadAsync<CartEntity>(scope, OrderingKeys.Cart(userId), cancellationToken);

    public Task<FavouritesEntity?> ReadFavouritesAsync(CounterpartyScope scope, string userId, CancellationToken cancellationToken) =>
        ReadAsync<FavouritesEntity>(scope, OrderingKeys.Favourites(userId), cancellationToken);

    /// <summary>The newest orders' list rows (one range query), for "recently ordered".</summary>
    public async Task<List<OrderListEntity>> NewestOrdersAsync(CounterpartyScope scope, int count, CancellationToken cancellationToken) =>
        (await PagedQuery.ReadAsync(_table, OrderListFilter(scope, null, null, null), null, count, (OrderListEntity o) => o, cancellationToken)).Items.ToList();

    public Task<CheckoutEntity?> ReadCheckoutAsync(CounterpartyScope scope, string checkoutId, CancellationToken cancellationToken) =>
        TableKeys.IsSafe(checkoutId) ? ReadAsync<CheckoutEntity>(scope, OrderingKeys.Checkout(checkoutId), cancellationToken) : Task.FromResult<CheckoutEntity?>(null);

    public Task<OrderEntity?> ReadOrderAsync(CounterpartyScope scope, string orderId, CancellationToken cancellationToken) =>
        TableKeys.IsSafe(orderId) ? ReadAsync<OrderEntity>(scope, OrderingKeys.Order(orderId), cancellationToken) : Task.FromResult<OrderEntity?>(null);

    /// <summary>One page of the counterparty's orders, newest first, placed between two dates (both included), optionally in one status.</summary>
    public Task<ListPage<T>> ListOrdersAsync<T>(CounterpartyScope scope, OrderStatus? status, DateOnly? from, DateOnly? to, string? continuation, int? pageSize,
        Func<OrderListEntity, T> toView, CancellationToken cancellationToken) =>
        PagedQuery.ReadAsync(_table, OrderListFilter(scope, status, from, to), continuation, pageSize, toView, cancellationToken);

    /// <summary>Every order of the counterparty in one status (the orders statement reads those In progress): one partition query.</summary>
    public async Task<List<OrderListEntity>> AllOrdersAsync(CounterpartyScope scope, OrderStatus status, CancellationToken cancellationToken) =>
        await _table.QueryAsync<OrderListEntity>(OrderListFilter(scope, status, null, null), cancellationToken: cancellationToken).ToListAsync(cancellationToken);

    public async Task<string?> FindOrderIdAsync(CounterpartyScope scope, string number, CancellationToken cancellationToken) =>
        TableKeys.IsSafe(number) ? (await ReadAsync<OrderNumberEntity>(scope, OrderingKeys.OrderNumber(number), cancellationToken))?.OrderId : null;

    /// <summary>Reserves <paramref name="count"/> consecutive order numbers from the company-wide counter and returns the first.</summary>
    public Task<long> ReserveOrderNumbersAsync(int count, CancellationToken cancellationToken) =>
        NumberCounter.ReserveAsync(_table, OrderingKeys.CounterPartition, OrderingKeys.OrderCounter, count, cancellationToken);

    private async Task<T?> ReadAsync<T>(CounterpartyScope scope, string rowKey, CancellationToken cancellationToken) where T : class, ITableEntity
    {
        var response = await _table.GetEntityIfExistsAsync<T>(scope.CounterpartyId, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static string OrderListFilter(CounterpartyScope scope, OrderStatus? status, DateOnly? from, DateOnly? to)
    {
        var (lower, upper) = TableKeys.NewestFirstRange(OrderingKeys.OrderListPrefix, from, to);
        var filter = PagedQuery.Range(scope.CounterpartyId, lower, upper);
        return status is { } s ? filter + " and " + TableClient.CreateQueryFilter($"Status eq {s.ToString()}") : filter;
    }
}
