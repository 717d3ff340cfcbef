using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Portal.Integration.Tests.LocalHost;

namespace Portal.Integration.Tests.Ordering;

[Collection(PortalCollection.Name)]
public sealed class CheckoutTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_cart_with_lines_from_two_warehouses_becomes_two_orders_and_the_cart_is_emptied()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        await client.AddToCartAsync("HT-HAM-01", 2, "central");
        await client.AddToCartAsync("SF-HELM-01", 5, "north");
        var (cart, version) = await client.AddToCartAsync("HT-SPAN-01", 3, "central");
        Assert.Equal(3, cart.GetProperty("lines").GetArrayLength());

        var started = await client.CheckoutAsync(version, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var checkoutId = (await started.ReadJsonAsync()).GetProperty("id").GetString()!;
        Assert.Equal($"/api/checkouts/{checkoutId}", started.Headers.Location!.OriginalString);
        var checkout = await client.WaitForCheckoutAsync(checkoutId);

        Assert.Equal("completed", checkout.GetProperty("status").GetString());
        var created = checkout.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(["central", "north"], created.Select(o => o.GetProperty("warehouseId").GetString()).Order());
        var orders = await client.AllOrdersAsync();
        Assert.Equal(2, orders.Count);
        Assert.All(orders, o => Assert.Equal("sent", o.GetProperty("status").GetString()));
        var central = await (await client.GetAsync($"/api/orders/{created.Single(o => o.GetProperty("warehouseId").GetString() == "central").GetProperty("id").GetString()}")).ReadJsonAsync();
        Assert.Equal(["HT-HAM-01", "HT-SPAN-01"], central.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()).Order());
        Assert.Equal(0, (await client.GetCartAsync()).Cart.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Prices_are_those_valid_at_checkout_and_totals_add_up()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var product = await (await client.GetAsync("/api/products/FX-NAIL-KG")).ReadJsonAsync();
        var unitPrice = product.GetProperty("price").GetProperty("amount").GetDecimal();
        var (_, version) = await client.AddToCartAsync("FX-NAIL-KG", 2.5m);

        var checkout = await client.WaitForCheckoutAsync((await (await client.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!);

        var order = await (await client.GetAsync($"/api/orders/{checkout.GetProperty("orders")[0].GetProperty("id").GetString()}")).ReadJsonAsync();
        var line = order.GetProperty("lines")[0];
        Assert.Equal(unitPrice, line.GetProperty("unitPrice").GetProperty("amount").GetDecimal());
        Assert.Equal(decimal.Round(unitPrice * 2.5m, 2, MidpointRounding.AwayFromZero), order.GetProperty("total").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task The_same_Idempotency_Key_sent_20_times_at_once_makes_one_checkout_and_one_set_of_orders()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        await client.AddToCartAsync("HT-HAM-02", 1, "central");
        var (_, version) = await client.AddToCartAsync("PL-CU-01", 4, "south");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.CheckoutAsync(version, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            ids.Add((await response.ReadJsonAsync()).GetProperty("id").GetString()!);
        }
        var checkoutId = Assert.Single(ids);
        await client.WaitForCheckoutAsync(checkoutId);
        await Task.Delay(1000); // any stray second processing would have happened by now
        Assert.Equal(2, (await client.AllOrdersAsync()).Count);
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_refused_with_422()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var (_, version) = await client.AddToCartAsync("HT-HAM-02", 1);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Accepted, (await client.CheckoutAsync(version, key, "PO-1")).StatusCode);

        var reused = await client.CheckoutAsync(version, key, "PO-2");

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_checkout_message_delivered_twice_creates_no_duplicates()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        await client.AddToCartAsync("SF-VEST-01", 10, "central");
        var (_, version) = await client.AddToCartAsync("EL-SW-01", 10, "south");
        var checkoutId = (await (await client.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!;
        var first = await client.WaitForCheckoutAsync(checkoutId);

        // The same work message again, twice, as a redelivery would bring it.
        var counterpartyId = (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
        var queue = new QueueClient(fixture.Azurite.ConnectionString, "checkouts", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var message = JsonSerializer.Serialize(new { counterpartyId, checkoutId });
        await queue.SendMessageAsync(message);
        await queue.SendMessageAsync(message);
        await LocalHostTests.Eventually(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);
        await Task.Delay(1000);

        var orders = await client.AllOrdersAsync();
        Assert.Equal(2, orders.Count);
        var again = await (await client.GetAsync($"/api/checkouts/{checkoutId}")).ReadJsonAsync();
        Assert.Equal(first.GetProperty("orders").GetRawText(), again.GetProperty("orders").GetRawText());
        // Other features' events (support requests, RMA requests…) share the sink; only order events name an order.
        var events = (await fixture.IntegrationEventsAsync()).Where(e => e.GetProperty("type").GetString() == "OrderPlaced"
            && orders.Any(o => o.GetProperty("id").GetString() == e.GetProperty("data").GetProperty("orderId").GetString())).ToList();
        Assert.Equal(2, events.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
    }

    [Theory]
    [InlineData("after-numbers-reserved")]
    [InlineData("before-orders-written")]
    [InlineData("after-orders-written")]
    public async Task A_worker_that_dies_halfway_is_retried_and_the_orders_exist_exactly_once(string step)
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        await client.AddToCartAsync("HT-SCR-SET", 1, "central");
        var (_, version) = await client.AddToCartAsync("SF-EAR-01", 2, "north");
        var reference = "CRASH-" + Guid.NewGuid().ToString("N")[..8];
        fixture.Faults.CrashOnce(reference, step);

        var checkoutId = (await (await client.CheckoutAsync(version, customerReference: reference)).ReadJsonAsync()).GetProperty("id").GetString()!;
        var checkout = await client.WaitForCheckoutAsync(checkoutId);

        Assert.Equal("completed", checkout.GetProperty("status").GetString());
        var orders = await client.AllOrdersAsync();
        Assert.Equal(2, orders.Count);
        var numbers = orders.Select(o => int.Parse(o.GetProperty("number").GetString()!["SO-".Length..])).Order().ToList();
        Assert.Equal(numbers[0] + 1, numbers[1]); // the numbers reserved before the crash were reused, not skipped
        await LocalHostTests.Eventually(async () =>
            (await fixture.IntegrationEventsAsync()).Count(e => Reference(e) == reference) >= 2);
        var events = (await fixture.IntegrationEventsAsync()).Where(e => Reference(e) == reference).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("OrderPlaced", e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Checkout_needs_the_cart_version_the_customer_reviewed()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var (_, reviewed) = await client.AddToCartAsync("HT-HAM-03", 1);
        await client.AddToCartAsync("HT-HAM-04", 1);

        var stale = await client.CheckoutAsync(reviewed);
        var missing = await client.SendRawAsync(HttpMethod.Post, "/api/checkouts", "{}", "application/json");

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await missing.AssertProblemAsync((HttpStatusCode)428);
        Assert.Empty(await client.AllOrdersAsync());
    }

    [Fact]
    public async Task An_empty_cart_cannot_be_ordered()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var (_, version) = await client.AddToCartAsync("HT-HAM-03", 1);
        var cleared = await client.SendRawAsync(HttpMethod.Delete, "/api/cart", null, null);

        var response = await client.CheckoutAsync(cleared.Headers.ETag!.ToString());

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.NotEqual(version, cleared.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_product_withdrawn_between_checkout_and_processing_fails_the_checkout_with_a_reason_and_orders_nothing()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        using var staff = await fixture.SignInAsStaffAsync();
        var sku = "TMP-" + Guid.NewGuid().ToString("N")[..8];
        (await staff.PostJsonAsync("/api/manage/catalog/products", Product(sku, active: true))).EnsureSuccessStatusCode();
        var (_, version) = await client.AddToCartAsync(sku, 1);
        var reference = "WITHDRAW-" + sku;
        // Withdraw it the moment the worker has reserved numbers, i.e. after the customer pressed Create order.
        fixture.Faults.CrashOnce(reference, "after-numbers-reserved");

        var checkoutId = (await (await client.CheckoutAsync(version, customerReference: reference)).ReadJsonAsync()).GetProperty("id").GetString()!;
        (await staff.PostJsonAsync("/api/manage/catalog/products", Product(sku, active: false))).EnsureSuccessStatusCode();
        var checkout = await client.WaitForCheckoutAsync(checkoutId);

        Assert.Equal("failed", checkout.GetProperty("status").GetString());
        Assert.Contains("withdrawn", checkout.GetProperty("failureReason").GetString());
        Assert.Empty(await client.AllOrdersAsync());
    }

    private static string? Reference(JsonElement integrationEvent) =>
        integrationEvent.GetProperty("data").TryGetProperty("customerReference", out var reference) ? reference.GetString() : null;

    internal static object Product(string sku, bool active, string category = "hand-tools") => new
    {
        sku, name = "Temporary product " + sku, categoryId = category, unit = "pcs", price = 5.00m, defaultWarehouseId = "central", active,
        characteristics = new[] { new { name = "Colour", value = "Red" } },
    };
}
