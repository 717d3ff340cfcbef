using System.Net;

namespace Portal.Integration.Tests.Accounts;

/// <summary>Account → View contact information: the supplier's contacts and the customer's own account manager.</summary>
[Collection(PortalCollection.Name)]
public sealed class ContactInformationTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_buyer_sees_the_suppliers_contacts_and_their_companys_manager()
    {
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");

        var response = await anna.GetAsync("/api/account/contacts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contacts = await response.ReadJsonAsync();
        Assert.Equal("Tailspin Supplies Ltd", contacts.GetProperty("supplier").GetProperty("companyName").GetString());
        Assert.False(string.IsNullOrEmpty(contacts.GetProperty("supplier").GetProperty("phone").GetString()));
        Assert.Equal("Priya Natarajan", contacts.GetProperty("manager").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_company_without_a_manager_shows_none_and_one_given_a_manager_shows_only_its_own()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);
        Assert.False((await (await client.GetAsync("/api/account/contacts")).ReadJsonAsync()).TryGetProperty("manager", out _));

        using var staff = await fixture.SignInAsStaffAsync();
        var id = (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString();
        (await staff.PutJsonAsync($"/api/manage/counterparties/{id}", new { name = "Test Customer", managerName = "Olu Bello", managerPhone = "+44 1" })).EnsureSuccessStatusCode();

        var manager = (await (await client.GetAsync("/api/account/contacts")).ReadJsonAsync()).GetProperty("manager");
        Assert.Equal("Olu Bello", manager.GetProperty("name").GetString());
        using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
        Assert.Equal("Priya Natarajan", (await (await anna.GetAsync("/api/account/contacts")).ReadJsonAsync()).GetProperty("manager").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Staff_contacts_need_a_phone_and_an_email_and_bad_ones_change_nothing()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var before = await (await staff.GetAsync("/api/manage/settings/contacts")).ReadJsonAsync();

        var response = await staff.PutJsonAsync("/api/manage/settings/contacts", new { phone = "+44 1", email = "not-an-address" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal(0, response.StorageWrites());
        Assert.Equal(before.GetProperty("phone").GetString(), (await (await staff.GetAsync("/api/manage/settings/contacts")).ReadJsonAsync()).GetProperty("phone").GetString());
    }
}
