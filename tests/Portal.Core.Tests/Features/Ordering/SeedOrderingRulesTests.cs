using Portal.Core.Features.Catalog;
using Portal.Core.Features.Ordering;

namespace Portal.Core.Tests.Features.Ordering;

/// <summary>Services at checkout, the warehouse of a repeated or swapped line, and reading a quick order.</summary>
public sealed class SeedOrderingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly Warehouse Central = new("central", "Central warehouse", "Leeds");
    private static readonly Warehouse North = new("north", "North depot", "York");
    private static readonly Warehouse South = new("south", "South depot", "Bath");
    private static readonly Dictionary<string, Warehouse> Warehouses = new[] { Central, North, South }.ToDictionary(w => w.Id);

    private static Product Goods(string sku, Dictionary<string, decimal>? stock = null, string defaultWarehouse = "central") =>
        new(sku, "Product " + sku, "", "tools", "pcs", 0, 10m, defaultWarehouse, [], stock ?? [], true);

    private static Product Service(string sku) => new(sku, "Service " + sku, "", "tools", "hour", 1, 40m, "", [], new Dictionary<string, decimal>(), true, ProductKind.Service);

    private static OrderableLookup Catalog(params Product[] products) =>
        new(new CatalogSnapshot(products, [new Category("tools", "Tools", 1)], [Central, North, South], DateTimeOffset.UnixEpoch), null, new Pricing(new Dictionary<string, decimal>(), "EUR"));

    [Fact]
    public void Goods_from_two_warehouses_and_services_become_two_goods_orders_then_one_services_order()
    {
        var catalog = Catalog(Goods("A"), Goods("B"), Service("FIT"), Service("INSTALL"));

        var plan = WarehouseSplit.Plan([new CartLine("1", "FIT", 2.5m, ""), new CartLine("2", "A", 1, "north"), new CartLine("3", "B", 2, "central"),
            new CartLine("4", "INSTALL", 1, "")], catalog, Today);

        Assert.True(plan.CanOrder);
        Assert.Equal(["Central warehouse", "North depot", WarehouseSplit.ServicesOrderName], plan.Orders.Select(o => o.WarehouseName));
        Assert.Equal(["FIT", "INSTALL"], plan.Orders[2].Lines.Select(l => l.Sku));
        Assert.Equal(140m, plan.Orders[2].Total);
        Assert.Equal("", plan.Orders[2].WarehouseId);
    }

    [Fact]
    public void Only_services_make_one_order_and_goods_without_a_warehouse_cannot_be_ordered()
    {
        var catalog = Catalog(Goods("A"), Service("FIT"));

        Assert.Equal([WarehouseSplit.ServicesOrderName], WarehouseSplit.Plan([new CartLine("1", "FIT", 1, "")], catalog, Today).Orders.Select(o => o.WarehouseName));
        var refused = WarehouseSplit.Plan([new CartLine("1", "FIT", 1, ""), new CartLine("2", "A", 1, "")], catalog, Today);
        Assert.False(refused.CanOrder);
        Assert.Contains("Product A", Assert.Single(refused.Problems));
    }

    [Theory]
    [InlineData("north", 5, 5, 5, "north")]    // still stocked where it shipped from: stays
    [InlineData("north", 5, 0, 9, "central")]  // sold out there: the default warehouse, which has stock
    [InlineData("north", 0, 0, 9, "south")]    // neither: the warehouse with the most stock
    [InlineData("north", 0, 0, 0, "north")]    // nobody has stock: it stays where it was
    [InlineData("atlantis", 0, 3, 0, "north")] // the warehouse is gone: where the stock is
    [InlineData(null, 4, 4, 0, "central")]     // no preference: the default while it has stock
    public void A_line_keeps_its_warehouse_while_it_stocks_the_product(string? preferred, int central, int north, int south, string expected)
    {
        var product = Goods("A", new Dictionary<string, decimal> { ["central"] = central, ["north"] = north, ["south"] = south });

        Assert.Equal(expected, LineWarehouse.Choose(product, preferred, Warehouses));
    }

    [Fact]
    public void A_service_ships_from_no_warehouse()
    {
        Assert.Equal(LineWarehouse.None, LineWarehouse.Choose(Service("FIT"), "north", Warehouses));
    }

    [Fact]
    public void A_quick_order_is_read_line_by_line_with_the_texts_own_line_numbers()
    {
        var entries = QuickOrderText.Parse("SKU;Quantity\r\nA-1; 2\n\n\"B-2\",3.5\nC-3\t1,25\nD-4\n, 3\nE-5, 0\nF-6, lots\nG-7, 1, extra\n");

        Assert.Equal([(2, "A-1", 2m), (4, "B-2", 3.5m), (5, "C-3", 1.25m)],
            entries.Where(e => e.Problem is null).Select(e => (e.Line, e.Sku, e.Quantity!.Value)));
        Assert.Equal([6, 7, 8, 9, 10], entries.Where(e => e.Problem is not null).Select(e => e.Line));
        Assert.Contains("quantity", entries.Single(e => e.Line == 6).Problem);
        Assert.Contains("SKU", entries.Single(e => e.Line == 7).Problem);
        Assert.Contains("above zero", entries.Single(e => e.Line == 8).Problem);
        Assert.Contains("not a quantity", entries.Single(e => e.Line == 9).Problem);
    }

    [Fact]
    public void A_first_line_that_is_an_order_line_is_not_taken_for_a_header()
    {
        Assert.Equal(["A-1", "B-2"], QuickOrderText.Parse("A-1,1\nB-2,2").Select(e => e.Sku));
    }
}
