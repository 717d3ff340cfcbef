using System.Net;

namespace Portal.Integration.Tests.Documents;

/// <summary>What the staff's Quotations page reads: a counterparty's quotations, one with its lines, and the catalog at its prices.</summary>
[Collection(PortalCollection.Name)]
public sealed class ManageQuotationsTests(PortalFixture fixture)
{
    [Fact]
    public async Task Staff_list_a_counterpartys_quotations_read_one_by_number_and_see_products_at_its_prices()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        var counterpartyId = (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
        using var staff = await fixture.SignInAsStaffAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lines = new[] { new { sku = "HT-HAM-01", name = "Claw hammer", unit = "pcs", quantity = 5m, unitPrice = 11.5m } };
        (await staff.PutJsonAsync($"/api/manage/quotations/{counterpartyId}/QT-S-1", new { date = today, validUntil = today.AddDays(30), lines })).EnsureSuccessStatusCode();

        var list = await (await staff.GetAsync($"/api/manage/quotations/{counterpartyId}")).ReadJsonAsync();
        var one = await (await staff.GetAsync($"/api/manage/quotations/{counterpartyId}/QT-S-1")).ReadJsonAsync();
        var missing = await staff.GetAsync($"/api/manage/quotations/{counterpartyId}/QT-NONE");
        var products = await (await staff.GetAsync($"/api/manage/counterparties/{counterpartyId}/products?search=HT-HAM-01")).ReadJsonAsync();
        var nobody = await staff.GetAsync("/api/manage/counterparties/no-such-counterparty/products");
        var noQuotations = await staff.GetAsync("/api/manage/quotations/no-such-counterparty");
        var customerTries = await client.GetAsync($"/api/manage/quotations/{counterpartyId}");

        Assert.Equal(["QT-S-1"], list.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("number").GetString()));
        Assert.Equal(11.5m, one.GetProperty("lines")[0].GetProperty("unitPrice").GetProperty("amount").GetDecimal());
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("HT-HAM-01", products.GetProperty("items")[0].GetProperty("sku").GetString());
        Assert.True(products.GetProperty("items")[0].GetProperty("price").GetProperty("amount").GetDecimal() > 0);
        await nobody.AssertProblemAsync(HttpStatusCode.NotFound);
        await noQuotations.AssertProblemAsync(HttpStatusCode.NotFound);
        await customerTries.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
