using System.Net;
using System.Text.Json;

namespace Portal.Integration.Tests.Accounts;

/// <summary>The staff's users and rights: the user list's filters and paging, last sign-in, the account kind, groups and counterparties.</summary>
[Collection(PortalCollection.Name)]
public sealed class ManageUsersTests(PortalFixture fixture)
{
    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<List<JsonElement>> ItemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    private static async Task<string> CreateAsync(PortalClient staff, object body)
    {
        var created = await staff.PostJsonAsync("/api/manage/users", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_user_list_filters_by_counterparty_group_kind_disabled_and_search_in_username_order()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var counterparty = NewId("cp");
        var group = NewId("grp");
        Assert.Equal(HttpStatusCode.OK, (await staff.PutJsonAsync($"/api/manage/counterparties/{counterparty}", new { name = "Filter Test Ltd" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PutJsonAsync($"/api/manage/access-groups/{group}", new { name = "Filter group" })).StatusCode);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await CreateAsync(staff, new { username = $"zed-{tag}@filter.example", displayName = "Zed Quist", kind = "customer", counterpartyId = counterparty, accessGroupId = group, password = "a long enough secret " + tag });
        var anna = await CreateAsync(staff, new { username = $"anna-{tag}@filter.example", displayName = "Anna Marlowe Brook", kind = "customer", counterpartyId = counterparty });
        await CreateAsync(staff, new { username = $"mid-{tag}@filter.example", displayName = "Mid Person", kind = "customer", counterpartyId = counterparty, accessGroupId = group });

        var all = await ItemsAsync(await staff.GetAsync($"/api/manage/users?counterpartyId={counterparty}"));
        Assert.Equal([$"anna-{tag}@filter.example", $"mid-{tag}@filter.example", $"zed-{tag}@filter.example"], all.Select(u => u.GetProperty("username").GetString()));

        var inGroup = await ItemsAsync(await staff.GetAsync($"/api/manage/users?accessGroupId={group}"));
        Assert.Equal(2, inGroup.Count);
        var noGroup = await ItemsAsync(await staff.GetAsync($"/api/manage/users?counterpartyId={counterparty}&accessGroupId=none"));
        Assert.Equal([anna], noGroup.Select(u => u.GetProperty("id").GetString()));

        var usernameOnly = await ItemsAsync(await staff.GetAsync($"/api/manage/users?counterpartyId={counterparty}&credentials=usernameOnly"));
        Assert.Equal(2, usernameOnly.Count);
        Assert.All(usernameOnly, u => Assert.Equal("usernameOnly", u.GetProperty("credentials").GetString()));

        // Search: the start of the username, or of any of the first three words of the name, in any case.
        Assert.Single(await ItemsAsync(await staff.GetAsync($"/api/manage/users?search=ZED-{tag}")));
        Assert.Equal([anna], (await ItemsAsync(await staff.GetAsync($"/api/manage/users?counterpartyId={counterparty}&search=brO"))).Select(u => u.GetProperty("id").GetString()));
        Assert.Equal([anna], (await ItemsAsync(await staff.GetAsync($"/api/manage/users?counterpartyId={counterparty}&search=anna%20mar"))).Select(u => u.GetProperty("id").GetString()));

        var staffUsers = await ItemsAsync(await staff.GetAsync("/api/manage/users?kind=staff&pageSize=100"));
        Assert.Contains(staffUsers, u => u.GetProperty("username").GetString() == "clerk");
        Assert.All(staffUsers, u => Assert.Equal("staff", u.GetProperty("kind").GetString()));

        // Disable Anna: the list row follows in the same change.
        var current = await staff.GetAsync($"/api/manage/users/{anna}");
        (await staff.PutJsonAsync($"/api/manage/users/{anna}", new { displayName = "Anna Marlowe Brook", disabled = true }, current.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
        Assert.Equal([anna], (await ItemsAsync(await staff.GetAsync($"/api/manage/users?counterpartyId={counterparty}&disabled=true"))).Select(u => u.GetProperty("id").GetString()));
        Assert.Equal(2, (await ItemsAsync(await staff.GetAsync($"/api/manage/users?counterpartyId={counterparty}&disabled=false"))).Count);
    }

    [Fact]
    public async Task The_user_list_pages_with_a_continuation_and_each_page_is_one_storage_request()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var counterparty = NewId("cp");
        (await staff.PutJsonAsync($"/api/manage/counterparties/{counterparty}", new { name = "Paging Ltd" })).EnsureSuccessStatusCode();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var username = $"p{i}-{counterparty}@paging.example";
            await CreateAsync(staff, new { username, displayName = "Page Person " + i, kind = "customer", counterpartyId = counterparty });
            created.Add(username);
        }

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var response = await staff.GetAsync($"/api/manage/users?counterpartyId={counterparty}&pageSize=2" + (continuation is null ? "" : "&continuation=" + continuation));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.StorageRequests() <= 2, $"A page cost {response.StorageRequests()} storage requests (session + one query expected)");
            var body = await response.ReadJsonAsync();
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("username").GetString()!));
            continuation = body.TryGetProperty("continuation", out var next) ? next.GetString() : null;
            pages++;
        }
        while (continuation is not null && pages < 10);

        Assert.Equal(created, seen);
        Assert.True(pages >= 3);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("kind=robot", "kind")]
    [InlineData("credentials=magic", "credentials")]
    [InlineData("disabled=maybe", "disabled")]
    [InlineData("counterpartyId=a%2Fb", "counterpartyId")]
    [InlineData("accessGroupId=x%27%20or%20true", "accessGroupId")]
    [InlineData("search=a%23b", "search")]
    [InlineData("continuation=forged", "continuation")]
    public async Task Bad_list_filters_are_a_400_naming_the_value(string query, string field)
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var problem = await (await staff.GetAsync("/api/manage/users?" + query)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_successful_sign_in_is_recorded_as_the_last_sign_in_without_changing_the_users_version()
    {
        var user = await fixture.CreateCustomerAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        var before = await staff.GetAsync($"/api/manage/users/{user.Id}");
        Assert.False((await before.ReadJsonAsync()).TryGetProperty("lastSignInAt", out _), "a new user has not signed in yet");

        using var customer = await fixture.SignInAsync(user.Username, user.Password);

        var after = await staff.GetAsync($"/api/manage/users/{user.Id}");
        var lastSignIn = (await after.ReadJsonAsync()).GetProperty("lastSignInAt").GetDateTimeOffset();
        Assert.True(lastSignIn > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        var listed = await ItemsAsync(await staff.GetAsync($"/api/manage/users?search={Uri.EscapeDataString(user.Username)}"));
        Assert.Equal(lastSignIn, Assert.Single(listed).GetProperty("lastSignInAt").GetDateTimeOffset());

        // A failed attempt is not a sign-in.
        using var other = fixture.CreateClient();
        await other.SignInAsync(user.Username, "wrong password here", ensureSuccess: false);
        Assert.Equal(lastSignIn, (await (await staff.GetAsync($"/api/manage/users/{user.Id}")).ReadJsonAsync()).GetProperty("lastSignInAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_user_can_be_created_username_only_and_switched_between_the_two_kinds()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var username = NewId("kind") + "@test.example";
        var id = await CreateAsync(staff, new { username, displayName = "Kind Switch", kind = "customer", counterpartyId = "northwind", accessGroupId = "customers", password = "" });
        var read = await staff.GetAsync($"/api/manage/users/{id}");
        var body = await read.ReadJsonAsync();
        Assert.Equal("usernameOnly", body.GetProperty("credentials").GetString());
        Assert.False(body.GetProperty("hasPassword").GetBoolean());
        using (var nobody = fixture.CreateClient())
        {
            await (await nobody.SignInAsync(username, "anything at all", ensureSuccess: false)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        // Setting a password makes it username and password.
        var password = "a fresh password " + Guid.NewGuid().ToString("N")[..6];
        var set = await staff.PutJsonAsync($"/api/manage/users/{id}", new { displayName = "Kind Switch", disabled = false, accessGroupId = "customers", newPassword = password }, read.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("usernameAndPassword", (await set.ReadJsonAsync()).GetProperty("credentials").GetString());
        using var customer = await fixture.SignInAsync(username, password);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/api/me")).StatusCode);

        // Clearing it makes it username-only again and signs the user out.
        var clear = await staff.PutJsonAsync($"/api/manage/users/{id}", new { displayName = "Kind Switch", disabled = false, accessGroupId = "customers", removePassword = true }, set.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        Assert.Equal("usernameOnly", (await clear.ReadJsonAsync()).GetProperty("credentials").GetString());
        await (await customer.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using (var again = fixture.CreateClient())
        {
            await (await again.SignInAsync(username, password, ensureSuccess: false)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
        var listed = Assert.Single(await ItemsAsync(await staff.GetAsync($"/api/manage/users?search={Uri.EscapeDataString(username)}")));
        Assert.Equal("usernameOnly", listed.GetProperty("credentials").GetString());

        // Both at once is a 400 that changes nothing.
        var both = await staff.PutJsonAsync($"/api/manage/users/{id}", new { displayName = "Kind Switch", disabled = false, removePassword = true, newPassword = password },
            clear.Headers.ETag!.ToString());
        await both.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, both.StorageWrites());
    }

    [Fact]
    public async Task A_stale_user_version_is_a_412_that_changes_nothing()
    {
        var user = await fixture.CreateCustomerAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        var etag = (await staff.GetAsync($"/api/manage/users/{user.Id}")).Headers.ETag!.ToString();
        (await staff.PutJsonAsync($"/api/manage/users/{user.Id}", new { displayName = "First Edit", disabled = false, accessGroupId = "customers" }, etag)).EnsureSuccessStatusCode();

        var stale = await staff.PutJsonAsync($"/api/manage/users/{user.Id}", new { displayName = "Second Edit", disabled = true }, etag);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(0, stale.StorageWrites());
        Assert.Equal("First Edit", (await (await staff.GetAsync($"/api/manage/users/{user.Id}")).ReadJsonAsync()).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Access_groups_list_how_many_users_each_has_as_users_join_and_leave()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var first = NewId("grp");
        var second = NewId("grp");
        var created = await staff.SendRawAsync(HttpMethod.Put, $"/api/manage/access-groups/{first}", """{"name":"Counted","allowedCategories":["tools"]}""", "application/json",
            adjust: r => r.Headers.TryAddWithoutValidation("If-None-Match", "*"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        (await staff.PutJsonAsync($"/api/manage/access-groups/{second}", new { name = "Counted too" })).EnsureSuccessStatusCode();

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await CreateAsync(staff, new { username = $"{first}-{i}@count.example", displayName = "Counted " + i, kind = "customer", counterpartyId = "northwind", accessGroupId = first }));
        }
        async Task<int> CountOf(string group)
        {
            var response = await staff.GetAsync("/api/manage/access-groups");
            Assert.True(response.StorageRequests() <= 3, $"The group list cost {response.StorageRequests()} storage requests");
            return (await ItemsAsync(response)).Single(g => g.GetProperty("id").GetString() == group).GetProperty("users").GetInt32();
        }
        Assert.Equal(3, await CountOf(first));
        Assert.Equal(0, await CountOf(second));

        var read = await staff.GetAsync($"/api/manage/users/{ids[0]}");
        (await staff.PutJsonAsync($"/api/manage/users/{ids[0]}", new { displayName = "Counted 0", disabled = false, accessGroupId = second }, read.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
        read = await staff.GetAsync($"/api/manage/users/{ids[1]}");
        (await staff.PutJsonAsync($"/api/manage/users/{ids[1]}", new { displayName = "Counted 1", disabled = false }, read.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
        Assert.Equal(1, await CountOf(first));
        Assert.Equal(1, await CountOf(second));

        // Users created at the same moment into one group are each counted once.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            CreateAsync(staff, new { username = $"{second}-p{i}@count.example", displayName = "Parallel " + i, kind = "customer", counterpartyId = "northwind", accessGroupId = second })));
        Assert.Equal(7, await CountOf(second));
    }

    [Fact]
    public async Task Access_groups_and_counterparties_are_created_only_once_and_edited_only_from_the_version_read()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        foreach (var (path, body, changed) in new[]
                 {
                     ($"/api/manage/access-groups/{NewId("grp")}", """{"name":"Original"}""", """{"name":"Changed","allowedCategories":["tools"]}"""),
                     ($"/api/manage/counterparties/{NewId("cp")}", """{"name":"Original","code":"C-1","taxId":"TAX-1","address":"1 Road"}""", """{"name":"Changed","email":"a@b.example"}"""),
                 })
        {
            void CreateOnly(HttpRequestMessage r) => r.Headers.TryAddWithoutValidation("If-None-Match", "*");
            var created = await staff.SendRawAsync(HttpMethod.Put, path, body, "application/json", adjust: CreateOnly);
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            var etag = created.Headers.ETag!.ToString();
            Assert.Equal(etag, (await staff.GetAsync(path)).Headers.ETag!.ToString());

            var again = await staff.SendRawAsync(HttpMethod.Put, path, changed, "application/json", adjust: CreateOnly);
            await again.AssertProblemAsync(HttpStatusCode.Conflict);

            var edited = await staff.SendRawAsync(HttpMethod.Put, path, changed, "application/json", etag);
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            Assert.Equal("Changed", (await edited.ReadJsonAsync()).GetProperty("name").GetString());

            var stale = await staff.SendRawAsync(HttpMethod.Put, path, body, "application/json", etag);
            await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
            Assert.Equal("Changed", (await (await staff.GetAsync(path)).ReadJsonAsync()).GetProperty("name").GetString());

            var bad = await staff.SendRawAsync(HttpMethod.Put, path, body, "application/json", adjust: r => r.Headers.TryAddWithoutValidation("If-None-Match", "\"x\""));
            await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(0, bad.StorageWrites());
        }
        await (await staff.GetAsync("/api/manage/access-groups/no-such-group")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_read_every_category_to_pick_a_restriction_from_while_a_restricted_customer_sees_its_own()
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var all = await ItemsAsync(await staff.GetAsync("/api/categories"));
        var user = await fixture.CreateCustomerAsync(accessGroupId: "tools-and-safety");
        using var customer = await fixture.SignInAsync(user.Username, user.Password);
        var own = await ItemsAsync(await customer.GetAsync("/api/categories"));
        Assert.True(all.Count > own.Count, $"staff see {all.Count}, a restricted customer {own.Count}");
    }

    [Fact]
    public async Task Customers_are_refused_on_the_staff_user_routes_and_nothing_is_written()
    {
        var user = await fixture.CreateCustomerAsync();
        using var customer = await fixture.SignInAsync(user.Username, user.Password);
        foreach (var path in new[] { "/api/manage/users?search=a", "/api/manage/access-groups", "/api/manage/access-groups/customers", "/api/manage/counterparties/northwind" })
        {
            await (await customer.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        var put = await customer.PutJsonAsync("/api/manage/access-groups/customers", new { name = "Mine now" });
        await put.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, put.StorageWrites());
    }
}
