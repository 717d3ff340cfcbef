using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared;
using Portal.Core.Shared.Events;
using Portal.Core.Shared.Http;

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
    TableServiceClient tables,
    QueueServiceClient queues,
    CartService carts,
    CatalogService catalog,
    OrderNumbers numbers,
    OutboxDispatcher outbox,
    ICheckoutFaults faults,
    TimeProvider clock,
    ILogger<CheckoutService> logger)
{
    public const string QueueName = "checkouts";

    /// <summary>A checkout still pending this long after its message was sent gets its message again.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(30);

    private readonly TableClient _table = tables.GetTableClient(OrderingKeys.Table);

    public async Task<(CheckoutView View, bool Created)> StartAsync(Caller caller, CheckoutRequest request, string cartVersion, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var counterpartyId = caller.RequireCounterparty();
        if (idempotencyKey is { Length: > 100 } || idempotencyKey?.Any(c => char.IsControl(c) || c == ':') == true)
        {
            throw Problems.Validation("Idempotency-Key", "Use at most 100 printable characters without ':'.");
        }
        var requestHash = Hash($"{cartVersion}\n{request.CustomerReference}\n{request.Comment}");

        if (idempotencyKey is not null && await ReplayAsync(caller, idempotencyKey, requestHash, cancellationToken) is { } replay)
        {
            return (replay, false);
        }

        var cart = await carts.ReadAsync(caller, cancellationToken);
        if (cart is null || cart.ETag != new ETag(cartVersion))
        {
            throw Problems.PreconditionFailed();
        }
        var view = await carts.ViewAsync(caller, cart, cancellationToken);
        if (view.Lines.Count == 0)
        {
            throw Problems.Conflict("The cart is empty; add products first.");
        }
        if (view.Lines.Where(l => l.Problem is not null).ToList() is { Count: > 0 } blocked)
        {
            throw Problems.Conflict("Remove or change these items first: " + string.Join("; ", blocked.Select(l => $"{l.Name} — {l.Problem}")));
        }

        var now = clock.GetUtcNow();
        var checkout = new CheckoutEntity
        {
            PartitionKey = counterpartyId,
            CheckoutId = Guid.NewGuid().ToString("N"),
            UserId = caller.UserId,
            Username = caller.Username,
            AccessGroupId = caller.AccessGroupId,
            Lines = cart.Lines,
            CustomerReference = string.IsNullOrWhiteSpace(request.CustomerReference) ? null : request.CustomerReference.Trim(),
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            CreatedAt = now,
            EnqueuedAt = now,
        };
        checkout.RowKey = OrderingKeys.Checkout(checkout.CheckoutId);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, checkout) };
        if (idempotencyKey is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, new IdempotencyEntity
            {
                PartitionKey = counterpartyId,
                RowKey = OrderingKeys.Idempotency(caller.UserId, idempotencyKey),
                ResourceId = checkout.CheckoutId,
                RequestHash = requestHash,
            }));
        }
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && idempotencyKey is not null)
        {
            // The same key won a race a moment ago: answer as for the first request.
            return (await ReplayAsync(caller, idempotencyKey, requestHash, cancellationToken) ?? throw Problems.Conflict("Try again."), false);
        }
        await EnqueueAsync(counterpartyId, checkout.CheckoutId, cancellationToken);
        logger.LogInformation("Checkout {CheckoutId} started by {Username}", checkout.CheckoutId, caller.Username);
        return (ToView(checkout), true);
    }

    public async Task<CheckoutView> GetAsync(Caller caller, string checkoutId, CancellationToken cancellationToken)
    {
        var checkout = await ReadAsync(caller.RequireCounterparty(), checkoutId, cancellationToken);
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
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var checkout = await ReadAsync(work.CounterpartyId, work.CheckoutId, cancellationToken);
            if (checkout is null)
            {
                logger.LogWarning("Checkout {CheckoutId} does not exist; nothing to do", work.CheckoutId);
                return;
            }
            switch (Enum.Parse<CheckoutStatus>(checkout.Status))
            {
                case CheckoutStatus.Completed:
                    // Perhaps we died after the transaction and before asking for the events to be sent.
                    await outbox.RequestDispatchAsync(OrderingKeys.Table, work.CounterpartyId, cancellationToken);
                    return;
                case CheckoutStatus.Failed:
                    return;
            }
            try
            {
                await CreateOrdersAsync(checkout, cancellationToken);
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

    private async Task CreateOrdersAsync(CheckoutEntity checkout, CancellationToken cancellationToken)
    {
        var caller = new Caller(CallerKind.Customer, checkout.UserId, checkout.Username, checkout.PartitionKey, checkout.AccessGroupId, "", "");
        var lookup = await catalog.LookupOrderableAsync(caller, cancellationToken);
        var lines = CartService.LinesOf(new CartEntity { Lines = checkout.Lines });

        // Prices and availability are those at checkout time; anything withdrawn meanwhile fails the checkout whole.
        var problems = lines.Select(l => (Line: l, Orderable: lookup.Find(l.Sku)))
            .Where(x => !x.Orderable.IsOrderable || !lookup.Snapshot.WarehousesById.ContainsKey(x.Line.WarehouseId))
            .Select(x => $"{x.Orderable.Product?.Name ?? x.Line.Sku}: {x.Orderable.Problem ?? "its warehouse no longer exists"}")
            .ToList();
        if (problems.Count > 0)
        {
            checkout.Status = nameof(CheckoutStatus.Failed);
            checkout.FailureReason = "Nothing was ordered. " + string.Join("; ", problems);
            checkout.CompletedAt = clock.GetUtcNow();
            await _table.UpdateEntityAsync(checkout, checkout.ETag, TableUpdateMode.Replace, cancellationToken);
            logger.LogInformation("Checkout {CheckoutId} failed: {Reason}", checkout.CheckoutId, checkout.FailureReason);
            return;
        }

        var byWarehouse = lines.GroupBy(l => l.WarehouseId).OrderBy(g => lookup.Snapshot.WarehouseName(g.Key), StringComparer.CurrentCultureIgnoreCase).ToList();
        if (checkout.ReservedNumbers is null)
        {
            var first = await numbers.ReserveAsync(byWarehouse.Count, cancellationToken);
            checkout.ReservedNumbers = string.Join(',', Enumerable.Range(0, byWarehouse.Count).Select(i => OrderNumbers.Format(first + i)));
            var saved = await _table.UpdateEntityAsync(checkout, checkout.ETag, TableUpdateMode.Replace, cancellationToken);
            checkout.ETag = saved.Headers.ETag ?? default;
        }
        faults.At("after-numbers-reserved", checkout);
        var reserved = checkout.ReservedNumbers.Split(',');

        var placedAt = checkout.CreatedAt;
        var currency = lookup.Currency;
        var actions = new List<TableTransactionAction>();
        var created = new List<CreatedOrder>();
        for (var i = 0; i < byWarehouse.Count; i++)
        {
            var warehouseId = byWarehouse[i].Key;
            var orderId = StableId.From(checkout.CheckoutId, warehouseId);
            var orderLines = byWarehouse[i].Select(l =>
            {
                var found = lookup.Find(l.Sku);
                var unitPrice = found.Price!.Amount;
                return new OrderLine(found.Product!.Sku, found.Product.Name, found.Product.Unit, l.Quantity, 0m, unitPrice,
                    decimal.Round(unitPrice * l.Quantity, 2, MidpointRounding.AwayFromZero));
            }).ToList();
            var total = orderLines.Sum(l => l.LineTotal);
            var warehouseName = lookup.Snapshot.WarehouseName(warehouseId);
            var order = new OrderEntity
            {
                PartitionKey = checkout.PartitionKey,
                RowKey = OrderingKeys.Order(orderId),
                OrderId = orderId,
                Number = reserved[i],
                PlacedAt = placedAt,
                Status = nameof(OrderStatus.Sent),
                WarehouseId = warehouseId,
                WarehouseName = warehouseName,
                CustomerReference = checkout.CustomerReference,
                Comment = checkout.Comment,
                PlacedByUserId = checkout.UserId,
                PlacedByUsername = checkout.Username,
                CheckoutId = checkout.CheckoutId,
                Lines = JsonSerializer.Serialize(orderLines, PortalJson.Options),
                Total = CatalogRules.Format(total),
                Currency = currency,
                History = JsonSerializer.Serialize(new[] { new StatusChange(nameof(OrderStatus.Sent), placedAt, checkout.Username) }, PortalJson.Options),
                ListRowKey = OrderingKeys.OrderList(placedAt, orderId),
            };
            actions.Add(new(TableTransactionActionType.Add, order));
            actions.Add(new(TableTransactionActionType.Add, OrderService.ListRowOf(order, orderLines)));
            var eventId = StableId.From(orderId, "order-placed");
            actions.Add(new(TableTransactionActionType.Add, new OutboxEntity
            {
                PartitionKey = checkout.PartitionKey,
                RowKey = OrderingKeys.Outbox(eventId),
                EventId = eventId,
                EventType = "OrderPlaced",
                CreatedAt = placedAt,
                Payload = JsonSerializer.Serialize(new
                {
                    orderId, number = order.Number, counterpartyId = checkout.PartitionKey, warehouseId, placedAt,
                    customerReference = checkout.CustomerReference, comment = checkout.Comment, placedBy = checkout.Username,
                    currency, total, lines = orderLines.Select(l => new { l.Sku, quantity = l.Ordered, l.UnitPrice, l.LineTotal }),
                }, PortalJson.Options),
            }));
            created.Add(new CreatedOrder(orderId, order.Number, warehouseId, warehouseName, total, currency));
        }

        checkout.Status = nameof(CheckoutStatus.Completed);
        checkout.Orders = JsonSerializer.Serialize(created, PortalJson.Options);
        checkout.CompletedAt = clock.GetUtcNow();
        actions.Add(new(TableTransactionActionType.UpdateReplace, checkout, checkout.ETag));

        // Take the ordered lines out of the cart, leaving anything added since the checkout started.
        var cart = await carts.ReadAsync(caller, cancellationToken);
        if (cart is not null)
        {
            var orderedIds = lines.Select(l => l.Id).ToHashSet();
            var remaining = CartService.LinesOf(cart).Where(l => !orderedIds.Contains(l.Id)).ToList();
            cart.Lines = JsonSerializer.Serialize(remaining, PortalJson.Options);
            cart.UpdatedAt = clock.GetUtcNow();
            actions.Add(new(TableTransactionActionType.UpdateReplace, cart, cart.ETag));
        }

        faults.At("before-orders-written", checkout);
        AssertOnePartition(actions);
        await _table.SubmitTransactionAsync(actions, cancellationToken);
        logger.LogInformation("Checkout {CheckoutId} created {Count} order(s): {Numbers}", checkout.CheckoutId, created.Count, string.Join(", ", created.Select(c => c.Number)));

        faults.At("after-orders-written", checkout);
        await outbox.RequestDispatchAsync(OrderingKeys.Table, checkout.PartitionKey, cancellationToken);
    }

    private async Task<CheckoutView?> ReplayAsync(Caller caller, string idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var counterpartyId = caller.RequireCounterparty();
        var key = await _table.GetEntityIfExistsAsync<IdempotencyEntity>(counterpartyId, OrderingKeys.Idempotency(caller.UserId, idempotencyKey), cancellationToken: cancellationToken);
        if (!key.HasValue)
        {
            return null;
        }
        if (key.Value!.RequestHash != requestHash)
        {
            throw new PortalProblemException(422, Problems.TypeBase + "idempotency-key-reused", "This Idempotency-Key was used for a different request.",
                "Use a new key for a new order.");
        }
        var checkout = await ReadAsync(counterpartyId, key.Value.ResourceId, cancellationToken)
                       ?? throw Problems.Conflict("The first request with this key is still being recorded; try again in a moment.");
        await ResendIfStuckAsync(checkout, cancellationToken);
        return ToView(checkout);
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
            await _table.UpdateEntityAsync(checkout, checkout.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return; // Someone else is already on it.
        }
        await EnqueueAsync(checkout.PartitionKey, checkout.CheckoutId, cancellationToken);
    }

    private async Task EnqueueAsync(string counterpartyId, string checkoutId, CancellationToken cancellationToken) =>
        await queues.GetQueueClient(QueueName).SendMessageAsync(JsonSerializer.Serialize(new CheckoutWork(counterpartyId, checkoutId), PortalJson.Options), cancellationToken);

    private async Task<CheckoutEntity?> ReadAsync(string counterpartyId, string checkoutId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<CheckoutEntity>(counterpartyId, OrderingKeys.Checkout(checkoutId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static CheckoutView ToView(CheckoutEntity checkout)
    {
        var orders = checkout.Orders is null ? [] : JsonSerializer.Deserialize<List<CreatedOrder>>(checkout.Orders, PortalJson.Options) ?? [];
        return new CheckoutView(checkout.CheckoutId, checkout.Status.ToLowerInvariant(),
            orders.Select(o => new CheckoutOrderView(o.Id, o.Number, o.WarehouseId, o.WarehouseName, new Money(o.Total, o.Currency))).ToList(),
            checkout.FailureReason);
    }

    /// <summary>Azurite accepts a transaction across partitions that Azure rejects; catch that mistake here, in every environment.</summary>
    internal static void AssertOnePartition(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Select(a => a.Entity.PartitionKey).Distinct().Count() != 1 || actions.Count > 100)
        {
            throw new InvalidOperationException("An entity-group transaction must touch one partition and at most 100 entities.");
        }
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
