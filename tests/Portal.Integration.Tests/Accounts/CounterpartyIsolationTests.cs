using System.Net;

namespace Portal.Integration.Tests.Accounts;

[Collection(PortalCollection.Name)]
public sealed class CounterpartyIsolationTests(PortalFixture fixture)
{
    [Fact]
    public async Task Customer_sees_colleagues_of_their_own_counterparty_only()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");

        var colleagues = await (await anna.GetAsync("/api/account/users")).ReadJsonAsync();

        var names = colleagues.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("displayName").GetString()).ToList();
        Assert.Contains("Dan Okafor", names);
        Assert.DoesNotContain("Ben Müller", names);
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/api/account/users/demo-dan")).StatusCode);
    }

    [Theory]
    [InlineData("demo-ben")]
    [InlineData("demo-clerk")]
    [InlineData("no-such-user")]
    public async Task Another_counterpartys_user_is_not_found_rather_than_forbidden(string userId)
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");

        var response = await anna.GetAsync($"/api/account/users/{userId}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Customer_cannot_use_the_company_side()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");

        await (await anna.GetAsync("/api/manage/users")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var escalate = await anna.PutJsonAsync("/api/manage/settings", new { externalAccessEnabled = false, companyName = "x", currency = "EUR" });
        await escalate.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, escalate.StorageWrites());
    }
}
