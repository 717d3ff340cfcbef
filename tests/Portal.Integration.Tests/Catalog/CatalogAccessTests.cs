using System.Net;
using Portal.Integration.Tests.Ordering;

namespace Portal.Integration.Tests.Catalog;

/// <summary>
/// Dan is in the "tools and safety only" access group: no other category may reach him by any route —
/// list, search, category filter, product page, comparison, cart, reorder, or an order of a cart that held one.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CatalogAccessTests(PortalFixture fixture)
{
    private static readonly string[] Allowed = ["hand-tools", "power-tools", "safety"];

    [Fact]
    public async Task A_restricted_user_sees_only_the_allowed_categories_in_lists_and_searches()
    {
        using var dan = await fixture.SignInAsync("dan@northwind.example", "northwind-demo-2");

        var categories = (await (await dan.GetAsync("/api/categories")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        var products = (await (await dan.GetAsync("/api/products?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var cable = (await (await dan.GetAsync("/api/products?search=cable")).ReadJsonAsync()).GetProperty("items");
        var electrical = (await (await dan.GetAsync("/api/products?category=electrical")).ReadJsonAsync()).GetProperty("items");

        Assert.Equal(Allowed, categories.Order());
        Assert.NotEmpty(products);
        Assert.All(products, p => Assert.Contains(p.GetProperty("categoryId").GetString(), Allowed));
        Assert.Equal(0, cable.GetArrayLength());
        Assert.Equal(0, electrical.GetArrayLength());
    }

    [Fact]
    public async Task A_restricted_product_is_not_found_by_id_comparison_or_cart()
    {
        using var dan = await fixture.SignInAsync("dan@northwind.example", "northwind-demo-2");

        await (await dan.GetAsync("/api/products/EL-CAB-01")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await dan.GetAsync("/api/products/compare?skus=HT-SPAN-01,EL-CAB-01")).AssertProblemAsync(HttpStatusCode.NotFound);
        var add = await dan.PostJsonAsync("/api/cart/lines", new { sku = "EL-CAB-01", quantity = 1 });
        await add.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, add.StorageWrites());
        Assert.Equal(HttpStatusCode.OK, (await dan.GetAsync("/api/products/HT-SPAN-01")).StatusCode);
    }

    [Fact]
    public async Task Repeating_a_colleagues_order_reports_the_restricted_items_instead_of_adding_them()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        await anna.AddToCartAsync("EL-SOCK-01", 2, "central");
        var (_, version) = await anna.AddToCartAsync("HT-SPAN-01", 2, "central");
        var orderId = (await anna.WaitForCheckoutAsync((await (await anna.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!))
            .GetProperty("orders")[0].GetProperty("id").GetString();
        using var dan = await fixture.SignInAsync("dan@northwind.example", "northwind-demo-2");

        var result = await (await dan.PostJsonAsync($"/api/cart/from-order/{orderId}", new { })).ReadJsonAsync();

        Assert.Contains("HT-SPAN-01", result.GetProperty("added").EnumerateArray().Select(a => a.GetProperty("sku").GetString()));
        var blocked = Assert.Single(result.GetProperty("unavailable").EnumerateArray());
        Assert.Equal("EL-SOCK-01", blocked.GetProperty("sku").GetString());
        Assert.DoesNotContain("EL-SOCK-01", result.GetProperty("cart").GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()));
    }

    [Fact]
    public async Task A_cart_that_holds_a_product_the_user_may_no_longer_see_cannot_be_ordered()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using (var before = await fixture.SignInAsync(buyer.Username, buyer.Password))
        {
            await before.AddToCartAsync("EL-LED-01", 1);
        }
        using (var staff = await fixture.SignInAsStaffAsync())
        {
            var user = await staff.GetAsync($"/api/manage/users/{buyer.Id}");
            (await staff.PutJsonAsync($"/api/manage/users/{buyer.Id}", new { displayName = "Test User", disabled = false, accessGroupId = "tools-and-safety" },
                user.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
        }
        using var after = await fixture.SignInAsync(buyer.Username, buyer.Password);

        var (cart, version) = await after.GetCartAsync();
        var checkout = await after.CheckoutAsync(version);

        Assert.False(string.IsNullOrEmpty(cart.GetProperty("lines")[0].GetProperty("problem").GetString()));
        Assert.Equal(0m, cart.GetProperty("total").GetProperty("amount").GetDecimal());
        await checkout.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Comparison_lines_up_characteristics_and_marks_the_rows_that_differ()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");

        var comparison = await (await anna.GetAsync("/api/products/compare?skus=PT-DRILL-01,PT-DRILL-02,PT-DRILL-03")).ReadJsonAsync();

        Assert.Equal(["PT-DRILL-01", "PT-DRILL-02", "PT-DRILL-03"], comparison.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
        var rows = comparison.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.True(rows["Price"].GetProperty("differs").GetBoolean());
        Assert.True(rows["Battery"].GetProperty("differs").GetBoolean());
        Assert.False(rows["Warranty"].GetProperty("differs").GetBoolean());
        Assert.Equal(3, rows["Voltage"].GetProperty("values").GetArrayLength());
        await (await anna.GetAsync("/api/products/compare?skus=PT-DRILL-01")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await anna.GetAsync("/api/products/compare?skus=" + string.Join(',', Enumerable.Range(1, 11).Select(i => $"X{i}")))).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_catalog_is_searched_paged_and_priced_per_counterparty()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        using var ben = await fixture.SignInAsync("ben@contoso.example", "contoso-demo-1");

        var first = await (await anna.GetAsync("/api/products?pageSize=10")).ReadJsonAsync();
        var second = await (await anna.GetAsync("/api/products?pageSize=10&continuation=" + first.GetProperty("continuation").GetString())).ReadJsonAsync();
        var search = await (await anna.GetAsync("/api/products?search=SPAN")).ReadJsonAsync();
        var annaDrill = await (await anna.GetAsync("/api/products/PT-DRILL-01")).ReadJsonAsync();
        var benDrill = await (await ben.GetAsync("/api/products/PT-DRILL-01")).ReadJsonAsync();

        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        Assert.Empty(first.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString())
            .Intersect(second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString())));
        Assert.Equal(5, search.GetProperty("items").GetArrayLength());
        Assert.Equal(3, annaDrill.GetProperty("availability").GetArrayLength());
        Assert.NotEmpty(annaDrill.GetProperty("characteristics").EnumerateArray());
        // Contoso has 10% off power tools.
        Assert.Equal(decimal.Round(annaDrill.GetProperty("price").GetProperty("amount").GetDecimal() * 0.9m, 2), benDrill.GetProperty("price").GetProperty("amount").GetDecimal());
        await (await anna.GetAsync("/api/products?pageSize=1000")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await anna.GetAsync("/api/products?continuation=%%%")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
