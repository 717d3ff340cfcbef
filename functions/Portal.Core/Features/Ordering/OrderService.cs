using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Ordering;

/// <summary>
/// Orders as the customer follows them (list, detail, orders statement) and as the company moves them through
/// their lifecycle: Sent → In progress → Completed, or Canceled; shipments (goods issues) record shipped quantities.
/// </summary>
public sealed class OrderService(TableServiceClient tables, TimeProvider clock, ILogger<OrderService> logger)
{
    public const int DefaultPageSize = 25;

    private readonly TableClient _table = tables.GetTableClient(OrderingKeys.Table);

    public async Task<ListPage<OrderSummaryView>> ListAsync(string counterpartyId, string? status, DateOnly? from, DateOnly? to, string? continuation, int? pageSize,
        CancellationToken cancellationToken)
    {
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > 100)
        {
            throw Problems.Validation("pageSize", "Use 1 to 100.");
        }
        if (from is not null && to is not null && from > to)
        {
            throw Problems.Validation("from", "The start date is after the end date.");
        }
        var filter = Filter(counterpartyId, OrderStatusNames.ParseApi(status), from, to);
        try
        {
            await foreach (var page in _table.QueryAsync<OrderListEntity>(filter, maxPerPage: size, cancellationToken: cancellationToken)
                               .AsPages(ContinuationToken.Unwrap(continuation), size))
            {
                return new ListPage<OrderSummaryView>(page.Values.Select(ToSummary).ToList(), ContinuationToken.Wrap(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && !string.IsNullOrEmpty(continuation))
        {
            throw Problems.Validation("continuation", "This continuation token is not valid; start again from the first page.");
        }
        return new ListPage<OrderSummaryView>([], null);
    }

    public async Task<OrderView> GetAsync(string counterpartyId, string orderId, CancellationToken cancellationToken)
    {
        var order = await ReadAsync(counterpartyId, orderId, cancellationToken) ?? throw Problems.NotFound("The order");
        return ToView(order);
    }

    /// <summary>Lines to put back into the cart for "repeat order".</summary>
    public async Task<IReadOnlyList<(string Sku, string Name, decimal Quantity)>> LinesForReorderAsync(string counterpartyId, string orderId, CancellationToken cancellationToken)
    {
        var order = await ReadAsync(counterpartyId, orderId, cancellationToken) ?? throw Problems.NotFound("The order");
        return LinesOf(order.Lines).Select(l => (l.Sku, l.Name, l.Ordered)).ToList();
    }

    /// <summary>Orders statement: ordered, shipped and pending quantities of the orders In progress. One partition query.</summary>
    public async Task<OrdersStatementView> StatementAsync(string counterpartyId, CancellationToken cancellationToken)
    {
        var rows = new List<OrdersStatementRow>();
        await foreach (var order in _table.QueryAsync<OrderListEntity>(Filter(counterpartyId, OrderStatus.InProgress, null, null), cancellationToken: cancellationToken))
        {
            rows.AddRange(LinesOf(order.Lines).Select(l => new OrdersStatementRow(order.OrderId, order.Number, order.PlacedAt, l.Sku, l.Name, l.Unit, l.Ordered, l.Shipped, l.Pending)));
        }
        return new OrdersStatementView(rows, clock.GetUtcNow());
    }

    // Company side.

    public Task<OrderView> AcceptAsync(string counterpartyId, string orderId, string by, CancellationToken cancellationToken) =>
        TransitionAsync(counterpartyId, orderId, by, order =>
        {
            return Status(order) switch
            {
                OrderStatus.Sent => Change(order, OrderStatus.InProgress, by),
                OrderStatus.InProgress => false, // Already accepted: a retry, nothing to do.
                var s => throw Problems.Conflict($"An order that is {Describe(s)} cannot be accepted."),
            };
        }, cancellationToken);

    public Task<OrderView> CompleteAsync(string counterpartyId, string orderId, string by, CancellationToken cancellationToken) =>
        TransitionAsync(counterpartyId, orderId, by, order => Status(order) switch
        {
            OrderStatus.InProgress => Change(order, OrderStatus.Completed, by),
            OrderStatus.Completed => false,
            var s => throw Problems.Conflict($"An order that is {Describe(s)} cannot be completed; accept it first."),
        }, cancellationToken);

    public Task<OrderView> CancelAsync(string counterpartyId, string orderId, string by, CancellationToken cancellationToken) =>
        TransitionAsync(counterpartyId, orderId, by, order => Status(order) switch
        {
            OrderStatus.Sent or OrderStatus.InProgress => Change(order, OrderStatus.Canceled, by),
            OrderStatus.Canceled => false,
            var s => throw Problems.Conflict($"An order that is {Describe(s)} cannot be canceled."),
        }, cancellationToken);

    /// <summary>Records a goods issue. The same shipment number again is a retry and changes nothing; a partial shipment leaves quantities pending.</summary>
    public Task<OrderView> RecordShipmentAsync(string counterpartyId, string orderId, ShipmentRequest request, string by, CancellationToken cancellationToken) =>
        TransitionAsync(counterpartyId, orderId, by, order =>
        {
            var shipments = JsonSerializer.Deserialize<List<Shipment>>(order.Shipments, PortalJson.Options) ?? [];
            if (shipments.Any(s => s.Number == request.Number.Trim()))
            {
                return false;
            }
            var status = Status(order);
            if (status is OrderStatus.Completed or OrderStatus.Canceled)
            {
                throw Problems.Conflict($"An order that is {Describe(status)} cannot ship anything more.");
            }
            var lines = LinesOf(order.Lines);
            var errors = new ValidationErrors();
            for (var i = 0; i < request.Lines.Count; i++)
            {
                var shipped = request.Lines[i];
                var index = lines.FindIndex(l => string.Equals(l.Sku, shipped.Sku, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    errors.Add($"lines[{i}].sku", "This order has no such product.");
                }
                else if (shipped.Quantity > lines[index].Pending)
                {
                    errors.Add($"lines[{i}].quantity", $"Only {lines[index].Pending} {lines[index].Unit} are still to ship.");
                }
                else
                {
                    lines[index] = lines[index] with { Shipped = lines[index].Shipped + shipped.Quantity };
                }
            }
            errors.ThrowIfAny();
            shipments.Add(new Shipment(request.Number.Trim(), request.Date, request.Lines, clock.GetUtcNow()));
            order.Shipments = JsonSerializer.Serialize(shipments, PortalJson.Options);
            order.Lines = JsonSerializer.Serialize(lines, PortalJson.Options);
            if (status == OrderStatus.Sent)
            {
                // Shipping an order means the company has taken it on.
                Change(order, OrderStatus.InProgress, by);
            }
            return true;
        }, cancellationToken);

    private async Task<OrderView> TransitionAsync(string counterpartyId, string orderId, string by, Func<OrderEntity, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var order = await ReadAsync(counterpartyId, orderId, cancellationToken) ?? throw Problems.NotFound("The order");
            if (!change(order))
            {
                return ToView(order);
            }
            var lines = LinesOf(order.Lines);
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, order, order.ETag),
                // The list row follows the order; the order's ETag guards both.
                new(TableTransactionActionType.UpsertReplace, ListRowOf(order, lines)),
            };
            try
            {
                CheckoutService.AssertOnePartition(actions);
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                logger.LogInformation("Order {Number} is now {Status}", order.Number, order.Status);
                return ToView(order);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412)
            {
                // Changed since we read it (another clerk, the ERP): read again and re-apply.
            }
        }
        throw Problems.Conflict("The order keeps changing; try again.");
    }

    public static OrderListEntity ListRowOf(OrderEntity order, IReadOnlyList<OrderLine> lines) => new()
    {
        PartitionKey = order.PartitionKey,
        RowKey = order.ListRowKey,
        OrderId = order.OrderId,
        Number = order.Number,
        PlacedAt = order.PlacedAt,
        Status = order.Status,
        WarehouseId = order.WarehouseId,
        WarehouseName = order.WarehouseName,
        CustomerReference = order.CustomerReference,
        Total = order.Total,
        Currency = order.Currency,
        LineCount = lines.Count,
        Lines = JsonSerializer.Serialize(lines, PortalJson.Options),
    };

    private async Task<OrderEntity?> ReadAsync(string counterpartyId, string orderId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(orderId) || orderId.Length > 64)
        {
            return null;
        }
        var response = await _table.GetEntityIfExistsAsync<OrderEntity>(counterpartyId, OrderingKeys.Order(orderId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static string Filter(string counterpartyId, OrderStatus? status, DateOnly? from, DateOnly? to)
    {
        // Newest first: RowKeys count down, so the later date is the lower bound.
        var lower = OrderingKeys.OrderListPrefix + (to is { } t ? OrderingKeys.InvertedTicks(new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : "");
        var upper = OrderingKeys.OrderListPrefix + (from is { } f ? OrderingKeys.InvertedTicks(new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) + ";" : "~");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {counterpartyId} and RowKey ge {lower} and RowKey lt {upper}");
        return status is { } s ? filter + " and " + TableClient.CreateQueryFilter($"Status eq {s.ToString()}") : filter;
    }

    private static bool Change(OrderEntity order, OrderStatus status, string by)
    {
        var history = JsonSerializer.Deserialize<List<StatusChange>>(order.History, PortalJson.Options) ?? [];
        history.Add(new StatusChange(status.ToString(), DateTimeOffset.UtcNow, by));
        order.History = JsonSerializer.Serialize(history, PortalJson.Options);
        order.Status = status.ToString();
        return true;
    }

    private static OrderStatus Status(OrderEntity order) => Enum.Parse<OrderStatus>(order.Status);

    private static string Describe(OrderStatus status) => status switch
    {
        OrderStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static List<OrderLine> LinesOf(string json) => JsonSerializer.Deserialize<List<OrderLine>>(json, PortalJson.Options) ?? [];

    private static OrderSummaryView ToSummary(OrderListEntity o) => new(o.OrderId, o.Number, o.PlacedAt, OrderStatusNames.Api(Enum.Parse<OrderStatus>(o.Status)),
        o.WarehouseId, o.WarehouseName, new Money(CatalogRules.Parse(o.Total), o.Currency), o.LineCount, o.CustomerReference);

    private static OrderView ToView(OrderEntity o)
    {
        var money = (decimal amount) => new Money(amount, o.Currency);
        return new OrderView(o.OrderId, o.Number, o.PlacedAt, OrderStatusNames.Api(Status(o)), o.WarehouseId, o.WarehouseName, o.CustomerReference, o.Comment,
            LinesOf(o.Lines).Select(l => new OrderLineView(l.Sku, l.Name, l.Unit, l.Ordered, l.Shipped, l.Pending, money(l.UnitPrice), money(l.LineTotal))).ToList(),
            money(CatalogRules.Parse(o.Total)),
            (JsonSerializer.Deserialize<List<StatusChange>>(o.History, PortalJson.Options) ?? [])
                .Select(h => new StatusChangeView(OrderStatusNames.Api(Enum.Parse<OrderStatus>(h.Status)), h.At)).ToList(),
            (JsonSerializer.Deserialize<List<Shipment>>(o.Shipments, PortalJson.Options) ?? []).Select(s => new ShipmentView(s.Number, s.Date, s.Lines)).ToList());
    }
}
