using Portal.Core.Features.Catalog;
using Portal.Core.Features.Ordering;

namespace Portal.Core.Tests.Features.Ordering;

public sealed class WarehouseSplitTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
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
        var plan = WarehouseSplit.Plan([new CartLine("1", "A", 2, "north"), new CartLine("2", "B", 3, "central"), new CartLine("3", "A", 1, "central")], Catalog(), Today);

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
        var plan = WarehouseSplit.Plan([new CartLine("1", "A", 2, "central")], Catalog(ownPrices: new() { ["A"] = 9m }), Today);

        Assert.Equal(9m, plan.Orders.Single().Lines.Single().UnitPrice);
        Assert.Equal(18m, plan.Orders.Single().Total);
    }

    [Fact]
    public void A_line_from_a_valid_quotation_is_charged_the_quoted_price_and_names_the_quotation()
    {
        var quote = new Quote("q1", "QT-2026-0041", 8.5m, Today);
        var plan = WarehouseSplit.Plan([new CartLine("1", "A", 2, "central", quote), new CartLine("2", "B", 1, "central")], Catalog(), Today);

        var lines = plan.Orders.Single().Lines;
        Assert.Equal((8.5m, 17m, "QT-2026-0041"), (lines[0].UnitPrice, lines[0].LineTotal, lines[0].QuotationNumber));
        Assert.Equal((2.345m, (string?)null), (lines[1].UnitPrice, lines[1].QuotationNumber));
    }

    [Fact]
    public void After_the_quotation_expires_the_catalog_price_applies()
    {
        var expired = new Quote("q1", "QT-2026-0017", 8.5m, Today.AddDays(-1));
        var line = WarehouseSplit.Plan([new CartLine("1", "A", 2, "central", expired)], Catalog(), Today).Orders.Single().Lines.Single();

        Assert.Equal((10m, (string?)null), (line.UnitPrice, line.QuotationNumber));
    }

    [Fact]
    public void A_withdrawn_product_fails_the_whole_checkout_and_says_which()
    {
        var plan = WarehouseSplit.Plan([new CartLine("1", "A", 1, "central"), new CartLine("2", "C", 1, "north")], Catalog(), Today);

        Assert.False(plan.CanOrder);
        Assert.Empty(plan.Orders);
        Assert.Equal("Product C: This product has been withdrawn.", Assert.Single(plan.Problems));
    }

    [Fact]
    public void A_product_outside_the_access_group_or_a_vanished_warehouse_is_a_problem()
    {
        var plan = WarehouseSplit.Plan([new CartLine("1", "S", 1, "central"), new CartLine("2", "A", 1, "south")],
            Catalog(allowedCategories: new HashSet<string> { "tools" }), Today);

        Assert.Equal(2, plan.Problems.Count);
        Assert.Contains(plan.Problems, p => p.Contains("not in your catalog"));
        Assert.Contains(plan.Problems, p => p.Contains("warehouse no longer exists"));
    }

    [Fact]
    public void An_empty_cart_orders_nothing() => Assert.False(WarehouseSplit.Plan([], Catalog(), Today).CanOrder);
}
