using System.Net;
using System.Text.Json;

namespace Portal.Integration.Tests.Accounts;

/// <summary>
/// A customer user whom staff made its company's administrator manages its colleagues: invites them (a password
/// shown once, or username only), disables them, resets their password and puts them only in the access groups
/// staff allowed for the company. Every change is an audit row staff can read.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ColleagueAdministrationTests(PortalFixture fixture)
{
    [Fact]
    public async Task An_administrator_invites_a_colleague_who_signs_in_with_the_password_shown_once()
    {
        var (admin, counterpartyId) = await AdministratorAsync(["customers", "tools-and-safety"]);
        using var client = await fixture.SignInAsync(admin.Username, admin.Password);
        var username = "colleague-" + Guid.NewGuid().ToString("N")[..8] + "@test.example";

        var invited = await Invite(client, new { username, displayName = "New Colleague", accessGroupId = "tools-and-safety", withPassword = true });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var body = await invited.ReadJsonAsync();
        var password = body.GetProperty("password").GetString()!;
        Assert.Equal(16, password.Length);
        using var colleague = await fixture.SignInAsync(username, password);
        var me = await (await colleague.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal(counterpartyId, me.GetProperty("counterparty").GetProperty("id").GetString());
        Assert.Equal("tools-and-safety", me.GetProperty("accessGroup").GetProperty("id").GetString());
        var list = await (await client.GetAsync("/api/account/colleagues")).ReadJsonAsync();
        Assert.Contains(username, list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("username").GetString()));
        Assert.Equal(["customers", "tools-and-safety"], list.GetProperty("allowedGroups").EnumerateArray().Select(g => g.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public async Task A_retried_invite_with_the_same_key_creates_one_colleague_and_does_not_show_the_password_again()
    {
        var (admin, _) = await AdministratorAsync(["customers"]);
        using var client = await fixture.SignInAsync(admin.Username, admin.Password);
        var username = "retry-" + Guid.NewGuid().ToString("N")[..8] + "@test.example";
        var request = new { username, displayName = "Retried", accessGroupId = "customers", withPassword = true };
        var key = Guid.NewGuid().ToString();

        var first = await Invite(client, request, key);
        var second = await Invite(client, request, key);
        var other = await Invite(client, request with { displayName = "Something else" }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstBody = await first.ReadJsonAsync();
        var secondBody = await second.ReadJsonAsync();
        Assert.Equal(firstBody.GetProperty("colleague").GetProperty("id").GetString(), secondBody.GetProperty("colleague").GetProperty("id").GetString());
        Assert.False(secondBody.TryGetProperty("password", out var again) && again.ValueKind == JsonValueKind.String, "the password is shown once");
        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var list = await (await client.GetAsync("/api/account/colleagues")).ReadJsonAsync();
        Assert.Single(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("username").GetString() == username);
    }

    [Fact]
    public async Task An_invite_sent_several_times_at_once_with_one_key_creates_one_colleague()
    {
        var (admin, _) = await AdministratorAsync(["customers"]);
        using var client = await fixture.SignInAsync(admin.Username, admin.Password);
        for (var round = 0; round < 3; round++)
        {
            var username = $"double-{round}-" + Guid.NewGuid().ToString("N")[..8] + "@test.example";
            var request = new { username, displayName = "Double " + round, accessGroupId = "customers", withPassword = false };
            var key = Guid.NewGuid().ToString();

            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Invite(client, request, key)));

            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"answered {a.StatusCode}"));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            var ids = await Task.WhenAll(answers.Select(async a => (await a.ReadJsonAsync()).GetProperty("colleague").GetProperty("id").GetString()));
            Assert.Single(ids.Distinct());
            var list = await (await client.GetAsync("/api/account/colleagues")).ReadJsonAsync();
            Assert.Single(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("username").GetString() == username);
        }
    }

    [Fact]
    public async Task An_administrators_malformed_requests_are_400s_that_write_nothing()
    {
        var (admin, _) = await AdministratorAsync(["customers"]);
        using var client = await fixture.SignInAsync(admin.Username, admin.Password);

        var answers = new[]
        {
            await Invite(client, new { displayName = "No username", accessGroupId = "customers", withPassword = true }),
            await Invite(client, new { username = "has spaces!", displayName = "X", accessGroupId = "customers", withPassword = true }),
            await Invite(client, new { username = "x@test.example", displayName = "X", accessGroupId = "customers", withPassword = true, unknown = 1 }),
            await client.SendRawAsync(HttpMethod.Post, "/api/account/colleagues", "{not json", "application/json"),
            await client.PutJsonAsync($"/api/account/colleagues/{admin.Id}", new { displayName = "" }, "W/\"x\""),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        Assert.All(answers, a => Assert.Equal(0, a.StorageWrites()));
    }

    [Fact]
    public async Task An_administrator_cannot_hand_out_a_group_staff_did_not_allow()
    {
        var (admin, _) = await AdministratorAsync(["tools-and-safety"]);
        using var client = await fixture.SignInAsync(admin.Username, admin.Password);

        var refused = await Invite(client, new { username = "x-" + Guid.NewGuid().ToString("N")[..8], displayName = "X", accessGroupId = "customers", withPassword = false });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("accessGroupId", out _));
        Assert.Equal(0, refused.StorageWrites());
    }

    [Fact]
    public async Task An_administrator_disables_a_colleague_and_resets_a_password_and_staff_read_who_did_what()
    {
        var (admin, counterpartyId) = await AdministratorAsync(["customers", "tools-and-safety"]);
        var colleague = await fixture.CreateCustomerAsync(counterpartyId);
        using var client = await fixture.SignInAsync(admin.Username, admin.Password);
        using var colleagueSession = await fixture.SignInAsync(colleague.Username, colleague.Password);

        var reset = await (await client.PostJsonAsync($"/api/account/colleagues/{colleague.Id}/password", new { })).ReadJsonAsync();
        var newPassword = reset.GetProperty("password").GetString()!;
        await (await colleagueSession.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using (var again = await fixture.SignInAsync(colleague.Username, newPassword))
        {
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
        }
        var etag = await ColleagueETagAsync(client, colleague.Id);
        var moved = await client.PutJsonAsync($"/api/account/colleagues/{colleague.Id}", new { displayName = "Test User", disabled = false, accessGroupId = "tools-and-safety" }, etag);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var disabled = await client.PutJsonAsync($"/api/account/colleagues/{colleague.Id}", new { displayName = "Test User", disabled = true, accessGroupId = "tools-and-safety" },
            moved.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        using (var refused = fixture.CreateClient())
        {
            await (await refused.SignInAsync(colleague.Username, newPassword, ensureSuccess: false)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
        var stale = await client.PutJsonAsync($"/api/account/colleagues/{colleague.Id}", new { displayName = "Test User", disabled = false, accessGroupId = "tools-and-safety" }, etag);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        using var staff = await fixture.SignInAsStaffAsync();
        var audit = (await (await staff.GetAsync($"/api/manage/counterparties/{counterpartyId}/audit")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var byAdmin = audit.Where(a => a.GetProperty("actorUserId").GetString() == admin.Id).ToList();
        Assert.Equal(["disabled", "changed", "password-reset"], byAdmin.Select(a => a.GetProperty("action").GetString()));
        Assert.All(byAdmin, a => Assert.Equal(colleague.Id, a.GetProperty("targetUserId").GetString()));
        Assert.Contains("tools-and-safety", byAdmin[1].GetProperty("detail").GetString());
        Assert.Contains(audit, a => a.GetProperty("action").GetString() == "administrator-granted" && a.GetProperty("actorKind").GetString() == "Staff");
    }

    [Fact]
    public async Task Only_an_administrator_reaches_the_colleagues_and_only_its_own_companys()
    {
        var (admin, _) = await AdministratorAsync(["customers"]);
        var plain = await fixture.CreateCustomerAsync();
        var stranger = await fixture.CreateCustomerAsync("contoso");
        using var plainClient = await fixture.SignInAsync(plain.Username, plain.Password);
        using var adminClient = await fixture.SignInAsync(admin.Username, admin.Password);

        await (await plainClient.GetAsync("/api/account/colleagues")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await plainClient.PostJsonAsync($"/api/account/colleagues/{plain.Id}/password", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await adminClient.PostJsonAsync($"/api/account/colleagues/{stranger.Id}/password", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await adminClient.PutJsonAsync($"/api/account/colleagues/{stranger.Id}", new { displayName = "X", disabled = true, accessGroupId = "customers" }, "W/\"x\""))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        // Staff taking the role back applies at once, in the same session.
        await SetAdministratorAsync(admin.Id, false);
        await (await adminClient.GetAsync("/api/account/colleagues")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_allow_only_existing_customer_groups_and_the_me_view_tells_the_page_who_administers()
    {
        var (admin, counterpartyId) = await AdministratorAsync(["customers"]);
        using var staff = await fixture.SignInAsStaffAsync();

        var unknown = await staff.PutJsonAsync($"/api/manage/counterparties/{counterpartyId}/colleague-groups", new { accessGroupIds = new[] { "no-such-group" } });
        var missing = await staff.PutJsonAsync("/api/manage/counterparties/no-such-counterparty/colleague-groups", new { accessGroupIds = new[] { "customers" } });
        var read = await (await staff.GetAsync($"/api/manage/counterparties/{counterpartyId}/colleague-groups")).ReadJsonAsync();
        using var client = await fixture.SignInAsync(admin.Username, admin.Password);
        var me = await (await client.GetAsync("/api/me")).ReadJsonAsync();

        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["customers"], read.GetProperty("accessGroups").EnumerateArray().Select(g => g.GetProperty("id").GetString()));
        Assert.True(me.GetProperty("companyAdministrator").GetBoolean());
        var user = await (await staff.GetAsync($"/api/manage/users/{admin.Id}")).ReadJsonAsync();
        Assert.True(user.GetProperty("companyAdministrator").GetBoolean());
    }

    private async Task<(TestUser Admin, string CounterpartyId)> AdministratorAsync(string[] allowedGroups)
    {
        var admin = await fixture.CreateCounterpartyWithBuyerAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        var counterpartyId = (await (await staff.GetAsync($"/api/manage/users/{admin.Id}")).ReadJsonAsync()).GetProperty("counterpartyId").GetString()!;
        (await staff.PutJsonAsync($"/api/manage/counterparties/{counterpartyId}/colleague-groups", new { accessGroupIds = allowedGroups })).EnsureSuccessStatusCode();
        await SetAdministratorAsync(admin.Id, true);
        return (admin, counterpartyId);
    }

    private async Task SetAdministratorAsync(string userId, bool on)
    {
        using var staff = await fixture.SignInAsStaffAsync();
        var current = await staff.GetAsync($"/api/manage/users/{userId}");
        (await staff.PutJsonAsync($"/api/manage/users/{userId}", new { displayName = "Test User", disabled = false, accessGroupId = "customers", companyAdministrator = on },
            current.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
    }

    private static Task<HttpResponseMessage> Invite(PortalClient client, object body, string? key = null) =>
        client.SendRawAsync(HttpMethod.Post, "/api/account/colleagues", JsonSerializer.Serialize(body, JsonSerializerOptions.Web), "application/json", null,
            r => { if (key is not null) r.Headers.Add("Idempotency-Key", key); });

    private static async Task<string> ColleagueETagAsync(PortalClient client, string userId)
    {
        var response = await client.GetAsync($"/api/account/colleagues/{userId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }
}
