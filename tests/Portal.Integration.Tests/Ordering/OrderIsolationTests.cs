using System.Net;

namespace Portal.Integration.Tests.Ordering;

[Collection(PortalCollection.Name)]
public sealed class OrderIsolationTests(PortalFixture fixture)
{
    [Fact]
    public async Task Another_counterpartys_order_quotation_and_checkout_are_not_found()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        using var ben = await fixture.SignInAsync("ben@contoso.example", "contoso-demo-1");
        var annasOrder = (await (await anna.GetAsync("/api/orders")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        var annasQuotation = (await (await anna.GetAsync("/api/documents/quotations")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        var (_, version) = await anna.AddToCartAsync("HT-SPAN-01", 1);
        var annasCheckout = (await (await anna.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString();

        await (await ben.GetAsync($"/api/orders/{annasOrder}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ben.GetAsync($"/api/documents/quotations/{annasQuotation}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ben.GetAsync($"/api/checkouts/{annasCheckout}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ben.PostJsonAsync($"/api/cart/from-order/{annasOrder}", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ben.PostJsonAsync($"/api/cart/from-quotation/{annasQuotation}", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(annasOrder, (await ben.AllOrdersAsync()).Select(o => o.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync($"/api/orders/{annasOrder}")).StatusCode);
    }
}
