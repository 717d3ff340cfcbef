using System.Net;
using System.Text;

namespace Portal.Integration.Tests.Ordering;

/// <summary>Services (no stock, no warehouse) through import, cart and checkout; and the warehouse a repeated line ships from.</summary>
[Collection(PortalCollection.Name)]
public sealed class ServicesAndRepeatTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_service_is_imported_from_CSV_with_its_kind_and_a_service_with_a_warehouse_is_refused()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var sku = "SV-" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"sku,name,categoryId,unit,unitPrecision,price,defaultWarehouseId,kind\n{sku},Drilling on site,hand-tools,hour,1,40,,service\n";

        var imported = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import", csv, "text/csv");
        var refused = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/catalog/products/import",
            $"sku,name,categoryId,unit,price,defaultWarehouseId,kind\n{sku}-2,Bad service,hand-tools,hour,40,central,service\n{sku}-3,Bad kind,hand-tools,pcs,1,central,gadget\n", "text/csv");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var product = await (await client.GetAsync($"/api/products/{sku}")).ReadJsonAsync();
        Assert.Equal("service", product.GetProperty("kind").GetString());
        Assert.Empty(product.GetProperty("availability").EnumerateArray());
        await (await client.GetAsync($"/api/products/{sku}-2")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Goods_from_two_warehouses_and_a_service_check_out_into_two_goods_orders_and_one_services_order()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        await (await client.PostJsonAsync("/api/cart/lines", new { sku = "SV-FIT-HOUR", quantity = 2.5m, warehouseId = "central" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await client.AddToCartAsync("HT-SPAN-01", 2, "central");
        await client.AddToCartAsync("SF-HELM-01", 5, "north");
        var (cart, version) = await client.AddToCartAsync("SV-FIT-HOUR", 2.5m);
        var service = cart.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == "SV-FIT-HOUR");
        Assert.Equal("", service.GetProperty("warehouseId").GetString());
        Assert.Equal("service", service.GetProperty("kind").GetString());
        Assert.False(service.TryGetProperty("problem", out _));

        var checkout = await client.WaitForCheckoutAsync((await (await client.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!);

        Assert.Equal("completed", checkout.GetProperty("status").GetString());
        var orders = checkout.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("warehouseName").GetString()).ToList();
        Assert.Equal(["Central warehouse", "North depot", "Services"], orders);
        var services = checkout.GetProperty("orders")[2].GetProperty("id").GetString();
        var order = await (await client.GetAsync($"/api/orders/{services}")).ReadJsonAsync();
        var line = Assert.Single(order.GetProperty("lines").EnumerateArray());
        Assert.Equal(("SV-FIT-HOUR", 2.5m, 120m), (line.GetProperty("sku").GetString(), line.GetProperty("ordered").GetDecimal(), line.GetProperty("lineTotal").GetProperty("amount").GetDecimal()));
        Assert.Equal(3, (await client.AllOrdersAsync()).Count);
        Assert.Empty((await client.GetCartAsync()).Cart.GetProperty("lines").EnumerateArray());
    }

    [Fact]
    public async Task A_repeated_line_keeps_its_warehouse_while_it_stocks_the_product_and_says_where_it_moved_otherwise()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var stays = "RP-" + Guid.NewGuid().ToString("N")[..8];
        var moves = "RP-" + Guid.NewGuid().ToString("N")[..8];
        (await staff.PostJsonAsync("/api/manage/catalog/products", Stocked(stays, new { central = 5, north = 5 }))).EnsureSuccessStatusCode();
        (await staff.PostJsonAsync("/api/manage/catalog/products", Stocked(moves, new { central = 5, north = 5 }))).EnsureSuccessStatusCode();
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        await client.AddToCartAsync(stays, 1, "north");
        var (_, version) = await client.AddToCartAsync(moves, 2, "north");
        var checkout = await client.WaitForCheckoutAsync((await (await client.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!);
        var orderId = Assert.Single(checkout.GetProperty("orders").EnumerateArray()).GetProperty("id").GetString();
        // North sells out of one product; the other is still there.
        (await staff.PostJsonAsync("/api/manage/catalog/products", Stocked(moves, new { central = 5, north = 0 }))).EnsureSuccessStatusCode();

        var response = await client.PostJsonAsync($"/api/cart/from-order/{orderId}", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        var moved = Assert.Single(result.GetProperty("moved").EnumerateArray());
        Assert.Equal((moves, "North depot", "Central warehouse"),
            (moved.GetProperty("sku").GetString(), moved.GetProperty("fromWarehouseName").GetString(), moved.GetProperty("toWarehouseName").GetString()));
        var lines = result.GetProperty("cart").GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("sku").GetString()!, l => l.GetProperty("warehouseId").GetString());
        Assert.Equal("north", lines[stays]);
        Assert.Equal("central", lines[moves]);

        // Another company cannot repeat this order.
        var stranger = await fixture.CreateCounterpartyWithBuyerAsync();
        using var other = await fixture.SignInAsync(stranger.Username, stranger.Password);
        await (await other.PostJsonAsync($"/api/cart/from-order/{orderId}", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static object Stocked(string sku, object stock) => new
    {
        sku, name = "Repeat test product " + sku, categoryId = "hand-tools", unit = "pcs", price = 7.00m, defaultWarehouseId = "central", stock,
    };
}
