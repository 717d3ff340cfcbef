using System.Net;
using System.Text.Json;

namespace Portal.Integration.Tests.Ordering;

/// <summary>Quick order: "SKU, quantity" lines pasted or uploaded, checked line by line, added to the cart in one step.</summary>
[Collection(PortalCollection.Name)]
public sealed class QuickOrderTests(PortalFixture fixture)
{
    private const string Paste = "sku,quantity\nHT-SPAN-01, 2\nNO-SUCH-SKU, 1\nEL-SOCK-01; 3\nSF-HELM-01, two\n\nFX-NAIL-KG\t1,250\nHT-SPAN-02, 1.5\n";

    [Fact]
    public async Task Checking_names_each_unrecognised_line_by_its_number_and_changes_nothing()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync("tools-and-safety");
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);

        var response = await client.PostJsonAsync("/api/cart/quick-order/check", new { text = Paste });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.StorageWrites());
        var check = await response.ReadJsonAsync();
        Assert.Equal([(2, "HT-SPAN-01", 2m)], check.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("sku").GetString(), l.GetProperty("quantity").GetDecimal())));
        var problems = check.GetProperty("problems").EnumerateArray().ToDictionary(p => p.GetProperty("line").GetInt32(), p => p.GetProperty("message").GetString()!);
        Assert.Equal([3, 4, 5, 7, 8], problems.Keys.Order());
        Assert.Contains("not in your catalog", problems[3]);      // unknown
        Assert.Contains("not in your catalog", problems[4]);      // electrical: not for this access group
        Assert.Contains("not a quantity", problems[5]);
        Assert.Contains("not in your catalog", problems[7]);      // fasteners: not for this group either
        Assert.Contains("whole", problems[8]);                     // 1.5 pieces
        Assert.Empty((await client.GetCartAsync()).Cart.GetProperty("lines").EnumerateArray());
    }

    [Fact]
    public async Task Adding_puts_the_recognised_lines_into_the_cart_once_however_often_it_is_retried()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var key = Guid.NewGuid().ToString();

        var first = await AddAsync(client, Paste, key);
        var retry = await AddAsync(client, Paste, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var result = await first.ReadJsonAsync();
        Assert.Equal(["EL-SOCK-01", "FX-NAIL-KG", "HT-SPAN-01"], result.GetProperty("added").EnumerateArray().Select(a => a.GetProperty("sku").GetString()).Order());
        Assert.Equal([3, 5, 8], result.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()));
        var lines = (await client.GetCartAsync()).Cart.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("sku").GetString()!, l => l.GetProperty("quantity").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { ["HT-SPAN-01"] = 2m, ["EL-SOCK-01"] = 3m, ["FX-NAIL-KG"] = 1.25m }, lines);
    }

    [Fact]
    public async Task Adding_needs_an_Idempotency_Key_and_a_key_reused_for_other_lines_is_refused()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var key = Guid.NewGuid().ToString();

        await (await AddAsync(client, "HT-SPAN-01, 1", null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await AddAsync(client, "HT-SPAN-01, 1", key)).StatusCode);
        await (await AddAsync(client, "HT-SPAN-01, 5", key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PostJsonAsync("/api/cart/quick-order/check", new { text = "   " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostJsonAsync("/api/cart/quick-order/check", new { text = string.Join('\n', Enumerable.Repeat("HT-SPAN-01, 1", 101)) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(1m, (await client.GetCartAsync()).Cart.GetProperty("lines")[0].GetProperty("quantity").GetDecimal());
    }

    private static Task<HttpResponseMessage> AddAsync(PortalClient client, string text, string? key) =>
        client.SendRawAsync(HttpMethod.Post, "/api/cart/quick-order", JsonSerializer.Serialize(new { text }), "application/json", null,
            r => { if (key is not null) r.Headers.Add("Idempotency-Key", key); });
}
