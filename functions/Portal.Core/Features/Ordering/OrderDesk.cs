using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Ordering;

// The orders desk: every counterparty's orders in one partition ("desk") of the Orders table, one row per order, so
// that a staff page with any filter is one range query however many counterparties there are. A desk row cannot share
// the order's transaction (another partition), so every order write goes:
//   1. upsert an intent row "p:{counterparty}:{order}" in the desk partition (this order's desk may be about to change);
//   2. the order's own transaction, which sets DeskSynced = false on the order;
//   3. project: upsert the desk row for the order's state, delete its "Sent" row once it is no longer Sent;
//   4. confirm: merge DeskSynced = true into the order, conditional on the ETag of the state just projected. A 412
//      means the order changed after that state was read: read it again and project again (so an older state can
//      never be the last one projected);
//   5. delete the intent (conditional on its ETag; a newer intent belongs to a later writer).
// Every step is idempotent. If the process dies after 1 or after 2, the intent is left: the first page of the desk
// list repairs intents older than RepairAfter (read the order, project, confirm, delete the intent). Younger intents
// belong to a writer still at work. A redelivered checkout message, a retried action and opening the order also mend
// an order whose DeskSynced is false.

public static class OrderDeskKeys
{
    public const string Partition = "desk";
    public const string RowPrefix = "d:";
    public const string IntentPrefix = "p:";
    /// <summary>Written once every order that existed before the desk has been put on it.</summary>
    public const string Backfilled = "m:backfilled";

    /// <summary>Sent orders (waiting for acceptance) sort first ("d:0:"), then all others ("d:1:"); newest first within each.</summary>
    public static string Row(OrderStatus status, DateTimeOffset placedAt, string counterpartyId, string orderId) =>
        $"{RowPrefix}{Group(status)}:{TableKeys.NewestFirst(placedAt)}:{counterpartyId}:{orderId}";

    public static string GroupPrefix(OrderStatus status) => $"{RowPrefix}{Group(status)}:";

    public static string Intent(string counterpartyId, string orderId) => $"{IntentPrefix}{counterpartyId}:{orderId}";

    private static int Group(OrderStatus status) => status == OrderStatus.Sent ? 0 : 1;
}

/// <summary>An order as the staff desk lists it (a copy of what the order's list row shows, plus its counterparty).</summary>
public sealed class OrderDeskEntity : TableRow
{
    public string CounterpartyId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public string Number { get; set; } = "";
    public DateTimeOffset PlacedAt { get; set; }
    public string Status { get; set; } = "";
    public string WarehouseId { get; set; } = "";
    public string WarehouseName { get; set; } = "";
    public string? CustomerReference { get; set; }
    public string Total { get; set; } = "0";
    public string Currency { get; set; } = "";
    public int LineCount { get; set; }
}

/// <summary>"This order's desk row may be about to change": written before the order, deleted once the desk shows it.</summary>
public sealed class OrderDeskIntentEntity : TableRow
{
    public string CounterpartyId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>The desk's filters; all optional.</summary>
public sealed record OrderDeskQuery(OrderStatus? Status, string? CounterpartyId, DateOnly? From, DateOnly? To);

/// <summary>Lets tests stop an order write between its steps, as a crash would.</summary>
public interface IOrderFaults
{
    void At(string step, OrderEntity order);
}

internal sealed class NoOrderFaults : IOrderFaults
{
    public void At(string step, OrderEntity order)
    {
    }
}

/// <summary>The desk partition of the Orders table: the only code that reads or writes it.</summary>
public sealed class OrderDesk(TableServiceClient tables, TimeProvider clock, ILogger<OrderDesk> logger)
{
    /// <summary>An intent older than this belongs to a writer that died; the list repairs it.</summary>
    public static readonly TimeSpan RepairAfter = TimeSpan.FromSeconds(30);

    private readonly TableClient _table = tables.GetTableClient(OrderingTables.Orders);

    /// <summary>Step 1: records that the order's desk row may be about to change. Returns the intent's ETag.</summary>
    public async Task<ETag> MarkAsync(string counterpartyId, string orderId, CancellationToken cancellationToken)
    {
        var intent = new OrderDeskIntentEntity
        {
            PartitionKey = OrderDeskKeys.Partition, RowKey = OrderDeskKeys.Intent(counterpartyId, orderId), CounterpartyId = counterpartyId, OrderId = orderId,
            At = clock.GetUtcNow(),
        };
        var response = await _table.UpsertEntityAsync(intent, TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag ?? ETag.All;
    }

    /// <summary>Steps 3 to 5: brings the desk in step with <paramref name="order"/> (as just written), then removes the intent.</summary>
    public async Task SyncAsync(OrderEntity order, ETag? intent, CancellationToken cancellationToken)
    {
        OrderEntity? current = order;
        for (var attempt = 0; current is not null && attempt < 5; attempt++)
        {
            await ProjectAsync(current, cancellationToken);
            try
            {
                var merged = await _table.UpdateEntityAsync(new TableEntity(current.PartitionKey, current.RowKey)
                {
                    [nameof(OrderEntity.DeskSynced)] = true,
                }, current.ETag, TableUpdateMode.Merge, cancellationToken);
                current.ETag = merged.Headers.ETag ?? current.ETag;
                current.DeskSynced = true;
                break;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Changed after the state we projected: project what is there now.
                current = await ReadOrderAsync(current.PartitionKey, current.OrderId, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                current = null;
            }
        }
        if (current is not null && !ReferenceEquals(current, order))
        {
            order.ETag = current.ETag;
            order.DeskSynced = current.DeskSynced;
        }
        if (intent is { } etag)
        {
            await DeleteIntentAsync(order.PartitionKey, order.OrderId, etag, cancellationToken);
        }
    }

    /// <summary>
    /// One page of the desk: Sent orders first, then the others, newest first within each. The first page also repairs
    /// what writers that died left behind (one range query, normally empty). One storage request per page otherwise.
    /// </summary>
    public async Task<ListPage<T>> ListAsync<T>(OrderDeskQuery query, string? continuation, int? pageSize, Func<OrderDeskEntity, T> toView,
        CancellationToken cancellationToken)
    {
        PagedQuery.PageSize(pageSize);
        ContinuationToken.Unwrap(continuation);
        if (continuation is null)
        {
            await RepairAsync(cancellationToken);
        }
        var filter = query.Status switch
        {
            OrderStatus.Sent => PagedQuery.Range(OrderDeskKeys.Partition, OrderDeskKeys.GroupPrefix(OrderStatus.Sent), NextPrefix(OrderDeskKeys.GroupPrefix(OrderStatus.Sent))),
            { } other => PagedQuery.Range(OrderDeskKeys.Partition, OrderDeskKeys.GroupPrefix(other), NextPrefix(OrderDeskKeys.GroupPrefix(other)))
                         + " and " + TableClient.CreateQueryFilter($"Status eq {other.ToString()}"),
            null => PagedQuery.Range(OrderDeskKeys.Partition, OrderDeskKeys.RowPrefix, NextPrefix(OrderDeskKeys.RowPrefix)),
        };
        if (query.CounterpartyId is { } counterpartyId)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CounterpartyId eq {counterpartyId}");
        }
        if (query.From is { } from)
        {
            filter += " and " + TableClient.CreateQueryFilter($"PlacedAt ge {StartOf(from)}");
        }
        if (query.To is { } to)
        {
            filter += " and " + TableClient.CreateQueryFilter($"PlacedAt lt {StartOf(to.AddDays(1))}");
        }
        return await PagedQuery.ReadAsync(_table, filter, continuation, pageSize, toView, cancellationToken);
    }

    /// <summary>Projects every order of the given counterparties (orders written before the desk existed). Idempotent; returns how many.</summary>
    public async Task<int> BackfillAsync(IEnumerable<string> counterpartyIds, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var counterpartyId in counterpartyIds.Where(id => TableKeys.IsSafe(id)))
        {
            var orders = _table.QueryAsync<OrderEntity>(PagedQuery.Range(counterpartyId, OrderingKeys.Order(""), NextPrefix(OrderingKeys.Order(""))),
                cancellationToken: cancellationToken);
            await foreach (var order in orders)
            {
                await SyncAsync(order, null, cancellationToken);
                count++;
            }
        }
        await _table.UpsertEntityAsync(new TableEntity(OrderDeskKeys.Partition, OrderDeskKeys.Backfilled) { ["Orders"] = count, ["At"] = clock.GetUtcNow() },
            TableUpdateMode.Replace, cancellationToken);
        logger.LogInformation("Orders desk backfilled with {Count} order(s)", count);
        return count;
    }

    public async Task<bool> IsBackfilledAsync(CancellationToken cancellationToken) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(OrderDeskKeys.Partition, OrderDeskKeys.Backfilled, cancellationToken: cancellationToken)).HasValue;

    /// <summary>Finishes what writers that died left: intents older than <see cref="RepairAfter"/>.</summary>
    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        var repaired = 0;
        var cutoff = clock.GetUtcNow() - RepairAfter;
        var intents = _table.QueryAsync<OrderDeskIntentEntity>(
            PagedQuery.Range(OrderDeskKeys.Partition, OrderDeskKeys.IntentPrefix, NextPrefix(OrderDeskKeys.IntentPrefix)), maxPerPage: 100,
            cancellationToken: cancellationToken);
        await foreach (var page in intents.AsPages(pageSizeHint: 100))
        {
            foreach (var intent in page.Values.Where(i => i.At <= cutoff))
            {
                if (await ReadOrderAsync(intent.CounterpartyId, intent.OrderId, cancellationToken) is { } order)
                {
                    await SyncAsync(order, intent.ETag, cancellationToken);
                }
                else
                {
                    // The order was never written (a checkout died before its transaction; its retry writes a new intent).
                    await DeleteIntentAsync(intent.CounterpartyId, intent.OrderId, intent.ETag, cancellationToken);
                }
                repaired++;
            }
            break; // At most one page of repairs per list read keeps the read bounded; the next read does the rest.
        }
        if (repaired > 0)
        {
            logger.LogWarning("Orders desk: repaired {Count} order(s) whose writer stopped halfway", repaired);
        }
        return repaired;
    }

    /// <summary>The desk row that shows <paramref name="order"/> as it is.</summary>
    public static OrderDeskEntity RowOf(OrderEntity order) => new()
    {
        PartitionKey = OrderDeskKeys.Partition,
        RowKey = OrderDeskKeys.Row(Enum.Parse<OrderStatus>(order.Status), order.PlacedAt, order.PartitionKey, order.OrderId),
        CounterpartyId = order.PartitionKey,
        OrderId = order.OrderId,
        Number = order.Number,
        PlacedAt = order.PlacedAt,
        Status = order.Status,
        WarehouseId = order.WarehouseId,
        WarehouseName = order.WarehouseName,
        CustomerReference = order.CustomerReference,
        Total = order.Total,
        Currency = order.Currency,
        LineCount = JsonColumn.Read<OrderLine>(order.Lines).Count,
    };

    private async Task ProjectAsync(OrderEntity order, CancellationToken cancellationToken)
    {
        var status = Enum.Parse<OrderStatus>(order.Status);
        var row = RowOf(order);
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        if (status != OrderStatus.Sent)
        {
            try
            {
                // Statuses only move away from Sent, so its row is the only one that can be stale.
                await _table.DeleteEntityAsync(OrderDeskKeys.Partition, OrderDeskKeys.Row(OrderStatus.Sent, order.PlacedAt, order.PartitionKey, order.OrderId),
                    ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }
    }

    private async Task DeleteIntentAsync(string counterpartyId, string orderId, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(OrderDeskKeys.Partition, OrderDeskKeys.Intent(counterpartyId, orderId), etag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or a later writer's intent: that writer removes it.
        }
    }

    private async Task<OrderEntity?> ReadOrderAsync(string counterpartyId, string orderId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsSafe(counterpartyId) || !TableKeys.IsSafe(orderId))
        {
            return null;
        }
        var response = await _table.GetEntityIfExistsAsync<OrderEntity>(counterpartyId, OrderingKeys.Order(orderId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first key after every key that starts with <paramref name="prefix"/> (its last character plus one).</summary>
    private static string NextPrefix(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
