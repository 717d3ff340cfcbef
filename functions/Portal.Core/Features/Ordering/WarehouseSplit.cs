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
/// <para>
/// Services (installation, hours of work) ship from no warehouse, so they make an order of their own, after the goods
/// orders: a service is performed on its own schedule by other people, and it must neither hold up the goods' shipments
/// nor be listed on their goods issues. A cart of goods from two warehouses plus services thus gives three orders.
/// </para>
/// A pure rule: the catalog as it was at checkout goes in, the plan comes out.
/// </summary>
public static class WarehouseSplit
{
    /// <summary>The name the services' order shows where a goods order shows its warehouse.</summary>
    public const string ServicesOrderName = "Services";

    public static SplitPlan Plan(IReadOnlyList<CartLine> lines, OrderableLookup catalog, DateOnly today)
    {
        var problems = lines
            .Select(line => (Line: line, Orderable: catalog.Find(line.Sku)))
            .Select(x => (x.Line, x.Orderable, Problem: x.Orderable.Problem ?? CartService.WarehouseProblem(catalog, x.Orderable.Product!, x.Line.WarehouseId)))
            .Where(x => x.Problem is not null)
            .Select(x => $"{x.Orderable.Product?.Name ?? x.Line.Sku}: {x.Problem}")
            .ToList();
        if (problems.Count > 0 || lines.Count == 0)
        {
            return new SplitPlan([], problems.Count > 0 ? problems : ["The cart is empty."]);
        }

        var orders = lines
            // A product that became a service since it was put into the cart goes with the services all the same.
            .GroupBy(line => catalog.Find(line.Sku).Product!.IsService ? LineWarehouse.None : line.WarehouseId)
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
                var name = group.Key == LineWarehouse.None ? ServicesOrderName : catalog.Snapshot.WarehouseName(group.Key);
                return new PlannedOrder(group.Key, name, orderLines, orderLines.Sum(l => l.LineTotal));
            })
            .OrderBy(order => order.WarehouseId == LineWarehouse.None)
            .ThenBy(order => order.WarehouseName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(order => order.WarehouseId, StringComparer.Ordinal)
            .ToList();
        return new SplitPlan(orders, []);
    }
}
