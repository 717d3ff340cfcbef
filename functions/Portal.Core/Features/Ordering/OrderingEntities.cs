using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Ordering;

// Everything a counterparty orders lives in ONE partition of the Orders table (PartitionKey = counterparty id):
// carts, checkouts, idempotency keys, orders with their list rows, and outbox rows. That is what lets a checkout
// create its orders, empty the cart and record the integration events in one entity-group transaction, and it is
// the security boundary: a customer's requests only ever address their own partition. OrderingStore is the only
// code that reads or writes these rows.

public static class OrderingTables
{
    public const string Orders = "Orders";
}

public static class OrderingKeys
{
    public static string Cart(string userId) => "cart:" + userId;
    public static string Favourites(string userId) => "fav:" + userId;
    public static string Checkout(string checkoutId) => "checkout:" + checkoutId;
    public static string Order(string orderId) => "order:" + orderId;
    public static string OrderNumber(string number) => "onum:" + number;
    public const string OrderListPrefix = "olist:";
    public static string OrderList(DateTimeOffset placedAt, string orderId) => $"{OrderListPrefix}{TableKeys.NewestFirst(placedAt)}:{orderId}";

    /// <summary>The company-wide order number counter lives in its own partition of the same table.</summary>
    public const string CounterPartition = "counter";
    public const string OrderCounter = "sales-order";
}

public sealed class CartEntity : TableRow
{
    /// <summary>JSON array of <see cref="CartLine"/>.</summary>
    public string Lines { get; set; } = "[]";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A buyer's favourite products (RowKey "fav:{userId}"), newest first: one row, one point read.</summary>
public sealed class FavouritesEntity : TableRow
{
    /// <summary>JSON array of SKUs, the newest favourite first.</summary>
    public string Skus { get; set; } = "[]";
}

/// <summary>A cart line; <paramref name="Quote"/> is set when it came from a quotation, whose price it keeps while that is valid.</summary>
public sealed record CartLine(string Id, string Sku, decimal Quantity, string WarehouseId, Quote? Quote = null);

/// <summary>The quoted price of a product, from the quotation the line was ordered from, until the quotation expires.</summary>
public sealed record Quote(string QuotationId, string QuotationNumber, decimal UnitPrice, DateOnly ValidUntil);

public enum CheckoutStatus
{
    Pending,
    Completed,
    Failed,
}

public sealed class CheckoutEntity : TableRow
{
    public string CheckoutId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Username { get; set; } = "";
    public string? AccessGroupId { get; set; }
    /// <summary>The cart lines being ordered, as the customer reviewed them (JSON array of <see cref="CartLine"/>).</summary>
    public string Lines { get; set; } = "[]";
    public string? CustomerReference { get; set; }
    public string? Comment { get; set; }
    public string Status { get; set; } = nameof(CheckoutStatus.Pending);
    /// <summary>Order numbers reserved for this checkout before the orders are written, so a retry reuses them.</summary>
    public string? ReservedNumbers { get; set; }
    /// <summary>JSON array of <see cref="CreatedOrder"/> once completed.</summary>
    public string? Orders { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>When the work message was last sent; a checkout pending long after this is sent again.</summary>
    public DateTimeOffset EnqueuedAt { get; set; }
}

public sealed record CreatedOrder(string Id, string Number, string WarehouseId, string WarehouseName, decimal Total, string Currency);

public enum OrderStatus
{
    Sent,
    InProgress,
    Completed,
    Canceled,
}

/// <summary>The whole order (RowKey "order:{id}"), read by id with one point read.</summary>
public sealed class OrderEntity : TableRow
{
    public string OrderId { get; set; } = "";
    public string Number { get; set; } = "";
    public DateTimeOffset PlacedAt { get; set; }
    public string Status { get; set; } = nameof(OrderStatus.Sent);
    public string WarehouseId { get; set; } = "";
    public string WarehouseName { get; set; } = "";
    public string? CustomerReference { get; set; }
    public string? Comment { get; set; }
    public string PlacedByUserId { get; set; } = "";
    public string PlacedByUsername { get; set; } = "";
    public string CheckoutId { get; set; } = "";
    /// <summary>JSON array of <see cref="OrderLine"/>.</summary>
    public string Lines { get; set; } = "[]";
    public string Total { get; set; } = "0";
    public string Currency { get; set; } = "";
    /// <summary>JSON array of <see cref="StatusChange"/>.</summary>
    public string History { get; set; } = "[]";
    /// <summary>JSON array of <see cref="Shipment"/>.</summary>
    public string Shipments { get; set; } = "[]";
    /// <summary>RowKey of the list row, which changes with the order and is written in the same transaction.</summary>
    public string ListRowKey { get; set; } = "";
    /// <summary>False from a change's commit until the staff desk shows it (<see cref="OrderDesk"/>); whoever finds it false brings the desk in step.</summary>
    public bool DeskSynced { get; set; } = true;
}

/// <summary>
/// The order as lists and the orders statement need it (RowKey "olist:{inverted ticks}:{id}"): newest first by
/// RowKey, filterable by status, with each line's ordered and shipped quantities.
/// </summary>
public sealed class OrderListEntity : TableRow
{
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
    /// <summary>JSON array of <see cref="OrderLine"/> (the same lines as the order).</summary>
    public string Lines { get; set; } = "[]";
}

public sealed record OrderLine(string Sku, string Name, string Unit, decimal Ordered, decimal Shipped, decimal UnitPrice, decimal LineTotal, string? QuotationNumber = null,
    int? UnitPrecision = null)
{
    // UnitPrecision: the decimal places the unit allowed when ordered (null on orders placed before it was recorded,
    // whose shipments are then not checked against it).
    public decimal Pending => Math.Max(0, Ordered - Shipped);


}

/// <summary>A status the order reached; <paramref name="Reason"/> is what the clerk gave for a cancellation.</summary>
public sealed record StatusChange(string Status, DateTimeOffset At, string By, string? Reason = null);

public sealed record Shipment(string Number, DateOnly Date, IReadOnlyList<ShipmentLine> Lines, DateTimeOffset RecordedAt);

public sealed record ShipmentLine(string Sku, decimal Quantity);

/// <summary>"onum:{number}": finds an order by its number (links from invoices and goods issues). Written with the order.</summary>
public sealed class OrderNumberEntity : TableRow
{
    public string OrderId { get; set; } = "";
}
