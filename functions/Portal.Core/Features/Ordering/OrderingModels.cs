using System.Text.Json.Serialization;
using Portal.Core.Features.Catalog;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Core.Features.Ordering;

public sealed class AddCartLineRequest : IValidatable
{
    [JsonRequired] public string Sku { get; set; } = "";
    [JsonRequired] public decimal Quantity { get; set; }
    public string? WarehouseId { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required("sku", Sku, 64);
        CartRules.ValidateQuantity(errors, "quantity", Quantity);
        errors.Optional("warehouseId", WarehouseId, 64);
    }
}

public sealed class UpdateCartLineRequest : IValidatable
{
    public decimal? Quantity { get; set; }
    public string? WarehouseId { get; set; }

    public void Validate(ValidationErrors errors)
    {
        if (Quantity is null && WarehouseId is null)
        {
            errors.Add("quantity", "Change the quantity, the warehouse or both.");
        }
        if (Quantity is { } q)
        {
            CartRules.ValidateQuantity(errors, "quantity", q);
        }
        errors.Optional("warehouseId", WarehouseId, 64);
    }
}

/// <summary>Swap a cart line for another product: same quantity, one step.</summary>
public sealed class SwapCartLineRequest : IValidatable
{
    [JsonRequired] public string Sku { get; set; } = "";

    public void Validate(ValidationErrors errors) => errors.Required("sku", Sku, 64);
}

/// <summary>A quick order: "SKU, quantity" lines as pasted or read from a CSV file.</summary>
public sealed class QuickOrderRequest : IValidatable
{
    public const int MaxLength = 20_000;

    [JsonRequired] public string Text { get; set; } = "";

    public void Validate(ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            errors.Add("text", "Paste or upload lines of SKU, quantity.");
        }
        else if (Text.Length > MaxLength)
        {
            errors.Add("text", $"Send at most {MaxLength:N0} characters ({QuickOrderText.MaxLines} lines).");
        }
        else if (Text.Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t'))
        {
            errors.Add("text", "Send plain text: SKU, quantity on each line.");
        }
    }
}

public sealed class CheckoutRequest : IValidatable
{
    public string? CustomerReference { get; set; }
    public string? Comment { get; set; }

    public void Validate(ValidationErrors errors)
    {
        errors.Optional("customerReference", CustomerReference, 50);
        errors.Optional("comment", Comment, 1000, multiline: true);
    }
}

public static class CartRules
{
    public const decimal MaxQuantity = 1_000_000m;
    public const int MaxLines = 100;

    public static void ValidateQuantity(ValidationErrors errors, string field, decimal quantity)
    {
        if (quantity <= 0)
        {
            errors.Add(field, "Enter a quantity above zero.");
        }
        else if (quantity > MaxQuantity)
        {
            errors.Add(field, $"Enter at most {MaxQuantity:N0}; for more, contact your supplier.");
        }
    }

    /// <summary>
    /// The price a line is charged: the quoted price while its quotation is valid (the supplier promised it), else the
    /// counterparty's catalog price. Null when the product cannot be ordered.
    /// </summary>
    public static Money? PriceOf(Orderable orderable, Quote? quote, DateOnly today) =>
        orderable.Price is not { } price ? null
        : quote is { } q && today <= q.ValidUntil ? new Money(q.UnitPrice, price.Currency)
        : price;

    /// <summary>The unit's precision: 3 pieces, not 2.5; 1.250 kg, not 1.2505.</summary>
    public static string? CheckPrecision(decimal quantity, int unitPrecision, string unit) =>
        decimal.Round(quantity, unitPrecision) == quantity
            ? null
            : unitPrecision == 0 ? $"Order whole {unit}." : $"Use at most {unitPrecision} decimal places for {unit}.";
}

// Views.

public sealed record CartLineView(string Id, string Sku, string Name, string Unit, int UnitPrecision, decimal Quantity, string WarehouseId, string WarehouseName,
    Money? UnitPrice, Money? LineTotal, string? Problem, string? QuotationNumber, ProductKind Kind = ProductKind.Goods);

public sealed record CartView(IReadOnlyList<CartLineView> Lines, Money Total, string Version);

public sealed record CartFillItem(string Sku, string Name, decimal Quantity);

/// <summary>
/// Something to put into the cart for review: a line of an earlier order (with the warehouse it shipped from), or of a
/// quotation with its quoted price.
/// </summary>
public sealed record CartFillRequest(string Sku, string Name, decimal Quantity, Quote? Quote = null, string? WarehouseId = null);

public sealed record CartFillProblem(string Sku, string Name, string Reason);

/// <summary>A repeated line that could not ship from its earlier warehouse (it no longer stocks the product), and where it ships from now.</summary>
public sealed record CartFillMove(string Sku, string Name, string FromWarehouseId, string FromWarehouseName, string ToWarehouseId, string ToWarehouseName);

public sealed record CartFillResult(CartView Cart, IReadOnlyList<CartFillItem> Added, IReadOnlyList<CartFillProblem> Unavailable, IReadOnlyList<CartFillMove> Moved);

/// <summary>A recognised quick-order line: its line in the text, the product and the price it would be charged.</summary>
public sealed record QuickOrderLineView(int Line, string Sku, string Name, decimal Quantity, string Unit, Money UnitPrice);

/// <summary>A quick-order line that was not recognised: its line in the text, what was written and why.</summary>
public sealed record QuickOrderProblemView(int Line, string Sku, string Message);

/// <summary>What a quick order would add (<paramref name="Lines"/>) and what it cannot, line by line; checking changes nothing.</summary>
public sealed record QuickOrderCheckView(IReadOnlyList<QuickOrderLineView> Lines, IReadOnlyList<QuickOrderProblemView> Problems);

/// <summary>The cart after a quick order, the lines added and those left out with the reason.</summary>
public sealed record QuickOrderResult(CartView Cart, IReadOnlyList<QuickOrderLineView> Added, IReadOnlyList<QuickOrderProblemView> Problems);

public sealed record CheckoutView(string Id, CheckoutStatus Status, IReadOnlyList<CheckoutOrderView> Orders, string? FailureReason);

public sealed record CheckoutOrderView(string Id, string Number, string WarehouseId, string WarehouseName, Money Total);

public sealed record OrderSummaryView(string Id, string Number, DateTimeOffset Date, OrderStatus Status, string WarehouseId, string WarehouseName, Money Total,
    int LineCount, string? CustomerReference);

public sealed record OrderLineView(string Sku, string Name, string Unit, decimal Ordered, decimal Shipped, decimal Pending, Money UnitPrice, Money LineTotal,
    string? QuotationNumber);

public sealed record OrderView(string Id, string Number, DateTimeOffset Date, OrderStatus Status, string WarehouseId, string WarehouseName, string? CustomerReference,
    string? Comment, IReadOnlyList<OrderLineView> Lines, Money Total, IReadOnlyList<StatusChangeView> History, IReadOnlyList<ShipmentView> Shipments);

public sealed record StatusChangeView(OrderStatus Status, DateTimeOffset At, string? Reason = null);

/// <summary>A shipment (goods issue) of the order; <paramref name="DocumentId"/> opens it under Documents → Goods delivery.</summary>
public sealed record ShipmentView(string Number, DateOnly Date, IReadOnlyList<ShipmentLine> Lines, string DocumentId);

public sealed record OrdersStatementRow(string OrderId, string OrderNumber, DateTimeOffset OrderDate, string Sku, string Name, string Unit,
    decimal Ordered, decimal Shipped, decimal Pending);

public sealed record OrdersStatementView(IReadOnlyList<OrdersStatementRow> Rows, DateTimeOffset GeneratedAt);

// Company side.

/// <summary>An order in the staff overview, with the counterparty it belongs to.</summary>
public sealed record StaffOrderSummaryView(string CounterpartyId, OrderSummaryView Order);

/// <summary>How many orders a desk backfill put on the desk.</summary>
public sealed record DeskBackfillView(int Orders);

/// <summary>Why an order is canceled (optional); the customer sees it in the order's history.</summary>
public sealed class CancelOrderRequest : IValidatable
{
    public string? Reason { get; set; }

    public void Validate(ValidationErrors errors) => errors.Optional("reason", Reason, 500, multiline: true);
}

public sealed class ShipmentRequest : IValidatable
{
    /// <summary>The company's goods issue number: sending the same shipment again changes nothing.</summary>
    [JsonRequired] public string Number { get; set; } = "";
    [JsonRequired] public DateOnly Date { get; set; }
    [JsonRequired] public List<ShipmentLine> Lines { get; set; } = [];

    public void Validate(ValidationErrors errors)
    {
        errors.Required("number", Number, 50);
        if (Lines is null || Lines.Count == 0)
        {
            errors.Add("lines", "List the shipped products.");
            return;
        }
        if (Lines.Count > CartRules.MaxLines)
        {
            errors.Add("lines", $"A shipment lists at most {CartRules.MaxLines} products, one line each.");
            return;
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Lines.Count; i++)
        {
            if (Lines[i] is null || string.IsNullOrWhiteSpace(Lines[i].Sku))
            {
                errors.Add($"lines[{i}].sku", "Name the product.");
            }
            else if (!seen.Add(Lines[i].Sku.Trim()))
            {
                errors.Add($"lines[{i}].sku", "List each product once, with the whole quantity shipped.");
            }
            else if (Lines[i].Quantity <= 0)
            {
                errors.Add($"lines[{i}].quantity", "Enter a shipped quantity above zero.");
            }
        }
    }
}
