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

    [Fact]
    public async Task A_clerk_edits_the_contacts_on_the_version_read_and_a_colleagues_stale_edit_is_412_and_changes_nothing()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var read = await staff.GetAsync("/api/manage/settings/contacts");
        var version = read.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(version));
        var original = await read.ReadJsonAsync();
        object Body(string phone) => new
        {
            address = original.GetProperty("address").GetString(), phone, email = original.GetProperty("email").GetString(),
            hours = original.GetProperty("hours").GetString(),
        };
        try
        {
            var saved = await staff.PutJsonAsync("/api/manage/settings/contacts", Body("+44 121 496 0999"), version);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.NotEqual(version, saved.Headers.ETag?.ToString());

            // A colleague who read the old version saves over it: refused, nothing written.
            var stale = await staff.PutJsonAsync("/api/manage/settings/contacts", Body("+44 121 496 0111"), version);
            await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
            Assert.Equal(0, stale.StorageWrites());

            using var anna = await fixture.SignInAsync("anna@northwind.example", "northwind-demo-1");
            var seen = (await (await anna.GetAsync("/api/account/contacts")).ReadJsonAsync()).GetProperty("supplier");
            Assert.Equal("+44 121 496 0999", seen.GetProperty("phone").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, (await anna.PutJsonAsync("/api/manage/settings/contacts", Body("+1"))).StatusCode);
        }
        finally
        {
            (await staff.PutJsonAsync("/api/manage/settings/contacts", Body(original.GetProperty("phone").GetString()!))).EnsureSuccessStatusCode();
        }
    }
}
