using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Documents;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Ordering;

/// <summary>
/// Orders as the customer follows them (list, detail, orders statement) and as the company moves them through
/// their lifecycle (<see cref="OrderLifecycle"/>); shipments (goods issues) record shipped quantities.
/// </summary>
public sealed class OrderService(OrderingStore store, OrderDesk desk, IOrderFaults faults, AccountService accounts, DocumentService documents, TimeProvider clock,
    ILogger<OrderService> logger)
{
    public Task<ListPage<OrderSummaryView>> ListAsync(CounterpartyScope scope, OrderStatus? status, DateOnly? from, DateOnly? to, string? continuation, int? pageSize,
        CancellationToken cancellationToken)
    {
        if (from is not null && to is not null && from > to)
        {
            throw Problems.Validation("from", "The start date is after the end date.");
        }
        return store.ListOrdersAsync(scope, status, from, to, continuation, pageSize, ToSummary, cancellationToken);
    }

    public async Task<OrderView> GetAsync(CounterpartyScope scope, string orderId, CancellationToken cancellationToken) =>
        ToView(await ReadAsync(scope, orderId, cancellationToken));

    /// <summary>Lines to put back into the cart for "repeat order", each with the warehouse the order shipped from.</summary>
    public async Task<IReadOnlyList<CartFillRequest>> LinesForReorderAsync(CounterpartyScope scope, string orderId, CancellationToken cancellationToken)
    {
        var order = await ReadAsync(scope, orderId, cancellationToken);
        return JsonColumn.Read<OrderLine>(order.Lines).Select(l => new CartFillRequest(l.Sku, l.Name, l.Ordered, WarehouseId: order.WarehouseId)).ToList();
    }

    /// <summary>Orders statement: ordered, shipped and pending quantities of the orders In progress. One partition query.</summary>
    public async Task<OrdersStatementView> StatementAsync(CounterpartyScope scope, CancellationToken cancellationToken)
    {
        var rows = new List<OrdersStatementRow>();
        foreach (var order in await store.AllOrdersAsync(scope, OrderStatus.InProgress, cancellationToken))
        {
            rows.AddRange(JsonColumn.Read<OrderLine>(order.Lines)
                .Select(l => new OrdersStatementRow(order.OrderId, order.Number, order.PlacedAt, l.Sku, l.Name, l.Unit, l.Ordered, l.Shipped, l.Pending)));
        }
        return new OrdersStatementView(rows, clock.GetUtcNow());
    }

    // Company side.

    /// <summary>
    /// The orders desk: every counterparty's orders, Sent ones (waiting for acceptance) first, then newest first, paged.
    /// One range query in the desk partition per page, however many counterparties exist (<see cref="OrderDesk"/>).
    /// </summary>
    public Task<ListPage<StaffOrderSummaryView>> ListForStaffAsync(OrderDeskQuery query, string? continuation, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (query.CounterpartyId is { } counterpartyId && !TableKeys.IsSafe(counterpartyId))
        {
            errors.Add("counterpartyId", "Use a counterparty's id.");
        }
        if (query.From is not null && query.To is not null && query.From > query.To)
        {
            errors.Add("from", "The start date is after the end date.");
        }
        errors.ThrowIfAny();
        return desk.ListAsync(query, continuation, pageSize, ToStaffSummary, cancellationToken);
    }

    /// <summary>The order with its version (ETag) for the staff page; an order whose desk row a crash left behind is brought in step.</summary>
    public async Task<(OrderView View, string ETag)> GetForStaffAsync(CounterpartyScope scope, string orderId, CancellationToken cancellationToken)
    {
        var order = await ReadAsync(scope, orderId, cancellationToken);
        if (!order.DeskSynced)
        {
            await desk.SyncAsync(order, null, cancellationToken);
        }
        return (ToView(order), order.ETag.ToString());
    }

    /// <summary>Puts every existing order of every counterparty on the desk (orders from before the desk existed). Idempotent.</summary>
    public async Task<int> BackfillDeskAsync(CancellationToken cancellationToken) =>
        await desk.BackfillAsync((await accounts.ListCounterpartiesAsync(cancellationToken)).Select(c => c.Id), cancellationToken);

    /// <summary>The backfill at start-up: only when it has not been done before in this storage.</summary>
    public async Task BackfillDeskOnceAsync(CancellationToken cancellationToken)
    {
        if (!await desk.IsBackfilledAsync(cancellationToken))
        {
            await BackfillDeskAsync(cancellationToken);
        }
    }

    public Task<(OrderView View, string ETag)> AcceptAsync(CounterpartyScope scope, string orderId, string by, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(scope, orderId, by, OrderAction.Accept, null, null, ifMatch, cancellationToken);

    public Task<(OrderView View, string ETag)> CompleteAsync(CounterpartyScope scope, string orderId, string by, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(scope, orderId, by, OrderAction.Complete, null, null, ifMatch, cancellationToken);

    /// <summary>Cancels with an optional reason, which the customer sees in the order's history.</summary>
    public Task<(OrderView View, string ETag)> CancelAsync(CounterpartyScope scope, string orderId, string by, string? reason, string? ifMatch,
        CancellationToken cancellationToken) =>
        ChangeAsync(scope, orderId, by, OrderAction.Cancel, null, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), ifMatch, cancellationToken);

    /// <summary>
    /// Records a goods issue. The same shipment number again is a retry and changes nothing; a partial shipment leaves
    /// quantities pending. The shipment also becomes a Goods delivery document for the customer; that is written after
    /// the order (another table), and again on every retry, so a crash in between is mended by sending the shipment again.
    /// </summary>
    public async Task<(OrderView View, string ETag)> RecordShipmentAsync(CounterpartyScope scope, string orderId, ShipmentRequest request, string by, string? ifMatch,
        CancellationToken cancellationToken)
    {
        var (order, etag) = await ChangeAsync(scope, orderId, by, OrderAction.Ship, request, null, ifMatch, cancellationToken);
        var shipment = order.Shipments.Single(s => s.Number == request.Number.Trim());
        // A product can be on two lines (one at a quoted price): the goods issue names it with the first line's details.
        var byProduct = order.Lines.GroupBy(l => l.Sku, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        await documents.RecordGoodsIssueAsync(scope, shipment.Number, shipment.Date, order.Number,
            shipment.Lines.Select(l => (Shipped: l, Line: byProduct[l.Sku])).Select(x => new DocumentLineRequest
            {
                Sku = x.Line.Sku, Name = x.Line.Name, Unit = x.Line.Unit, Quantity = x.Shipped.Quantity, UnitPrice = x.Line.UnitPrice.Amount,
            }).ToList(), cancellationToken);
        return (order, etag);
    }

    /// <summary>A new order as a checkout creates it: status Sent, its history starting there.</summary>
    internal static OrderEntity NewOrder(CheckoutEntity checkout, PlannedOrder planned, string number, string currency)
    {
        var orderId = StableId.From(checkout.CheckoutId, planned.WarehouseId);
        return new OrderEntity
        {
            PartitionKey = checkout.PartitionKey,
            RowKey = OrderingKeys.Order(orderId),
            OrderId = orderId,
            Number = number,
            PlacedAt = checkout.CreatedAt,
            Status = nameof(OrderStatus.Sent),
            WarehouseId = planned.WarehouseId,
            WarehouseName = planned.WarehouseName,
            CustomerReference = checkout.CustomerReference,
            Comment = checkout.Comment,
            PlacedByUserId = checkout.UserId,
            PlacedByUsername = checkout.Username,
            CheckoutId = checkout.CheckoutId,
            Lines = JsonColumn.Write(planned.Lines),
            Total = Money.Store(planned.Total),
            Currency = currency,
            History = JsonColumn.Write([new StatusChange(nameof(OrderStatus.Sent), checkout.CreatedAt, checkout.Username)]),
            ListRowKey = OrderingKeys.OrderList(checkout.CreatedAt, orderId),
            DeskSynced = false,
        };
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
        Lines = JsonColumn.Write(lines),
    };

    /// <summary>
    /// Reads, applies the rule, writes the order with its list row (ETag-guarded, again on 412), then brings the desk in
    /// step (<see cref="OrderDesk"/>). <paramref name="ifMatch"/>, when given, is the version the clerk saw: 412 if it changed.
    /// </summary>
    private async Task<(OrderView View, string ETag)> ChangeAsync(CounterpartyScope scope, string orderId, string by, OrderAction action, ShipmentRequest? shipment,
        string? reason, string? ifMatch, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var order = await ReadAsync(scope, orderId, cancellationToken);
            if (attempt == 0 && ifMatch is not null && ifMatch != "*" && ifMatch != order.ETag.ToString())
            {
                throw Problems.PreconditionFailed();
            }
            if (!Apply(order, action, shipment, reason, by))
            {
                // Already done: a retry. It also finishes the desk if the first attempt died before it.
                if (!order.DeskSynced)
                {
                    await desk.SyncAsync(order, null, cancellationToken);
                }
                return (ToView(order), order.ETag.ToString());
            }
            var intent = await desk.MarkAsync(scope.CounterpartyId, order.OrderId, cancellationToken);
            order.DeskSynced = false;
            // The list row follows the order; the order's ETag guards both.
            var change = store.NewChange(scope).Replace(order).Upsert(ListRowOf(order, JsonColumn.Read<OrderLine>(order.Lines)));
            try
            {
                await store.SubmitAsync(change, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412)
            {
                // Changed since we read it (another clerk, the ERP): read again and re-apply.
                continue;
            }
            logger.LogInformation("Order {Number} is now {Status}", order.Number, order.Status);
            faults.At("before-desk-synced", order);
            await desk.SyncAsync(order, intent, cancellationToken);
            return (ToView(order), order.ETag.ToString());
        }
        throw Problems.Conflict("The order keeps changing; try again.");
    }

    /// <summary>Applies the lifecycle rule to the row; false when there is nothing to write.</summary>
    private bool Apply(OrderEntity order, OrderAction action, ShipmentRequest? shipment, string? reason, string by)
    {
        var current = Enum.Parse<OrderStatus>(order.Status);
        if (shipment is not null)
        {
            var shipments = JsonColumn.Read<Shipment>(order.Shipments);
            if (shipments.Any(s => s.Number == shipment.Number.Trim()))
            {
                return false;
            }
            var next = OrderLifecycle.Next(current, OrderAction.Ship);
            order.Lines = JsonColumn.Write(OrderLifecycle.Ship(JsonColumn.Read<OrderLine>(order.Lines), shipment.Lines));
            order.Shipments = JsonColumn.Write(shipments.Append(new Shipment(shipment.Number.Trim(), shipment.Date, shipment.Lines, clock.GetUtcNow())));
            SetStatus(order, current, next, by);
            return true;
        }
        var status = OrderLifecycle.Next(current, action);
        return SetStatus(order, current, status, by, reason);
    }

    private bool SetStatus(OrderEntity order, OrderStatus current, OrderStatus next, string by, string? reason = null)
    {
        if (next == current)
        {
            return false;
        }
        order.History = JsonColumn.Write(JsonColumn.Read<StatusChange>(order.History).Append(new StatusChange(next.ToString(), clock.GetUtcNow(), by, reason)));
        order.Status = next.ToString();
        return true;
    }

    private async Task<OrderEntity> ReadAsync(CounterpartyScope scope, string orderId, CancellationToken cancellationToken) =>
        await store.ReadOrderAsync(scope, orderId, cancellationToken) ?? throw Problems.NotFound("The order");

    private static OrderSummaryView ToSummary(OrderListEntity o) => new(o.OrderId, o.Number, o.PlacedAt, Enum.Parse<OrderStatus>(o.Status),
        o.WarehouseId, o.WarehouseName, new Money(Money.Read(o.Total), o.Currency), o.LineCount, o.CustomerReference);

    private static StaffOrderSummaryView ToStaffSummary(OrderDeskEntity o) => new(o.CounterpartyId,
        new OrderSummaryView(o.OrderId, o.Number, o.PlacedAt, Enum.Parse<OrderStatus>(o.Status), o.WarehouseId, o.WarehouseName, new Money(Money.Read(o.Total), o.Currency),
            o.LineCount, o.CustomerReference));

    private static OrderView ToView(OrderEntity o)
    {
        var money = (decimal amount) => new Money(amount, o.Currency);
        return new OrderView(o.OrderId, o.Number, o.PlacedAt, Enum.Parse<OrderStatus>(o.Status), o.WarehouseId, o.WarehouseName, o.CustomerReference, o.Comment,
            JsonColumn.Read<OrderLine>(o.Lines).Select(l => new OrderLineView(l.Sku, l.Name, l.Unit, l.Ordered, l.Shipped, l.Pending, money(l.UnitPrice), money(l.LineTotal),
                l.QuotationNumber)).ToList(),
            money(Money.Read(o.Total)),
            JsonColumn.Read<StatusChange>(o.History).Select(h => new StatusChangeView(Enum.Parse<OrderStatus>(h.Status), h.At, h.Reason)).ToList(),
            JsonColumn.Read<Shipment>(o.Shipments)
                .Select(s => new ShipmentView(s.Number, s.Date, s.Lines, DocumentKeys.Id(o.PartitionKey, DocumentTypes.GoodsIssues, s.Number))).ToList());
    }
}
