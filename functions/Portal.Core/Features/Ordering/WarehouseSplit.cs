using Portal.Core.Features.Catalog;
using Portal.Core.Shared;

namespace Portal.Core.Features.Ordering;

/// <summary>One order to create: the lines that ship from one warehouse, priced.</summary>
public sealed record PlannedOrder(string WarehouseId, string WarehouseName, IReadOnlyList<OrderLine> Lines, decimal Total);

/// <summary>The outcome of splitting a checkout: the orders to create, or why nothing can be ordered.</summary>
public sealed record SplitPlan(IReadOnlyList<PlannedOrder> Orders, IReadOnlyList<string> Problems)
{
    public bool CanOrder => Problems.Count == 0;
}

/// <summary>
/// Split by warehouse: a cart whose lines ship from several warehouses becomes one order per warehouse, priced at
/// checkout time. Anything withdrawn or unavailable meanwhile fails the checkout whole — the buyer reviewed the cart
/// as a whole, so half an order would be a surprise. A line from a quotation is charged the quoted price while the
/// quotation is valid on the day of the checkout. Orders come in warehouse-name order, so numbers are stable.
/// A pure rule: the catalog as it was at checkout goes in, the plan comes out.
/// </summary>
public static class WarehouseSplit
{
    public static SplitPlan Plan(IReadOnlyList<CartLine> lines, OrderableLookup catalog, DateOnly today)
    {
        var problems = lines
            .Select(line => (Line: line, Orderable: catalog.Find(line.Sku)))
            .Where(x => !x.Orderable.IsOrderable || !catalog.Snapshot.WarehousesById.ContainsKey(x.Line.WarehouseId))
            .Select(x => $"{x.Orderable.Product?.Name ?? x.Line.Sku}: {x.Orderable.Problem ?? "its warehouse no longer exists"}")
            .ToList();
        if (problems.Count > 0 || lines.Count == 0)
        {
            return new SplitPlan([], problems.Count > 0 ? problems : ["The cart is empty."]);
        }

        var orders = lines
            .GroupBy(line => line.WarehouseId)
            .Select(group =>
            {
                var orderLines = group.Select(line =>
                {
                    var found = catalog.Find(line.Sku);
                    var unitPrice = CartRules.PriceOf(found, line.Quote, today)!.Amount;
                    var quoted = line.Quote is { } quote && today <= quote.ValidUntil ? quote.QuotationNumber : null;
                    return new OrderLine(found.Product!.Sku, found.Product.Name, found.Product.Unit, line.Quantity, 0m, unitPrice,
                        Money.LineTotal(unitPrice, line.Quantity), quoted, found.Product.UnitPrecision);
                }).ToList();
                return new PlannedOrder(group.Key, catalog.Snapshot.WarehouseName(group.Key), orderLines, orderLines.Sum(l => l.LineTotal));
            })
            .OrderBy(order => order.WarehouseName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(order => order.WarehouseId, StringComparer.Ordinal)
            .ToList();
        return new SplitPlan(orders, []);
    }
}
