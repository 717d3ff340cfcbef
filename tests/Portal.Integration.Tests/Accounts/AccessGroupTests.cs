using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Tests.Ordering;

namespace Portal.Integration.Tests.Accounts;

/// <summary>
/// Access is granted by an access group with the Customer profile: a customer user in none cannot sign in (and is
/// told to ask the supplier), staff see it flagged, and taking a signed-in user out of its group ends its sessions.
/// A restricted group keeps the company's own records whole but never offers a restricted product for ordering.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AccessGroupTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_customer_in_no_access_group_is_refused_with_a_message_to_ask_the_supplier_and_staff_see_it_flagged()
    {
        var user = await fixture.CreateCustomerAsync(accessGroupId: null);
        using var client = fixture.CreateClient();

        var refused = await client.SignInAsync(user.Username, user.Password, ensureSuccess: false);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.EndsWith("/no-access-group", problem.GetProperty("type").GetString());
        Assert.Contains("supplier", problem.GetProperty("detail").GetString());
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        Assert.Equal(0, refused.StorageWrites());
        using var staff = await fixture.SignInAsStaffAsync();
        // The list is paged in username order, so each user is looked up by its username.
        async Task<bool> FlaggedAsync(string username) =>
            (await (await staff.GetAsync($"/api/manage/users?search={Uri.EscapeDataString(username)}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
                .Single(u => u.GetProperty("username").GetString() == username).GetProperty("inNoAccessGroup").GetBoolean();
        Assert.True(await FlaggedAsync(user.Username));
        Assert.False(await FlaggedAsync("anna@northwind.example"));
        Assert.False(await FlaggedAsync("clerk")); // staff need no group
        Assert.True((await (await staff.GetAsync($"/api/manage/users/{user.Id}")).ReadJsonAsync()).GetProperty("inNoAccessGroup").GetBoolean());
    }

    [Fact]
    public async Task A_user_whose_group_does_not_exist_is_refused_like_one_in_no_group()
    {
        var user = await fixture.CreateCustomerAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        // The group check at creation keeps this out of the API; a group id left behind by a restore or an import is
        // what this stands for.
        var store = fixture.Portal.Services.GetRequiredService<Portal.Core.Features.Accounts.AccountStore>();
        var row = (await store.GetUserAsync(user.Id, CancellationToken.None))!;
        row.AccessGroupId = "no-such-group-" + Guid.NewGuid().ToString("N")[..6];
        await store.UpdateUserAsync(row, CancellationToken.None);
        using var client = fixture.CreateClient();

        await (await client.SignInAsync(user.Username, user.Password, ensureSuccess: false)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.True((await (await staff.GetAsync($"/api/manage/users/{user.Id}")).ReadJsonAsync()).GetProperty("inNoAccessGroup").GetBoolean());
    }

    [Fact]
    public async Task Taking_a_signed_in_user_out_of_every_group_ends_its_sessions_at_once_and_putting_it_back_lets_it_in()
    {
        var user = await fixture.CreateCustomerAsync();
        using var customer = await fixture.SignInAsync(user.Username, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/api/products?pageSize=1")).StatusCode);
        using var staff = await fixture.SignInAsStaffAsync();

        await SetGroupAsync(staff, user, null);

        await (await customer.GetAsync("/api/products?pageSize=1")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using (var again = fixture.CreateClient())
        {
            await (await again.SignInAsync(user.Username, user.Password, ensureSuccess: false)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        await SetGroupAsync(staff, user, "customers");
        using var back = await fixture.SignInAsync(user.Username, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Every_demo_user_is_in_a_customer_access_group_or_is_staff()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var users = (await (await staff.GetAsync("/api/manage/users")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Where(u => u.GetProperty("id").GetString()!.StartsWith("demo-", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(users);
        Assert.All(users, u => Assert.False(u.GetProperty("inNoAccessGroup").GetBoolean(), u.GetProperty("username").GetString()));
    }

    [Fact]
    public async Task A_restricted_buyer_reads_a_quotation_whole_but_cannot_turn_its_restricted_line_into_a_cart_line()
    {
        var buyer = await fixture.CreateCounterpartyWithBuyerAsync("tools-and-safety");
        var counterpartyId = await CounterpartyOf(buyer);
        using var staff = await fixture.SignInAsStaffAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var quotation = await (await staff.PutJsonAsync($"/api/manage/documents/{counterpartyId}/quotations/QT-R-1", new
        {
            date = today, validUntil = today.AddDays(10),
            lines = new object[]
            {
                new { sku = "HT-SPAN-01", name = "Spanner", unit = "pcs", quantity = 2, unitPrice = 5m },
                new { sku = "EL-CAB-01", name = "Cable", unit = "m", quantity = 10, unitPrice = 1.5m },
            },
        })).ReadJsonAsync();
        var id = quotation.GetProperty("id").GetString();
        using var client = await fixture.SignInAsync(buyer.Username, buyer.Password);

        var read = await (await client.GetAsync($"/api/documents/quotations/{id}")).ReadJsonAsync();
        var filled = await (await client.PostJsonAsync($"/api/cart/from-quotation/{id}", new { })).ReadJsonAsync();

        // The company's own record stays whole: both lines with the prices quoted then.
        Assert.Equal(["HT-SPAN-01", "EL-CAB-01"], read.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()));
        Assert.Equal(["HT-SPAN-01"], filled.GetProperty("added").EnumerateArray().Select(a => a.GetProperty("sku").GetString()));
        var refused = Assert.Single(filled.GetProperty("unavailable").EnumerateArray());
        Assert.Equal("EL-CAB-01", refused.GetProperty("sku").GetString());
        Assert.DoesNotContain("EL-CAB-01", filled.GetProperty("cart").GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()));
        // And its current price is nowhere: not on its product page, not in a comparison.
        await (await client.GetAsync("/api/products/EL-CAB-01")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_restricted_buyer_sees_a_colleagues_order_with_all_its_lines_but_repeating_it_leaves_the_restricted_line_out()
    {
        var anna = await fixture.CreateCounterpartyWithBuyerAsync();
        var counterpartyId = await CounterpartyOf(anna);
        var dan = await fixture.CreateCustomerAsync(counterpartyId, "tools-and-safety");
        string orderId;
        using (var client = await fixture.SignInAsync(anna.Username, anna.Password))
        {
            await client.AddToCartAsync("EL-SOCK-01", 2, "central");
            var (_, version) = await client.AddToCartAsync("HT-SPAN-01", 2, "central");
            orderId = (await client.WaitForCheckoutAsync((await (await client.CheckoutAsync(version)).ReadJsonAsync()).GetProperty("id").GetString()!))
                .GetProperty("orders")[0].GetProperty("id").GetString()!;
        }
        using var restricted = await fixture.SignInAsync(dan.Username, dan.Password);

        var order = await (await restricted.GetAsync($"/api/orders/{orderId}")).ReadJsonAsync();
        var repeated = await (await restricted.PostJsonAsync($"/api/cart/from-order/{orderId}", new { })).ReadJsonAsync();
        var (cart, _) = await restricted.GetCartAsync();

        Assert.Equal(["EL-SOCK-01", "HT-SPAN-01"], order.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()).Order());
        Assert.Equal("EL-SOCK-01", Assert.Single(repeated.GetProperty("unavailable").EnumerateArray()).GetProperty("sku").GetString());
        Assert.Equal(["HT-SPAN-01"], cart.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()));
        await (await restricted.PostJsonAsync("/api/cart/lines", new { sku = "EL-SOCK-01", quantity = 1 })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task SetGroupAsync(PortalClient staff, TestUser user, string? group)
    {
        var current = await staff.GetAsync($"/api/manage/users/{user.Id}");
        (await staff.PutJsonAsync($"/api/manage/users/{user.Id}", new { displayName = "Test User", disabled = false, accessGroupId = group },
            current.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
    }

    private async Task<string> CounterpartyOf(TestUser user)
    {
        using var client = await fixture.SignInAsync(user.Username, user.Password);
        return (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("counterparty").GetProperty("id").GetString()!;
    }
}
