using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;

namespace Portal.Integration.Tests.Accounts;

/// <summary>
/// A clerk's user create survives a lost answer (the retry with its Idempotency-Key answers with the user it made),
/// and user rows written before the user list's filter properties existed are put into the filtered lists by the backfill.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ManageUsersRetryAndBackfillTests(PortalFixture fixture)
{
    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private static Task<HttpResponseMessage> CreateUser(PortalClient staff, object body, string? key) =>
        staff.SendRawAsync(HttpMethod.Post, "/api/manage/users", JsonSerializer.Serialize(body, JsonSerializerOptions.Web), "application/json", null,
            r => { if (key is not null) r.Headers.Add("Idempotency-Key", key); });

    private async Task<(PortalClient Staff, string Counterparty, string Group)> NewCounterpartyAndGroupAsync()
    {
        var staff = await fixture.SignInAsStaffAsync();
        var counterparty = NewId("cp");
        var group = NewId("grp");
        Assert.Equal(HttpStatusCode.OK, (await staff.PutJsonAsync($"/api/manage/counterparties/{counterparty}", new { name = "Retry Test Ltd" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PutJsonAsync($"/api/manage/access-groups/{group}", new { name = "Retry group" })).StatusCode);
        return (staff, counterparty, group);
    }

    private static async Task<List<JsonElement>> UsersOfAsync(PortalClient staff, string query)
    {
        var response = await staff.GetAsync("/api/manage/users?pageSize=100&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    private static async Task<int> GroupCountAsync(PortalClient staff, string group)
    {
        var groups = await (await staff.GetAsync("/api/manage/access-groups")).ReadJsonAsync();
        return groups.GetProperty("items").EnumerateArray().Single(g => g.GetProperty("id").GetString() == group).GetProperty("users").GetInt32();
    }

    [Fact]
    public async Task A_retried_create_with_the_same_key_answers_with_the_same_user_and_its_password_signs_in()
    {
        var (staff, counterparty, group) = await NewCounterpartyAndGroupAsync();
        using var _ = staff;
        var username = NewId("retry") + "@retry.example";
        var password = "Generated-" + Guid.NewGuid().ToString("N")[..12];
        var body = new { username, displayName = "Rita Retry", kind = "customer", counterpartyId = counterparty, accessGroupId = group, password };
        var key = Guid.NewGuid().ToString();

        var first = await CreateUser(staff, body, key);
        var retry = await CreateUser(staff, body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var created = await first.ReadJsonAsync();
        var replayed = await retry.ReadJsonAsync();
        Assert.Equal(created.GetProperty("id").GetString(), replayed.GetProperty("id").GetString());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(username, replayed.GetProperty("username").GetString());
        Assert.Equal("usernameAndPassword", replayed.GetProperty("credentials").GetString());
        // One user, counted once in its group, and the password the page chose (and shows) is the one that works.
        Assert.Single(await UsersOfAsync(staff, $"counterpartyId={counterparty}"));
        Assert.Equal(1, await GroupCountAsync(staff, group));
        using var user = await fixture.SignInAsync(username, password);
        // The key row keeps nothing of the password: not the password, not a plain hash of the request with it.
        var users = fixture.Portal.Services.GetRequiredService<TableServiceClient>().GetTableClient(AccountsTables.Users);
        await foreach (var row in users.QueryAsync<TableEntity>($"PartitionKey eq 'user' and RowKey ge 'idem:' and RowKey lt 'idem;'"))
        {
            Assert.DoesNotContain(row, p => p.Value is string s && s.Contains(password, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_another_password_is_a_422_that_creates_nothing()
    {
        var (staff, counterparty, group) = await NewCounterpartyAndGroupAsync();
        using var _ = staff;
        var username = NewId("reuse") + "@retry.example";
        var key = Guid.NewGuid().ToString();
        var body = new { username, displayName = "Reuse Once", kind = "customer", counterpartyId = counterparty, accessGroupId = group, password = "first secret phrase 42" };
        Assert.Equal(HttpStatusCode.Created, (await CreateUser(staff, body, key)).StatusCode);

        var otherUser = await CreateUser(staff, body with { username = NewId("other") + "@retry.example" }, key);
        var otherPassword = await CreateUser(staff, body with { password = "second secret phrase 43" }, key);

        foreach (var response in new[] { otherUser, otherPassword })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.EndsWith("/idempotency-key-reused", problem.GetProperty("type").GetString());
            Assert.Equal(0, response.StorageWrites());
        }
        Assert.Single(await UsersOfAsync(staff, $"counterpartyId={counterparty}"));
        Assert.Equal(1, await GroupCountAsync(staff, group));
        // Without a key a second create of a taken username is still refused as taken.
        await (await CreateUser(staff, body, null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_double_submitted_create_sent_at_the_same_time_creates_one_user()
    {
        var (staff, counterparty, group) = await NewCounterpartyAndGroupAsync();
        using var _ = staff;
        var created = new List<string>();
        // A few rounds, so that the interleavings (key checked before or after the winner commits) all occur.
        for (var round = 0; round < 4; round++)
        {
            var username = NewId($"double{round}") + "@retry.example";
            var body = new { username, displayName = "Dora Double", kind = "customer", counterpartyId = counterparty, accessGroupId = group, password = "double click secret 7" };
            var key = Guid.NewGuid().ToString();

            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CreateUser(staff, body, key)));

            foreach (var response in responses)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"round {round}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            var ids = new HashSet<string>();
            foreach (var response in responses)
            {
                ids.Add((await response.ReadJsonAsync()).GetProperty("id").GetString()!);
            }
            created.Add(Assert.Single(ids));
        }
        var listed = await UsersOfAsync(staff, $"counterpartyId={counterparty}");
        Assert.Equal(created.Order(), listed.Select(u => u.GetProperty("id").GetString()!).Order());
        Assert.Equal(4, await GroupCountAsync(staff, group));
    }

    [Fact]
    public async Task Different_creates_into_one_group_at_the_same_time_each_create_their_user_and_count_right()
    {
        var (staff, counterparty, group) = await NewCounterpartyAndGroupAsync();
        using var _ = staff;

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => CreateUser(staff,
            new { username = NewId($"many{i}") + "@retry.example", displayName = $"Many {i}", kind = "customer", counterpartyId = counterparty, accessGroupId = group },
            Guid.NewGuid().ToString())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(5, (await UsersOfAsync(staff, $"counterpartyId={counterparty}")).Count);
        Assert.Equal(5, await GroupCountAsync(staff, group));
    }

    [Fact]
    public async Task A_user_row_written_before_the_list_summary_appears_in_filtered_lists_after_the_backfill_and_a_second_run_changes_nothing()
    {
        var (staff, counterparty, group) = await NewCounterpartyAndGroupAsync();
        using var _ = staff;
        var username = NewId("old") + "@backfill.example";
        var password = "old row secret phrase 9";
        var created = await CreateUser(staff, new { username, displayName = "Olga Oldrow", kind = "customer", counterpartyId = counterparty, accessGroupId = group, password }, null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        using (var signedIn = await fixture.SignInAsync(username, password))
        {
        }
        var users = fixture.Portal.Services.GetRequiredService<TableServiceClient>().GetTableClient(AccountsTables.Users);
        var listRow = (await users.GetEntityAsync<TableEntity>("user", "name:" + username)).Value;
        var lastSignIn = listRow.GetDateTimeOffset("LastSignInAt");
        Assert.NotNull(lastSignIn);
        // The row as it was written before the list properties existed: the user id (and the last sign-in merged later).
        await users.UpsertEntityAsync(new TableEntity("user", "name:" + username) { ["UserId"] = id, ["LastSignInAt"] = lastSignIn }, TableUpdateMode.Replace);
        Assert.Empty(await UsersOfAsync(staff, $"counterpartyId={counterparty}"));
        Assert.Empty(await UsersOfAsync(staff, $"accessGroupId={group}"));

        var first = await RunBackfillAsync(staff);
        var second = await RunBackfillAsync(staff);

        Assert.True(first.Updated >= 1, "the first run rewrote the old row");
        Assert.True(first.Pages >= 1);
        Assert.Equal(0, second.Updated);
        Assert.Equal(first.Examined, second.Examined);
        var listed = Assert.Single(await UsersOfAsync(staff, $"counterpartyId={counterparty}"));
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal("Olga Oldrow", listed.GetProperty("displayName").GetString());
        Assert.Equal("usernameAndPassword", listed.GetProperty("credentials").GetString());
        Assert.Equal(lastSignIn, listed.GetProperty("lastSignInAt").GetDateTimeOffset());
        Assert.Equal(id, Assert.Single(await UsersOfAsync(staff, $"accessGroupId={group}&search=olga")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_backfill_refuses_a_body_and_a_forged_continuation_and_writes_nothing()
    {
        using var staff = await fixture.SignInAsStaffAsync();

        var withBody = await staff.PostJsonAsync("/api/manage/users/backfill", new { all = true });
        var forged = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/users/backfill?continuation=not-a-token", null, null);

        Assert.True((int)withBody.StatusCode is >= 400 and < 500, $"{(int)withBody.StatusCode}");
        await forged.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, withBody.StorageWrites());
        Assert.Equal(0, forged.StorageWrites());
    }

    private static async Task<(int Pages, int Examined, int Updated)> RunBackfillAsync(PortalClient staff)
    {
        var (pages, examined, updated) = (0, 0, 0);
        string? continuation = null;
        do
        {
            var path = "/api/manage/users/backfill" + (continuation is null ? "" : "?continuation=" + Uri.EscapeDataString(continuation));
            var response = await staff.SendRawAsync(HttpMethod.Post, path, null, null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var step = await response.ReadJsonAsync();
            pages++;
            examined += step.GetProperty("examined").GetInt32();
            updated += step.GetProperty("updated").GetInt32();
            Assert.True(step.GetProperty("examined").GetInt32() <= 100, "one bounded page per call");
            continuation = step.TryGetProperty("continuation", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (continuation is not null);
        return (pages, examined, updated);
    }
}
