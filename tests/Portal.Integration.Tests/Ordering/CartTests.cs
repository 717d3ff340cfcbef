using System.Net;
using System.Text.Json;

namespace Portal.Integration.Tests.Ordering;

[Collection(PortalCollection.Name)]
public sealed class CartTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_cart_lasts_across_sessions_and_adding_the_same_product_adds_up()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using (var first = await fixture.SignInAsync(buyer.Username, buyer.Password))
        {
            await first.AddToCartAsync("HT-SPAN-02", 2);
            await first.AddToCartAsync("HT-SPAN-02", 3);
        }
        using var second = await fixture.SignInAsync(buyer.Username, buyer.Password);

        var (cart, _) = await second.GetCartAsync();

        var line = Assert.Single(cart.GetProperty("lines").EnumerateArray());
        Assert.Equal(5m, line.GetProperty("quantity").GetDecimal());
        Assert.Equal("central", line.GetProperty("warehouseId").GetString());
        Assert.Equal(line.GetProperty("lineTotal").GetProperty("amount").GetDecimal(), cart.GetProperty("total").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_change_from_a_stale_tab_is_refused_with_412_and_the_newer_change_is_kept()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var (cart, tabA) = await client.AddToCartAsync("HT-SPAN-03", 1);
        var lineId = cart.GetProperty("lines")[0].GetProperty("id").GetString();

        var tabB = await client.SendJsonAsync(HttpMethod.Patch, $"/api/cart/lines/{lineId}", new { quantity = 7 }, tabA);
        var staleTabA = await client.SendJsonAsync(HttpMethod.Patch, $"/api/cart/lines/{lineId}", new { quantity = 2 }, tabA);
        var staleDelete = await client.SendRawAsync(HttpMethod.Delete, $"/api/cart/lines/{lineId}", null, null, tabA);

        Assert.Equal(HttpStatusCode.OK, tabB.StatusCode);
        await staleTabA.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await staleDelete.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(7m, (await client.GetCartAsync()).Cart.GetProperty("lines")[0].GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task Lines_are_moved_between_warehouses_and_removed_with_the_current_version()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var (cart, version) = await client.AddToCartAsync("EL-SOCK-01", 4);
        var lineId = cart.GetProperty("lines")[0].GetProperty("id").GetString();

        var moved = await client.SendJsonAsync(HttpMethod.Patch, $"/api/cart/lines/{lineId}", new { warehouseId = "south" }, version);
        Assert.Equal("south", (await moved.ReadJsonAsync()).GetProperty("lines")[0].GetProperty("warehouseId").GetString());
        var removed = await client.SendRawAsync(HttpMethod.Delete, $"/api/cart/lines/{lineId}", null, null, moved.Headers.ETag!.ToString());

        Assert.Equal(0, (await removed.ReadJsonAsync()).GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Moving_a_line_onto_the_same_products_line_cannot_exceed_the_line_cap()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        await client.AddToCartAsync("EL-SOCK-01", 600_000, "central");
        var (cart, version) = await client.AddToCartAsync("EL-SOCK-01", 600_000, "south");
        var southLine = cart.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("warehouseId").GetString() == "south").GetProperty("id").GetString();

        var moved = await client.SendJsonAsync(HttpMethod.Patch, $"/api/cart/lines/{southLine}", new { warehouseId = "central" }, version);

        var problem = await moved.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("quantity", out _));
        var after = await (await client.GetAsync("/api/cart")).ReadJsonAsync();
        Assert.Equal([600_000m, 600_000m], after.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("quantity").GetDecimal()));
    }

    [Theory]
    [InlineData("HT-SPAN-01", 1.5, "quantity")]       // pieces are whole
    [InlineData("FX-NAIL-KG", 1.2345, "quantity")]    // kilograms to 3 places
    [InlineData("HT-SPAN-01", 0, "quantity")]
    [InlineData("HT-SPAN-01", -2, "quantity")]
    [InlineData("HT-SPAN-01", 2000000, "quantity")]
    public async Task Quantities_are_checked_against_the_unit(string sku, decimal quantity, string field)
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);

        var response = await client.PostJsonAsync("/api/cart/lines", new { sku, quantity });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, response.StorageWrites());
    }

    [Fact]
    public async Task An_unknown_warehouse_or_product_is_refused()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);

        await (await client.PostJsonAsync("/api/cart/lines", new { sku = "HT-SPAN-01", quantity = 1, warehouseId = "atlantis" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostJsonAsync("/api/cart/lines", new { sku = "NO-SUCH-SKU", quantity = 1 })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Repeating_an_order_puts_its_items_in_the_cart_and_reports_what_is_no_longer_available()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        using var staff = await fixture.SignInAsStaffAsync();
        var sku = "TMP-" + Guid.NewGuid().ToString("N")[..8];
        (await staff.PostJsonAsync("/api/manage/catalog/products", CheckoutTests.Product(sku, active: true))).EnsureSuccessStatusCode();
        await client.AddToCartAsync(sku, 2);
        var (_, version) = await client.AddToCartAsync("HT-HAM-05", 3, "central");
        var checkout = await client.WaitForCheckoutAsync((await (await client.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!);
        var orderId = checkout.GetProperty("orders")[0].GetProperty("id").GetString();
        (await staff.PostJsonAsync("/api/manage/catalog/products", CheckoutTests.Product(sku, active: false))).EnsureSuccessStatusCode();

        var response = await client.PostJsonAsync($"/api/cart/from-order/{orderId}", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Equal(["HT-HAM-05"], result.GetProperty("added").EnumerateArray().Select(a => a.GetProperty("sku").GetString()));
        var unavailable = Assert.Single(result.GetProperty("unavailable").EnumerateArray());
        Assert.Equal(sku, unavailable.GetProperty("sku").GetString());
        Assert.Contains("withdrawn", unavailable.GetProperty("reason").GetString());
        Assert.Equal(3m, result.GetProperty("cart").GetProperty("lines")[0].GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task A_quotation_fills_the_cart_for_review_and_reports_items_that_cannot_be_ordered()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterpartyId = await CounterpartyOf(buyer);
        using var staff = await fixture.SignInAsStaffAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var issued = await staff.PutJsonAsync($"/api/manage/quotations/{counterpartyId}/QT-T-1", new
        {
            date = today, validUntil = today.AddDays(10),
            lines = new object[]
            {
                new { sku = "PT-DRILL-01", name = "Cordless drill driver 18 V", unit = "pcs", quantity = 2, unitPrice = 80m },
                new { sku = "DISCONTINUED-9", name = "Old model", unit = "pcs", quantity = 1, unitPrice = 10m },
                new { sku = "HT-SPAN-01", name = "Spanner", unit = "pcs", quantity = 2.5m, unitPrice = 5m },
            },
        });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var quotationId = (await (await client.GetAsync("/api/documents/quotations")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();

        var result = await (await client.PostJsonAsync($"/api/cart/from-quotation/{quotationId}", new { })).ReadJsonAsync();

        Assert.Equal("PT-DRILL-01", Assert.Single(result.GetProperty("added").EnumerateArray()).GetProperty("sku").GetString());
        // A product that is gone, and a quantity the unit cannot have (half a piece), are reported, not put in the cart.
        Assert.Equal(["DISCONTINUED-9", "HT-SPAN-01"], result.GetProperty("unavailable").EnumerateArray().Select(u => u.GetProperty("sku").GetString()));
        Assert.Equal(2m, Assert.Single(result.GetProperty("cart").GetProperty("lines").EnumerateArray()).GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task An_expired_quotation_can_be_read_but_not_turned_into_a_cart()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        var expired = (await (await anna.GetAsync("/api/documents/quotations")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(q => q.GetProperty("expired").GetBoolean());
        var id = expired.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync($"/api/documents/quotations/{id}")).StatusCode);
        var refused = await anna.PostJsonAsync($"/api/cart/from-quotation/{id}", new { });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("quotation-expired", problem.GetProperty("type").GetString());
        Assert.Equal(0, refused.StorageWrites());
    }

    private async Task<string> CounterpartyOf(TestUser user)
    {
        using var client = await fixture.SignInAsync(user.Username, user.Password);
        return (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
    }
}
