using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared;
using Portal.Core.Shared.Events;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Ordering;

/// <summary>The queue message that asks for a checkout to be turned into orders.</summary>
public sealed record CheckoutWork(string CounterpartyId, string CheckoutId);

/// <summary>Lets tests stop the checkout worker between two steps, as a crash would.</summary>
public interface ICheckoutFaults
{
    void At(string step, CheckoutEntity checkout);
}

internal sealed class NoCheckoutFaults : ICheckoutFaults
{
    public void At(string step, CheckoutEntity checkout)
    {
    }
}

/// <summary>
/// Create order: the request records a checkout (what the customer reviewed in the cart) and answers 202 at once;
/// a queue function then creates one order per warehouse. Both halves are safe to repeat: the request through its
/// Idempotency-Key, the work through state checks, order numbers reserved before the write, deterministic order ids
/// and one transaction that writes the orders, completes the checkout, empties the cart and records the events.
/// </summary>
public sealed class CheckoutService(
    OrderingStore store,
    QueueServiceClient queues,
    CartService carts,
    CatalogService catalog,
    OutboxDispatcher outbox,
    OrderDesk desk,
    ICheckoutFaults faults,
    TimeProvider clock,
    ILogger<CheckoutService> logger)
{
    public const string QueueName = "checkouts";

    /// <summary>A checkout still pending this long after its message was sent gets its message again.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(30);

    public async Task<(CheckoutView View, bool Created)> StartAsync(Caller caller, CheckoutRequest request, string cartVersion, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var scope = caller.Scope();
        var (checkout, created) = await store.CreateOnceAsync(scope, caller.UserId, idempotencyKey, [cartVersion, request.CustomerReference, request.Comment],
            async ct =>
            {
                var cart = await store.ReadCartAsync(scope, caller.UserId, ct);
                if (cart is null || cart.ETag != new ETag(cartVersion))
                {
                    throw Problems.PreconditionFailed();
                }
                var view = await carts.ViewAsync(caller, cart, ct);
                if (view.Lines.Count == 0)
                {
                    throw Problems.Conflict("The cart is empty; add products first.");
                }
                if (view.Lines.Where(l => l.Problem is not null).ToList() is { Count: > 0 } blocked)
                {
                    throw Problems.Conflict("Remove or change these items first: " + string.Join("; ", blocked.Select(l => $"{l.Name} — {l.Problem}")));
                }
                var now = clock.GetUtcNow();
                var checkoutId = Guid.NewGuid().ToString("N");
                var entity = new CheckoutEntity
                {
                    PartitionKey = scope.CounterpartyId,
                    RowKey = OrderingKeys.Checkout(checkoutId),
                    CheckoutId = checkoutId,
                    UserId = caller.UserId,
                    Username = caller.Username,
                    AccessGroupId = caller.AccessGroupId,
                    Lines = cart.Lines,
                    CustomerReference = string.IsNullOrWhiteSpace(request.CustomerReference) ? null : request.CustomerReference.Trim(),
                    Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
                    CreatedAt = now,
                    EnqueuedAt = now,
                };
                return (store.NewChange(scope).Add(entity), checkoutId, entity);
            },
            async (checkoutId, ct) =>
            {
                var first = await store.ReadCheckoutAsync(scope, checkoutId, ct)
                            ?? throw Problems.Conflict("The first request with this key is still being recorded; try again in a moment.");
                await ResendIfStuckAsync(first, ct);
                return first;
            },
            cancellationToken);
        if (created)
        {
            await EnqueueAsync(checkout.PartitionKey, checkout.CheckoutId, cancellationToken);
            logger.LogInformation("Checkout {CheckoutId} started by {Username}", checkout.CheckoutId, caller.Username);
        }
        return (ToView(checkout), created);
    }

    public async Task<CheckoutView> GetAsync(Caller caller, string checkoutId, CancellationToken cancellationToken)
    {
        var checkout = await store.ReadCheckoutAsync(caller.Scope(), checkoutId, cancellationToken);
        if (checkout is null || checkout.UserId != caller.UserId)
        {
            throw Problems.NotFound("The checkout");
        }
        await ResendIfStuckAsync(checkout, cancellationToken);
        return ToView(checkout);
    }

    /// <summary>The queue function's work. Safe to run twice, concurrently, or again after dying at any step.</summary>
    public async Task ProcessAsync(CheckoutWork work, CancellationToken cancellationToken)
    {
        var scope = CounterpartyScope.OfWork(work.CounterpartyId);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var checkout = await store.ReadCheckoutAsync(scope, work.CheckoutId, cancellationToken);
            if (checkout is null)
            {
                logger.LogWarning("Checkout {CheckoutId} does not exist; nothing to do", work.CheckoutId);
                return;
            }
            switch (Enum.Parse<CheckoutStatus>(checkout.Status))
            {
                case CheckoutStatus.Completed:
                    // Perhaps we died after the transaction and before the desk showed the orders or the events were sent.
                    await SyncDeskAsync(scope, checkout, cancellationToken);
                    await outbox.RequestDispatchAsync(OrderingTables.Orders, work.CounterpartyId, cancellationToken);
                    return;
                case CheckoutStatus.Failed:
                    return;
            }
            try
            {
                await CreateOrdersAsync(scope, checkout, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // The checkout, the cart or the counter changed under us (another delivery, the user's other tab): start over.
                logger.LogInformation("Checkout {CheckoutId} changed while being processed ({Status}); retrying", work.CheckoutId, ex.Status);
            }
        }
        throw new InvalidOperationException($"Checkout {work.CheckoutId} kept changing while being processed.");
    }

    /// <summary>
    /// Plans the orders (<see cref="WarehouseSplit"/>), reserves their numbers once, then writes the orders, their list
    /// rows, their events, the completed checkout and the emptied cart in one transaction.
    /// </summary>
    private async Task CreateOrdersAsync(CounterpartyScope scope, CheckoutEntity checkout, CancellationToken cancellationToken)
    {
        var buyer = new Caller(CallerKind.Customer, checkout.UserId, checkout.Username, checkout.PartitionKey, checkout.AccessGroupId, "", "");
        var lookup = await catalog.LookupOrderableAsync(buyer, cancellationToken);
        var lines = JsonColumn.Read<CartLine>(checkout.Lines);
        var plan = WarehouseSplit.Plan(lines, lookup, DateOnly.FromDateTime(checkout.CreatedAt.UtcDateTime));
        if (!plan.CanOrder)
        {
            checkout.Status = nameof(CheckoutStatus.Failed);
            checkout.FailureReason = "Nothing was ordered. " + string.Join("; ", plan.Problems);
            checkout.CompletedAt = clock.GetUtcNow();
            await store.ReplaceAsync(checkout, cancellationToken);
            logger.LogInformation("Checkout {CheckoutId} failed: {Reason}", checkout.CheckoutId, checkout.FailureReason);
            return;
        }

        if (checkout.ReservedNumbers is null)
        {
            var first = await store.ReserveOrderNumbersAsync(plan.Orders.Count, cancellationToken);
            checkout.ReservedNumbers = string.Join(',', Enumerable.Range(0, plan.Orders.Count).Select(i => OrderNumbers.Format(first + i)));
            checkout.ETag = await store.ReplaceAsync(checkout, cancellationToken);
        }
        faults.At("after-numbers-reserved", checkout);
        var reserved = checkout.ReservedNumbers.Split(',');

        var change = store.NewChange(scope);
        var created = new List<CreatedOrder>();
        var orders = new List<OrderEntity>();
        for (var i = 0; i < plan.Orders.Count; i++)
        {
            var planned = plan.Orders[i];
            var order = OrderService.NewOrder(checkout, planned, reserved[i], lookup.Currency);
            orders.Add(order);
            change.Add(order).Add(OrderService.ListRowOf(order, planned.Lines))
                .Add(new OrderNumberEntity { PartitionKey = order.PartitionKey, RowKey = OrderingKeys.OrderNumber(order.Number), OrderId = order.OrderId });
            change.AddEvent(StableId.From(order.OrderId, "order-placed"), "OrderPlaced", order.PlacedAt, new
            {
                orderId = order.OrderId, number = order.Number, counterpartyId = checkout.PartitionKey, warehouseId = planned.WarehouseId,
                placedAt = order.PlacedAt, customerReference = checkout.CustomerReference, comment = checkout.Comment, placedBy = checkout.Username,
                currency = lookup.Currency, total = planned.Total,
                lines = planned.Lines.Select(l => new { l.Sku, quantity = l.Ordered, l.UnitPrice, l.LineTotal }),
            });
            created.Add(new CreatedOrder(order.OrderId, order.Number, planned.WarehouseId, planned.WarehouseName, planned.Total, lookup.Currency));
        }

        checkout.Status = nameof(CheckoutStatus.Completed);
        checkout.Orders = JsonColumn.Write(created);
        checkout.CompletedAt = clock.GetUtcNow();
        change.Replace(checkout);

        // Take the ordered lines out of the cart, leaving anything added since the checkout started.
        if (await store.ReadCartAsync(scope, checkout.UserId, cancellationToken) is { } cart)
        {
            var orderedIds = lines.Select(l => l.Id).ToHashSet();
            cart.Lines = JsonColumn.Write(JsonColumn.Read<CartLine>(cart.Lines).Where(l => !orderedIds.Contains(l.Id)));
            cart.UpdatedAt = clock.GetUtcNow();
            change.Replace(cart);
        }

        // The staff desk is another partition: say first that these orders are about to appear there (OrderDesk).
        var intents = new List<ETag>();
        foreach (var order in orders)
        {
            intents.Add(await desk.MarkAsync(scope.CounterpartyId, order.OrderId, cancellationToken));
        }
        faults.At("before-orders-written", checkout);
        await store.SubmitAsync(change, cancellationToken);
        logger.LogInformation("Checkout {CheckoutId} created {Count} order(s): {Numbers}", checkout.CheckoutId, created.Count, string.Join(", ", created.Select(c => c.Number)));

        faults.At("after-orders-written", checkout);
        for (var i = 0; i < orders.Count; i++)
        {
            await desk.SyncAsync(orders[i], intents[i], cancellationToken);
        }
        await outbox.RequestDispatchAsync(OrderingTables.Orders, checkout.PartitionKey, cancellationToken);
    }

    /// <summary>Puts a completed checkout's orders on the staff desk if a crash stopped that after the orders were written.</summary>
    private async Task SyncDeskAsync(CounterpartyScope scope, CheckoutEntity checkout, CancellationToken cancellationToken)
    {
        foreach (var created in JsonColumn.Read<CreatedOrder>(checkout.Orders))
        {
            if (await store.ReadOrderAsync(scope, created.Id, cancellationToken) is { DeskSynced: false } order)
            {
                await desk.SyncAsync(order, null, cancellationToken);
            }
        }
    }

    /// <summary>If the process died between recording a checkout and sending its message, the checkout would wait for ever: send it again.</summary>
    private async Task ResendIfStuckAsync(CheckoutEntity checkout, CancellationToken cancellationToken)
    {
        if (checkout.Status != nameof(CheckoutStatus.Pending) || clock.GetUtcNow() - checkout.EnqueuedAt < ResendAfter)
        {
            return;
        }
        checkout.EnqueuedAt = clock.GetUtcNow();
        try
        {
            await store.ReplaceAsync(checkout, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return; // Someone else is already on it.
        }
        await EnqueueAsync(checkout.PartitionKey, checkout.CheckoutId, cancellationToken);
    }

    private async Task EnqueueAsync(string counterpartyId, string checkoutId, CancellationToken cancellationToken) =>
        await queues.GetQueueClient(QueueName).SendMessageAsync(JsonSerializer.Serialize(new CheckoutWork(counterpartyId, checkoutId), PortalJson.Options), cancellationToken);

    private static CheckoutView ToView(CheckoutEntity checkout) =>
        new(checkout.CheckoutId, Enum.Parse<CheckoutStatus>(checkout.Status),
            JsonColumn.Read<CreatedOrder>(checkout.Orders)
                .Select(o => new CheckoutOrderView(o.Id, o.Number, o.WarehouseId, o.WarehouseName, new Money(o.Total, o.Currency))).ToList(),
            checkout.FailureReason);
}
