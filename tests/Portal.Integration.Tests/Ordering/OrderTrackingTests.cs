using System.Net;
using System.Text.Json;

namespace Portal.Integration.Tests.Ordering;

[Collection(PortalCollection.Name)]
public sealed class OrderTrackingTests(PortalFixture fixture)
{
    [Fact]
    public async Task Orders_statement_shows_ordered_shipped_and_pending_for_orders_in_progress_after_partial_shipments()
    {
        var (client, counterpartyId, orderId) = await PlaceOrderAsync(("HT-SPAN-04", 10m), ("HT-SPAN-05", 4m));
        using var staff = await fixture.SignInAsStaffAsync();
        var manage = $"/api/manage/orders/{counterpartyId}/{orderId}";
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/accept", new { })).StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = new { number = "GI-1", date = today, lines = new[] { new { sku = "HT-SPAN-04", quantity = 3m } } };
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/shipments", first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/shipments", first)).StatusCode); // the ERP sent it twice
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/shipments",
            new { number = "GI-2", date = today, lines = new[] { new { sku = "HT-SPAN-04", quantity = 2m }, new { sku = "HT-SPAN-05", quantity = 4m } } })).StatusCode);

        var statement = await (await client.GetAsync("/api/reports/orders-statement")).ReadJsonAsync();

        var rows = statement.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("sku").GetString()!);
        Assert.Equal((10m, 5m, 5m), Quantities(rows["HT-SPAN-04"]));
        Assert.Equal((4m, 4m, 0m), Quantities(rows["HT-SPAN-05"]));
        var order = await (await client.GetAsync($"/api/orders/{orderId}")).ReadJsonAsync();
        Assert.Equal("inProgress", order.GetProperty("status").GetString());
        Assert.Equal(2, order.GetProperty("shipments").GetArrayLength());
        Assert.Equal(["sent", "inProgress"], order.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Shipping_more_than_is_pending_is_refused_and_changes_nothing()
    {
        var (client, counterpartyId, orderId) = await PlaceOrderAsync(("HT-SPAN-01", 2m));
        using var staff = await fixture.SignInAsStaffAsync();

        var response = await staff.PostJsonAsync($"/api/manage/orders/{counterpartyId}/{orderId}/shipments",
            new { number = "GI-X", date = DateOnly.FromDateTime(DateTime.UtcNow), lines = new[] { new { sku = "HT-SPAN-01", quantity = 3m } } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var order = await (await client.GetAsync($"/api/orders/{orderId}")).ReadJsonAsync();
        Assert.Equal(0m, order.GetProperty("lines")[0].GetProperty("shipped").GetDecimal());
        Assert.Equal("sent", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_fraction_of_a_whole_unit_and_a_shipment_of_1500_lines_are_refused_with_field_errors()
    {
        var (client, counterpartyId, orderId) = await PlaceOrderAsync(("HT-SPAN-01", 2m));
        using var staff = await fixture.SignInAsStaffAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var fraction = await staff.PostJsonAsync($"/api/manage/orders/{counterpartyId}/{orderId}/shipments",
            new { number = "GI-F", date = today, lines = new[] { new { sku = "HT-SPAN-01", quantity = 0.001m } } });
        var many = await staff.PostJsonAsync($"/api/manage/orders/{counterpartyId}/{orderId}/shipments",
            new { number = "GI-M", date = today, lines = Enumerable.Range(0, 1500).Select(_ => new { sku = "HT-SPAN-01", quantity = 0.001m }).ToArray() });

        var fractionProblem = await fraction.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(fractionProblem.GetProperty("errors").TryGetProperty("lines[0].quantity", out _));
        var manyProblem = await many.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(manyProblem.GetProperty("errors").TryGetProperty("lines", out _));
        Assert.Equal(0, fraction.StorageWrites() + many.StorageWrites());
        var order = await (await client.GetAsync($"/api/orders/{orderId}")).ReadJsonAsync();
        Assert.Equal(0m, order.GetProperty("lines")[0].GetProperty("shipped").GetDecimal());
    }

    [Fact]
    public async Task Orders_move_through_their_lifecycle_and_only_in_progress_ones_are_in_the_statement()
    {
        var (client, counterpartyId, orderId) = await PlaceOrderAsync(("SF-HELM-03", 1m));
        using var staff = await fixture.SignInAsStaffAsync();
        var manage = $"/api/manage/orders/{counterpartyId}/{orderId}";

        await (await staff.PostJsonAsync(manage + "/complete", new { })).AssertProblemAsync(HttpStatusCode.Conflict); // not accepted yet
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/accept", new { })).StatusCode); // a retry is harmless
        Assert.Single((await (await client.GetAsync("/api/reports/orders-statement")).ReadJsonAsync()).GetProperty("rows").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(manage + "/complete", new { })).StatusCode);
        await (await staff.PostJsonAsync(manage + "/cancel", new { })).AssertProblemAsync(HttpStatusCode.Conflict);

        var listed = await (await client.GetAsync("/api/orders?status=completed")).ReadJsonAsync();
        Assert.Equal(orderId, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Empty((await (await client.GetAsync("/api/orders?status=sent")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Empty((await (await client.GetAsync("/api/reports/orders-statement")).ReadJsonAsync()).GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task Orders_are_listed_newest_first_in_pages_and_filtered_by_date()
    {
        var (client, _, first) = await PlaceOrderAsync(("HT-SPAN-01", 1m));
        var (_, version) = await client.AddToCartAsync("HT-SPAN-02", 1);
        var second = (await client.WaitForCheckoutAsync((await (await client.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!))
            .GetProperty("orders")[0].GetProperty("id").GetString();

        var page1 = await (await client.GetAsync("/api/orders?pageSize=1")).ReadJsonAsync();
        var page2 = await (await client.GetAsync("/api/orders?pageSize=1&continuation=" + Uri.EscapeDataString(page1.GetProperty("continuation").GetString()!))).ReadJsonAsync();

        Assert.Equal(second, page1.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(first, page2.GetProperty("items")[0].GetProperty("id").GetString());
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd");
        Assert.Equal(2, (await (await client.GetAsync($"/api/orders?from={today}&to={today}")).ReadJsonAsync()).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await (await client.GetAsync($"/api/orders?to={yesterday}")).ReadJsonAsync()).GetProperty("items").GetArrayLength());
        await (await client.GetAsync("/api/orders?from=28.11.2026")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/orders?status=lost")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/orders?continuation=garbage")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/orders?pageSize=ten")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_customer_read_costs_at_most_two_storage_requests()
    {
        var (client, _, orderId) = await PlaceOrderAsync(("HT-SPAN-01", 1m));
        await client.GetAsync("/api/products"); // warm the per-instance caches, as in steady state

        foreach (var path in new[] { "/api/orders", $"/api/orders/{orderId}", "/api/cart", "/api/products", "/api/products/HT-SPAN-01", "/api/reports/orders-statement", "/api/documents/quotations" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.StorageRequests() <= 2, $"{path} made {response.StorageRequests()} storage requests");
        }
    }

    private async Task<(PortalClient Client, string CounterpartyId, string OrderId)> PlaceOrderAsync(params (string Sku, decimal Quantity)[] lines)
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var version = "";
        foreach (var (sku, quantity) in lines)
        {
            (_, version) = await client.AddToCartAsync(sku, quantity, "central");
        }
        var checkout = await client.WaitForCheckoutAsync((await (await client.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!);
        var counterpartyId = (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
        return (client, counterpartyId, checkout.GetProperty("orders")[0].GetProperty("id").GetString()!);
    }

    private static (decimal, decimal, decimal) Quantities(JsonElement row) =>
        (row.GetProperty("ordered").GetDecimal(), row.GetProperty("shipped").GetDecimal(), row.GetProperty("pending").GetDecimal());
}
