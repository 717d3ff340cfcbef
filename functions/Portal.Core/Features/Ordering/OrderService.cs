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
public sealed class OrderService(OrderingStore store, AccountService accounts, DocumentService documents, TimeProvider clock, ILogger<OrderService> logger)
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
    /// The staff overview: the newest orders (up to 100) of one counterparty, or of each counterparty when none is named.
    /// Without a counterparty this costs one query per counterparty; a clerk narrows down by counterparty for more.
    /// </summary>
    public async Task<ItemList<StaffOrderSummaryView>> ListForStaffAsync(Caller staff, string? counterpartyId, OrderStatus? status, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken)
    {
        var counterparties = string.IsNullOrEmpty(counterpartyId)
            ? (await accounts.ListCounterpartiesAsync(cancellationToken)).Select(c => c.Id).ToList()
            : [counterpartyId];
        var items = new List<StaffOrderSummaryView>();
        foreach (var id in counterparties)
        {
            var page = await ListAsync(staff.ScopeFor(id), status, from, to, null, PagedQuery.MaxPageSize, cancellationToken);
            items.AddRange(page.Items.Select(o => new StaffOrderSummaryView(id, o)));
        }
        return new ItemList<StaffOrderSummaryView>(items);
    }

    public Task<OrderView> AcceptAsync(CounterpartyScope scope, string orderId, string by, CancellationToken cancellationToken) =>
        ChangeAsync(scope, orderId, by, OrderAction.Accept, null, cancellationToken);

    public Task<OrderView> CompleteAsync(CounterpartyScope scope, string orderId, string by, CancellationToken cancellationToken) =>
        ChangeAsync(scope, orderId, by, OrderAction.Complete, null, cancellationToken);

    public Task<OrderView> CancelAsync(CounterpartyScope scope, string orderId, string by, CancellationToken cancellationToken) =>
        ChangeAsync(scope, orderId, by, OrderAction.Cancel, null, cancellationToken);

    /// <summary>
    /// Records a goods issue. The same shipment number again is a retry and changes nothing; a partial shipment leaves
    /// quantities pending. The shipment also becomes a Goods delivery document for the customer; that is written after
    /// the order (another table), and again on every retry, so a crash in between is mended by sending the shipment again.
    /// </summary>
    public async Task<OrderView> RecordShipmentAsync(CounterpartyScope scope, string orderId, ShipmentRequest request, string by, CancellationToken cancellationToken)
    {
        var order = await ChangeAsync(scope, orderId, by, OrderAction.Ship, request, cancellationToken);
        var shipment = order.Shipments.Single(s => s.Number == request.Number.Trim());
        // A product can be on two lines (one at a quoted price): the goods issue names it with the first line's details.
        var byProduct = order.Lines.GroupBy(l => l.Sku, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        await documents.RecordGoodsIssueAsync(scope, shipment.Number, shipment.Date, order.Number,
            shipment.Lines.Select(l => (Shipped: l, Line: byProduct[l.Sku])).Select(x => new DocumentLineRequest
            {
                Sku = x.Line.Sku, Name = x.Line.Name, Unit = x.Line.Unit, Quantity = x.Shipped.Quantity, UnitPrice = x.Line.UnitPrice.Amount,
            }).ToList(), cancellationToken);
        return order;
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

    private async Task<OrderView> ChangeAsync(CounterpartyScope scope, string orderId, string by, OrderAction action, ShipmentRequest? shipment,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var order = await ReadAsync(scope, orderId, cancellationToken);
            if (!Apply(order, action, shipment, by))
            {
                return ToView(order); // Already done: a retry.
            }
            // The list row follows the order; the order's ETag guards both.
            var change = store.NewChange(scope).Replace(order).Upsert(ListRowOf(order, JsonColumn.Read<OrderLine>(order.Lines)));
            try
            {
                await store.SubmitAsync(change, cancellationToken);
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

    /// <summary>Applies the lifecycle rule to the row; false when there is nothing to write.</summary>
    private bool Apply(OrderEntity order, OrderAction action, ShipmentRequest? shipment, string by)
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
        return SetStatus(order, current, status, by);
    }

    private bool SetStatus(OrderEntity order, OrderStatus current, OrderStatus next, string by)
    {
        if (next == current)
        {
            return false;
        }
        order.History = JsonColumn.Write(JsonColumn.Read<StatusChange>(order.History).Append(new StatusChange(next.ToString(), clock.GetUtcNow(), by)));
        order.Status = next.ToString();
        return true;
    }

    private async Task<OrderEntity> ReadAsync(CounterpartyScope scope, string orderId, CancellationToken cancellationToken) =>
        await store.ReadOrderAsync(scope, orderId, cancellationToken) ?? throw Problems.NotFound("The order");

    private static OrderSummaryView ToSummary(OrderListEntity o) => new(o.OrderId, o.Number, o.PlacedAt, Enum.Parse<OrderStatus>(o.Status),
        o.WarehouseId, o.WarehouseName, new Money(Money.Read(o.Total), o.Currency), o.LineCount, o.CustomerReference);

    private static OrderView ToView(OrderEntity o)
    {
        var money = (decimal amount) => new Money(amount, o.Currency);
        return new OrderView(o.OrderId, o.Number, o.PlacedAt, Enum.Parse<OrderStatus>(o.Status), o.WarehouseId, o.WarehouseName, o.CustomerReference, o.Comment,
            JsonColumn.Read<OrderLine>(o.Lines).Select(l => new OrderLineView(l.Sku, l.Name, l.Unit, l.Ordered, l.Shipped, l.Pending, money(l.UnitPrice), money(l.LineTotal),
                l.QuotationNumber)).ToList(),
            money(Money.Read(o.Total)),
            JsonColumn.Read<StatusChange>(o.History).Select(h => new StatusChangeView(Enum.Parse<OrderStatus>(h.Status), h.At)).ToList(),
            JsonColumn.Read<Shipment>(o.Shipments)
                .Select(s => new ShipmentView(s.Number, s.Date, s.Lines, DocumentKeys.Id(o.PartitionKey, DocumentTypes.GoodsIssues, s.Number))).ToList());
    }
}
