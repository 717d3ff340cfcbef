using System.Diagnostics;
using System.Text.Json;

namespace Portal.Benchmarks;

/// <summary>What a buyer's browser does to order: put 1–3 products into the cart, create the order, watch the checkout.</summary>
public static class Ordering
{
    public static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Adds 1–3 random products; returns every answer, the last carrying the cart version to check out.</summary>
    public static async Task<List<PortalResponse>> AddLinesAsync(PortalSession session, IReadOnlyList<SeedProduct> products, Random random)
    {
        var answers = new List<PortalResponse>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var product = products[random.Next(products.Count)];
            var answer = await session.SendAsync(HttpMethod.Post, "/api/cart/lines", new { sku = product.Sku, quantity = 1 + random.Next(10) });
            answers.Add(answer);
            if (!answer.IsSuccess)
            {
                break;
            }
        }
        return answers;
    }

    public static Task<PortalResponse> CheckoutAsync(PortalSession session, string cartVersion, string idempotencyKey, string reference) =>
        session.SendAsync(HttpMethod.Post, "/api/checkouts", new { customerReference = reference }, cartVersion, idempotencyKey);

    /// <summary>Polls the checkout, as the browser does, until it is no longer pending (or the timeout passes).</summary>
    public static async Task<(string Status, JsonElement Checkout, int Polls, PortalResponse? Failure)> WaitAsync(PortalSession session, string checkoutId,
        TimeSpan interval, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        var polls = 0;
        while (true)
        {
            var answer = await session.GetAsync("/api/checkouts/" + checkoutId);
            polls++;
            if (!answer.IsSuccess)
            {
                return ("error", default, polls, answer);
            }
            var checkout = answer.Json();
            var status = checkout.GetProperty("status").GetString() ?? "";
            if (status != "pending")
            {
                return (status, checkout, polls, null);
            }
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                return ("pending", checkout, polls, null);
            }
            await Task.Delay(interval);
        }
    }

    /// <summary>A seed for <see cref="Random"/> that is the same in every run (string.GetHashCode is not).</summary>
    public static int StableSeed(int seed, string text)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & 0x7fffffff);
    }

    public static IReadOnlyList<string> OrderIds(JsonElement checkout) =>
        checkout.ValueKind == JsonValueKind.Object && checkout.TryGetProperty("orders", out var orders)
            ? orders.EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList()
            : [];
}
