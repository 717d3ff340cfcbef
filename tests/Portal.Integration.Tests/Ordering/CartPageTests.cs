using System.Net;
using System.Text.Json;

namespace Portal.Integration.Tests.Ordering;

/// <summary>The cart page as a place to find products: favourites, recently ordered, and swapping a line for an alternative.</summary>
[Collection(PortalCollection.Name)]
public sealed class CartPageTests(PortalFixture fixture)
{
    [Fact]
    public async Task Favourites_are_kept_per_user_newest_first_and_starring_twice_changes_nothing()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendRawAsync(HttpMethod.Put, "/api/favourites/HT-SPAN-01", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendRawAsync(HttpMethod.Put, "/api/favourites/PT-DRILL-02", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendRawAsync(HttpMethod.Put, "/api/favourites/HT-SPAN-01", null, null)).StatusCode);

        Assert.Equal(["PT-DRILL-02", "HT-SPAN-01"], await SkusAsync(client, "/api/favourites"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendRawAsync(HttpMethod.Delete, "/api/favourites/PT-DRILL-02", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendRawAsync(HttpMethod.Delete, "/api/favourites/PT-DRILL-02", null, null)).StatusCode);
        Assert.Equal(["HT-SPAN-01"], await SkusAsync(client, "/api/favourites"));

        // A colleague at the same company has favourites of their own.
        var colleague = await fixture.CreateCustomerAsync(await CounterpartyOf(client));
        using var other = await fixture.SignInAsync(colleague.Username, colleague.Password);
        Assert.Empty(await SkusAsync(other, "/api/favourites"));
    }

    [Fact]
    public async Task A_product_the_buyer_may_not_see_cannot_be_starred_and_is_not_found()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync("tools-and-safety");
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);

        await (await client.SendRawAsync(HttpMethod.Put, "/api/favourites/EL-SOCK-01", null, null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.SendRawAsync(HttpMethod.Put, "/api/favourites/NO-SUCH-SKU", null, null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await SkusAsync(client, "/api/favourites"));
    }

    [Fact]
    public async Task Recently_ordered_lists_the_products_of_the_companys_newest_orders_only()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        Assert.Empty(await SkusAsync(client, "/api/recently-ordered"));

        await client.AddToCartAsync("HT-SPAN-04", 1);
        var (_, version) = await client.AddToCartAsync("SF-HELM-01", 2);
        var checkout = await client.WaitForCheckoutAsync((await (await client.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!);
        Assert.Equal("completed", checkout.GetProperty("status").GetString());

        var recent = await SkusAsync(client, "/api/recently-ordered");
        Assert.Equal(["HT-SPAN-04", "SF-HELM-01"], recent.Order());

        // Another company sees none of it.
        var stranger = await fixture.CreateCounterpartyWithBuyerAsync();
        using var other = await fixture.SignInAsync(stranger.Username, stranger.Password);
        Assert.Empty(await SkusAsync(other, "/api/recently-ordered"));
    }

    [Fact]
    public async Task A_line_is_swapped_for_the_compared_product_with_the_same_quantity_in_one_step()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var (cart, version) = await client.AddToCartAsync("PT-DRILL-01", 3);
        var lineId = cart.GetProperty("lines")[0].GetProperty("id").GetString();

        var swapped = await client.PostJsonAsync($"/api/cart/lines/{lineId}/swap", new { sku = "PT-DRILL-03" }, version);

        Assert.Equal(HttpStatusCode.OK, swapped.StatusCode);
        var line = Assert.Single((await swapped.ReadJsonAsync()).GetProperty("lines").EnumerateArray());
        Assert.Equal("PT-DRILL-03", line.GetProperty("sku").GetString());
        Assert.Equal(3m, line.GetProperty("quantity").GetDecimal());
        // The swap used the version it was given: the old version is stale now.
        await (await client.PostJsonAsync($"/api/cart/lines/{lineId}/swap", new { sku = "PT-DRILL-01" }, version)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Swapping_a_line_for_a_product_already_in_the_cart_adds_up_and_bad_swaps_change_nothing()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        await client.AddToCartAsync("SF-GLOVE-01", 4, "central");
        var (cart, version) = await client.AddToCartAsync("SF-GLOVE-02", 6, "central");
        var first = cart.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == "SF-GLOVE-01").GetProperty("id").GetString();

        await (await client.PostJsonAsync($"/api/cart/lines/{first}/swap", new { sku = "NO-SUCH-SKU" }, version)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync($"/api/cart/lines/{first}/swap", new { sku = "SF-GLOVE-01" }, version)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostJsonAsync("/api/cart/lines/not-a-line/swap", new { sku = "SF-GLOVE-02" }, version)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync($"/api/cart/lines/{first}/swap", new { sku = "SF-GLOVE-02" })).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(version, (await client.GetCartAsync()).Version);

        var swapped = await client.PostJsonAsync($"/api/cart/lines/{first}/swap", new { sku = "SF-GLOVE-02" }, version);

        var line = Assert.Single((await swapped.ReadJsonAsync()).GetProperty("lines").EnumerateArray());
        Assert.Equal("SF-GLOVE-02", line.GetProperty("sku").GetString());
        Assert.Equal(10m, line.GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task Another_buyers_cart_line_cannot_be_swapped()
    {
        var anna = await fixture.CreateCounterpartyWithBuyerAsync();
        var ben = await fixture.CreateCounterpartyWithBuyerAsync();
        using var annaClient = await fixture.SignInAsync(anna.Username, anna.Password);
        using var benClient = await fixture.SignInAsync(ben.Username, ben.Password);
        var (annasCart, _) = await annaClient.AddToCartAsync("HT-SPAN-01", 1);
        var (_, bensVersion) = await benClient.AddToCartAsync("HT-SPAN-02", 1);

        var response = await benClient.PostJsonAsync($"/api/cart/lines/{annasCart.GetProperty("lines")[0].GetProperty("id").GetString()}/swap",
            new { sku = "HT-SPAN-03" }, bensVersion);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("HT-SPAN-01", (await annaClient.GetCartAsync()).Cart.GetProperty("lines")[0].GetProperty("sku").GetString());
    }

    internal static async Task<List<string>> SkusAsync(PortalClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()!).ToList();
    }

    internal static async Task<string> CounterpartyOf(PortalClient client) =>
        (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
}
