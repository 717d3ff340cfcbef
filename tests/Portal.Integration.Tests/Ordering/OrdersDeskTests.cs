using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Portal.Core.Features.Ordering;
using Portal.Integration.Tests.LocalHost;

namespace Portal.Integration.Tests.Ordering;

/// <summary>The staff orders desk: every counterparty's orders in one list, kept in step with every order write.</summary>
[Collection(PortalCollection.Name)]
public sealed class OrdersDeskTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_desk_lists_sent_orders_first_then_newest_first_and_filters_by_counterparty_status_and_date()
    {
        var (_, counterpartyId, first) = await PlaceOrderAsync();
        var second = await PlaceAnotherOrderAsync(counterpartyId);
        var third = await PlaceAnotherOrderAsync(counterpartyId);
        var (_, otherCounterparty, other) = await PlaceOrderAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        // The oldest order is taken on: it leaves the top group even though the others are newer.
        (await staff.PostJsonAsync($"/api/manage/orders/{counterpartyId}/{first}/accept", new { })).EnsureSuccessStatusCode();

        var mine = await ListAsync(staff, $"counterpartyId={counterpartyId}");
        var sentOnly = await ListAsync(staff, $"counterpartyId={counterpartyId}&status=sent");
        var inProgress = await ListAsync(staff, $"counterpartyId={counterpartyId}&status=inProgress");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var todays = await ListAsync(staff, $"counterpartyId={counterpartyId}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var tomorrows = await ListAsync(staff, $"counterpartyId={counterpartyId}&from={today.AddDays(1):yyyy-MM-dd}");
        var everyone = await ListAsync(staff, "status=sent&pageSize=100");

        Assert.Equal([third, second, first], mine.Select(Id));
        Assert.Equal(["sent", "sent", "inProgress"], mine.Select(o => o.GetProperty("order").GetProperty("status").GetString()));
        Assert.All(mine, o => Assert.Equal(counterpartyId, o.GetProperty("counterpartyId").GetString()));
        Assert.Equal([third, second], sentOnly.Select(Id));
        Assert.Equal([first], inProgress.Select(Id));
        Assert.Equal(3, todays.Count);
        Assert.Empty(tomorrows);
        Assert.Contains(everyone, o => Id(o) == other && o.GetProperty("counterpartyId").GetString() == otherCounterparty);
    }

    [Fact]
    public async Task The_desk_pages_with_a_continuation_and_a_page_costs_a_bounded_number_of_storage_requests()
    {
        var (_, counterpartyId, first) = await PlaceOrderAsync();
        var second = await PlaceAnotherOrderAsync(counterpartyId);
        var third = await PlaceAnotherOrderAsync(counterpartyId);
        using var staff = await fixture.SignInAsStaffAsync();

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var response = await staff.GetAsync($"/api/manage/orders?counterpartyId={counterpartyId}&pageSize=2" +
                                                (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The session, the repair check on the first page, the page: never one request per counterparty.
            Assert.True(response.StorageRequests() <= 3, $"A desk page cost {response.StorageRequests()} storage requests.");
            var page = await response.ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(Id));
            continuation = page.TryGetProperty("continuation", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            pages++;
        } while (continuation is not null && pages < 10);

        Assert.Equal([third, second, first], seen);
    }

    [Theory]
    [InlineData("status=shipped", "status")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-11-20&to=2026-11-01", "from")]
    [InlineData("continuation=not-a-token", "continuation")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("counterpartyId=a%2Fb", "counterpartyId")]
    public async Task Bad_filters_are_a_400_that_names_the_field_and_writes_nothing(string query, string field)
    {
        using var staff = await fixture.SignInAsStaffAsync();

        var response = await staff.GetAsync("/api/manage/orders?" + query);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem}");
        Assert.Equal(0, response.StorageWrites());
    }

    [Fact]
    public async Task A_clerk_action_that_dies_between_the_order_and_the_desk_is_repaired_by_the_desk_list()
    {
        var (_, counterpartyId, orderId) = await PlaceOrderAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        fixture.OrderFaults.CrashOnce(orderId, "before-desk-synced");

        var crashed = await staff.PostJsonAsync($"/api/manage/orders/{counterpartyId}/{orderId}/accept", new { });
        Assert.False(crashed.IsSuccessStatusCode);
        // The order itself is accepted; the desk still shows it as sent, and its writer may still be at work.
        var meanwhile = await ListAsync(staff, $"counterpartyId={counterpartyId}");
        Assert.Equal("sent", Assert.Single(meanwhile).GetProperty("order").GetProperty("status").GetString());

        await AgeIntentAsync(counterpartyId, orderId); // the writer is long gone
        var repaired = await ListAsync(staff, $"counterpartyId={counterpartyId}");

        Assert.Equal("inProgress", Assert.Single(repaired).GetProperty("order").GetProperty("status").GetString());
        Assert.Empty(await IntentsAsync(counterpartyId, orderId));
    }

    [Fact]
    public async Task A_retried_action_after_a_crash_mends_the_desk_and_changes_the_order_once()
    {
        var (client, counterpartyId, orderId) = await PlaceOrderAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        fixture.OrderFaults.CrashOnce(orderId, "before-desk-synced");

        Assert.False((await staff.PostJsonAsync($"/api/manage/orders/{counterpartyId}/{orderId}/cancel", new { reason = "Out of stock" })).IsSuccessStatusCode);
        var retried = await staff.PostJsonAsync($"/api/manage/orders/{counterpartyId}/{orderId}/cancel", new { reason = "Out of stock" });

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var desk = await ListAsync(staff, $"counterpartyId={counterpartyId}");
        Assert.Equal("canceled", Assert.Single(desk).GetProperty("order").GetProperty("status").GetString());
        var order = await (await client.GetAsync($"/api/orders/{orderId}")).ReadJsonAsync();
        var history = order.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["sent", "canceled"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal("Out of stock", history[1].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("before-orders-written")]
    [InlineData("after-orders-written")]
    public async Task A_checkout_that_dies_halfway_and_a_message_delivered_twice_put_each_order_on_the_desk_once(string step)
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        await client.AddToCartAsync("HT-SCR-SET", 1, "central");
        var (_, version) = await client.AddToCartAsync("SF-EAR-01", 2, "north");
        var reference = "DESK-" + Guid.NewGuid().ToString("N")[..8];
        fixture.Faults.CrashOnce(reference, step);
        var checkoutId = (await (await client.CheckoutAsync(version, customerReference: reference)).ReadJsonAsync()).GetProperty("id").GetString()!;
        await client.WaitForCheckoutAsync(checkoutId);
        var counterpartyId = (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;

        // The same work message again, twice, as an at-least-once queue may deliver it.
        var queue = new QueueClient(fixture.Azurite.ConnectionString, CheckoutService.QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var message = JsonSerializer.Serialize(new { counterpartyId, checkoutId });
        await queue.SendMessageAsync(message);
        await queue.SendMessageAsync(message);
        await LocalHostTests.Eventually(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);
        using var staff = await fixture.SignInAsStaffAsync();
        await LocalHostTests.Eventually(async () => (await ListAsync(staff, $"counterpartyId={counterpartyId}")).Count == 2);
        await Task.Delay(500); // let the last delivery finish

        var desk = await ListAsync(staff, $"counterpartyId={counterpartyId}");
        var orders = await client.AllOrdersAsync();
        Assert.Equal(orders.Select(o => o.GetProperty("id").GetString()).Order(), desk.Select(Id).Order());
        Assert.All(desk, o => Assert.Equal("sent", o.GetProperty("order").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task An_action_with_a_stale_version_is_a_412_that_changes_nothing_and_the_view_carries_its_version()
    {
        var (client, counterpartyId, orderId) = await PlaceOrderAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        var path = $"/api/manage/orders/{counterpartyId}/{orderId}";
        var read = await staff.GetAsync(path);
        var etag = read.Headers.ETag!.ToString();
        var accepted = await staff.PostJsonAsync(path + "/accept", new { }, etag);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.NotEqual(etag, accepted.Headers.ETag!.ToString());

        var stale = await staff.PostJsonAsync(path + "/cancel", new { reason = "Changed my mind" }, etag);

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("inProgress", (await (await client.GetAsync($"/api/orders/{orderId}")).ReadJsonAsync()).GetProperty("status").GetString());
        var current = (await staff.GetAsync(path)).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync(path + "/complete", new { }, current)).StatusCode);
    }

    [Fact]
    public async Task Orders_written_before_the_desk_existed_appear_after_the_backfill()
    {
        var (_, counterpartyId, orderId) = await PlaceOrderAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        // As if the order had been written before the desk: take its desk row away.
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(OrderingTables.Orders);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == OrderDeskKeys.Partition))
        {
            if (row.GetString("OrderId") == orderId)
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }
        }
        Assert.Empty(await ListAsync(staff, $"counterpartyId={counterpartyId}"));

        var backfill = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/orders-desk/backfill", null, null);

        Assert.Equal(HttpStatusCode.OK, backfill.StatusCode);
        Assert.Equal([orderId], (await ListAsync(staff, $"counterpartyId={counterpartyId}")).Select(Id));
    }

    private static string Id(JsonElement item) => item.GetProperty("order").GetProperty("id").GetString()!;

    private static async Task<List<JsonElement>> ListAsync(PortalClient staff, string query)
    {
        var response = await staff.GetAsync("/api/manage/orders?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    private async Task AgeIntentAsync(string counterpartyId, string orderId)
    {
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(OrderingTables.Orders);
        var intent = (await table.GetEntityAsync<TableEntity>(OrderDeskKeys.Partition, OrderDeskKeys.Intent(counterpartyId, orderId))).Value;
        intent["At"] = DateTimeOffset.UtcNow.AddHours(-1);
        await table.UpdateEntityAsync(intent, intent.ETag, TableUpdateMode.Replace);
    }

    private async Task<List<TableEntity>> IntentsAsync(string counterpartyId, string orderId)
    {
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(OrderingTables.Orders);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(OrderDeskKeys.Partition, OrderDeskKeys.Intent(counterpartyId, orderId));
        return response.HasValue ? [response.Value!] : [];
    }

    private async Task<(PortalClient Client, string CounterpartyId, string OrderId)> PlaceOrderAsync()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var orderId = await OrderAsync(client);
        var counterpartyId = (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
        _buyers[counterpartyId] = client;
        return (client, counterpartyId, orderId);
    }

    private readonly Dictionary<string, PortalClient> _buyers = [];

    private Task<string> PlaceAnotherOrderAsync(string counterpartyId) => OrderAsync(_buyers[counterpartyId]);

    private static async Task<string> OrderAsync(PortalClient client)
    {
        var (_, version) = await client.AddToCartAsync("HT-SPAN-04", 2, "central");
        var checkout = await client.WaitForCheckoutAsync((await (await client.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!);
        return checkout.GetProperty("orders")[0].GetProperty("id").GetString()!;
    }
}
