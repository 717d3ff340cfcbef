using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Portal.Integration.Tests.LocalHost;

namespace Portal.Integration.Tests.Ordering;

internal static class OrderingHelpers
{
    public static async Task<(JsonElement Cart, string Version)> GetCartAsync(this PortalClient client)
    {
        var response = await client.GetAsync("/api/cart");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync(), response.Headers.ETag?.ToString() ?? "");
    }

    public static async Task<(JsonElement Cart, string Version)> AddToCartAsync(this PortalClient client, string sku, decimal quantity, string? warehouseId = null)
    {
        var response = await client.PostJsonAsync("/api/cart/lines", new { sku, quantity, warehouseId });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Adding {sku}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync(), response.Headers.ETag!.ToString());
    }

    public static Task<HttpResponseMessage> CheckoutAsync(this PortalClient client, string cartVersion, string? idempotencyKey = null, string? customerReference = null) =>
        client.SendRawAsync(HttpMethod.Post, "/api/checkouts", JsonSerializer.Serialize(new { customerReference }), "application/json", cartVersion,
            r => { if (idempotencyKey is not null) r.Headers.Add("Idempotency-Key", idempotencyKey); });

    /// <summary>Polls the checkout as the browser does, until it is no longer pending.</summary>
    public static async Task<JsonElement> WaitForCheckoutAsync(this PortalClient client, string checkoutId)
    {
        JsonElement checkout = default;
        await LocalHostTests.Eventually(async () =>
        {
            checkout = await (await client.GetAsync($"/api/checkouts/{checkoutId}")).ReadJsonAsync();
            return checkout.GetProperty("status").GetString() != "pending";
        }, TimeSpan.FromSeconds(60));
        return checkout;
    }

    public static async Task<List<JsonElement>> AllOrdersAsync(this PortalClient client)
    {
        var all = new List<JsonElement>();
        string? continuation = null;
        do
        {
            var page = await (await client.GetAsync("/api/orders?pageSize=100" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation)))).ReadJsonAsync();
            all.AddRange(page.GetProperty("items").EnumerateArray());
            continuation = page.TryGetProperty("continuation", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        } while (continuation is not null);
        return all;
    }

    private static readonly List<JsonElement> SeenEvents = [];

    /// <summary>Every integration event the local sink (a Storage queue) has received so far.</summary>
    public static async Task<IReadOnlyList<JsonElement>> IntegrationEventsAsync(this PortalFixture fixture)
    {
        var queue = new QueueClient(fixture.Azurite.ConnectionString, "integration-events", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                break;
            }
            foreach (var message in batch)
            {
                lock (SeenEvents)
                {
                    SeenEvents.Add(JsonDocument.Parse(message.Body.ToString()).RootElement.Clone());
                }
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        lock (SeenEvents)
        {
            return SeenEvents.ToList();
        }
    }
}
