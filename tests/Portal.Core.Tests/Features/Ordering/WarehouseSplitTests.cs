using Portal.Core.Features.Catalog;
using Portal.Core.Features.Ordering;

namespace Portal.Core.Tests.Features.Ordering;

public sealed class WarehouseSplitTests
{
    private static readonly Warehouse Central = new("central", "Central warehouse", "Leeds");
    private static readonly Warehouse North = new("north", "North depot", "York");

    private static Product Product(string sku, decimal price, bool active = true, string category = "tools") =>
        new(sku, "Product " + sku, "", category, "pcs", 0, price, "central", [], new Dictionary<string, decimal>(), active);

    private static OrderableLookup Catalog(IReadOnlySet<string>? allowedCategories = null, Dictionary<string, decimal>? ownPrices = null) =>
        new(new CatalogSnapshot([Product("A", 10m), Product("B", 2.345m), Product("C", 5m, active: false), Product("S", 7m, category: "safety")],
                [new Category("tools", "Tools", 1), new Category("safety", "Safety", 2)], [North, Central], DateTimeOffset.UnixEpoch),
            allowedCategories, new Pricing(ownPrices ?? [], "EUR"));

    [Fact]
    public void A_cart_from_two_warehouses_becomes_two_orders_in_warehouse_name_order()
    {
        var plan = WarehouseSplit.Plan([new CartLine("1", "A", 2, "north"), new CartLine("2", "B", 3, "central"), new CartLine("3", "A", 1, "central")], Catalog());

        Assert.True(plan.CanOrder);
        Assert.Equal(["Central warehouse", "North depot"], plan.Orders.Select(o => o.WarehouseName));
        Assert.Equal(["B", "A"], plan.Orders[0].Lines.Select(l => l.Sku));
        Assert.Equal(7.04m + 10m, plan.Orders[0].Total); // 3 × 2.345 = 7.035, rounded half away from zero
        Assert.Equal(20m, plan.Orders[1].Total);
        Assert.All(plan.Orders.SelectMany(o => o.Lines), l => Assert.Equal(0m, l.Shipped));
    }

    [Fact]
    public void The_counterpartys_own_price_is_charged()
    {
        var plan = WarehouseSplit.Plan([new CartLine("1", "A", 2, "central")], Catalog(ownPrices: new() { ["A"] = 9m }));

        Assert.Equal(9m, plan.Orders.Single().Lines.Single().UnitPrice);
        Assert.Equal(18m, plan.Orders.Single().Total);
    }

    [Fact]
    public void A_withdrawn_product_fails_the_whole_checkout_and_says_which()
    {
        var plan = WarehouseSplit.Plan([new CartLine("1", "A", 1, "central"), new CartLine("2", "C", 1, "north")], Catalog());

        Assert.False(plan.CanOrder);
        Assert.Empty(plan.Orders);
        Assert.Equal("Product C: This product has been withdrawn.", Assert.Single(plan.Problems));
    }

    [Fact]
    public void A_product_outside_the_access_group_or_a_vanished_warehouse_is_a_problem()
    {
        var plan = WarehouseSplit.Plan([new CartLine("1", "S", 1, "central"), new CartLine("2", "A", 1, "south")],
            Catalog(allowedCategories: new HashSet<string> { "tools" }));

        Assert.Equal(2, plan.Problems.Count);
        Assert.Contains(plan.Problems, p => p.Contains("not in your catalog"));
        Assert.Contains(plan.Problems, p => p.Contains("warehouse no longer exists"));
    }

    [Fact]
    public void An_empty_cart_orders_nothing() => Assert.False(WarehouseSplit.Plan([], Catalog()).CanOrder);
}
