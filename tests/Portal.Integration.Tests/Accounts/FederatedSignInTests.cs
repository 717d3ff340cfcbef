using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Portal.Core.Features.Accounts;
using Portal.LocalAuthority;

namespace Portal.Integration.Tests.Accounts;

/// <summary>
/// Username-only users sign in with a work account: the ID token from the (local) authority is validated for real —
/// discovery document, JWKS signature, issuer, audience, lifetime, nonce, replay — and mapped to the user by its
/// username claim. Every refusal is the same 401, so the answer tells nobody which check failed.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FederatedSignInTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_sign_in_page_learns_the_authority_and_client_id_from_the_providers_route()
    {
        using var client = fixture.CreateClient();

        var providers = await (await client.GetAsync("/api/auth/providers")).ReadJsonAsync();

        var work = providers.GetProperty("workAccount");
        Assert.Equal(fixture.Authority.Authority, work.GetProperty("authority").GetString());
        Assert.Equal(fixture.Authority.ClientId, work.GetProperty("clientId").GetString());
        Assert.Contains("openid", work.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_username_only_user_signs_in_with_a_work_account_token_and_gets_the_same_session_as_with_a_password()
    {
        var user = await fixture.CreateUsernameOnlyCustomerAsync();
        using var client = fixture.CreateClient();

        var response = await client.PostJsonAsync("/api/auth/federated", new { idToken = fixture.Authority.CreateIdToken(user.Username, new IdTokenShape { Nonce = "n-1" }), nonce = "n-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        client.CsrfToken = (await response.ReadJsonAsync()).GetProperty("csrfToken").GetString();
        var me = await (await client.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal(user.Username, me.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("northwind", me.GetProperty("counterparty").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/auth/sign-out", new { })).StatusCode);
    }

    [Fact]
    public async Task A_username_only_user_cannot_sign_in_with_a_password()
    {
        var user = await fixture.CreateUsernameOnlyCustomerAsync();
        using var client = fixture.CreateClient();

        await (await client.SignInAsync(user.Username, "any password at all", ensureSuccess: false)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_refusal_gets_the_same_401_and_writes_no_session()
    {
        var authority = fixture.Authority;
        var usernameOnly = await fixture.CreateUsernameOnlyCustomerAsync();
        var withPassword = await fixture.CreateCustomerAsync();
        var disabled = await fixture.CreateUsernameOnlyCustomerAsync();
        var noGroup = await fixture.CreateUsernameOnlyCustomerAsync(accessGroupId: null);
        using (var staff = await fixture.SignInAsStaffAsync())
        {
            var current = await staff.GetAsync($"/api/manage/users/{disabled.Id}");
            (await staff.PutJsonAsync($"/api/manage/users/{disabled.Id}", new { displayName = "Work Account User", disabled = true, accessGroupId = "customers" },
                current.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
        }
        using var otherKey = RSA.Create(2048);
        var replayed = authority.CreateIdToken(usernameOnly.Username);
        using (var first = fixture.CreateClient())
        {
            first.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.251");
            Assert.Equal(HttpStatusCode.OK, (await first.PostJsonAsync("/api/auth/federated", new { idToken = replayed })).StatusCode);
        }

        var cases = new Dictionary<string, object>
        {
            ["unknown user"] = new { idToken = authority.CreateIdToken("nobody-" + Guid.NewGuid().ToString("N")[..8] + "@test.example") },
            ["user with a password"] = new { idToken = authority.CreateIdToken(withPassword.Username) },
            ["staff user"] = new { idToken = authority.CreateIdToken("clerk") },
            ["disabled user"] = new { idToken = authority.CreateIdToken(disabled.Username) },
            ["in no access group"] = new { idToken = authority.CreateIdToken(noGroup.Username) },
            ["other issuer (tenant)"] = new { idToken = authority.CreateIdToken(usernameOnly.Username, new IdTokenShape { Issuer = "https://login.example/other-tenant/v2.0" }) },
            ["other audience"] = new { idToken = authority.CreateIdToken(usernameOnly.Username, new IdTokenShape { Audience = "someone-elses-app" }) },
            ["expired"] = new { idToken = authority.CreateIdToken(usernameOnly.Username, new IdTokenShape { Now = DateTimeOffset.UtcNow.AddHours(-3) }) },
            ["not yet valid"] = new { idToken = authority.CreateIdToken(usernameOnly.Username, new IdTokenShape { Now = DateTimeOffset.UtcNow.AddHours(2) }) },
            ["replayed"] = new { idToken = replayed },
            ["bad signature"] = new { idToken = authority.CreateIdToken(usernameOnly.Username, new IdTokenShape { SigningKey = new RsaSecurityKey(otherKey) { KeyId = "attacker" } }) },
            ["signature of another key with the authority's key id"] = new { idToken = ResignedWithKidOfAuthority(authority, usernameOnly.Username, otherKey) },
            ["unsigned"] = new { idToken = Unsigned(authority.CreateIdToken(usernameOnly.Username)) },
            ["nonce mismatch"] = new { idToken = authority.CreateIdToken(usernameOnly.Username, new IdTokenShape { Nonce = "expected" }), nonce = "other" },
            ["nonce missing from the token"] = new { idToken = authority.CreateIdToken(usernameOnly.Username), nonce = "expected" },
            ["not a token"] = new { idToken = "not.a.token" },
        };

        var answers = new List<(string Case, JsonElement Problem, HttpResponseMessage Response)>();
        // Refused tokens count toward the client throttle like wrong passwords; an address of this test's own keeps
        // them from blocking the other tests, which share the connection's address.
        var address = $"198.51.100.{Random.Shared.Next(1, 250)}";
        foreach (var (name, body) in cases)
        {
            using var client = fixture.CreateClient();
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            var response = await client.PostJsonAsync("/api/auth/federated", body);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            answers.Add((name, await response.AssertProblemAsync(HttpStatusCode.Unauthorized), response));
        }

        Assert.All(answers, a =>
        {
            Assert.EndsWith("/federated-sign-in-failed", a.Problem.GetProperty("type").GetString());
            Assert.Equal(answers[0].Problem.GetProperty("title").GetString(), a.Problem.GetProperty("title").GetString());
            Assert.Equal(answers[0].Problem.GetProperty("detail").GetString(), a.Problem.GetProperty("detail").GetString());
            Assert.False(a.Response.Headers.Contains("Set-Cookie"), a.Case);
        });
        Assert.Contains("supplier", answers[0].Problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task With_external_access_off_a_work_account_is_refused_with_the_same_401()
    {
        var user = await fixture.CreateUsernameOnlyCustomerAsync();
        using var staff = await fixture.SignInAsStaffAsync();
        await SwitchExternalAccessAsync(staff, false);
        try
        {
            using var client = fixture.CreateClient();
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.252");
            var response = await client.PostJsonAsync("/api/auth/federated", new { idToken = fixture.Authority.CreateIdToken(user.Username) });
            var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.EndsWith("/federated-sign-in-failed", problem.GetProperty("type").GetString());
        }
        finally
        {
            await SwitchExternalAccessAsync(staff, true);
        }
    }

    [Fact]
    public async Task A_token_with_a_username_that_differs_only_in_case_maps_to_the_same_user()
    {
        var user = await fixture.CreateUsernameOnlyCustomerAsync();
        using var client = fixture.CreateClient();

        var response = await client.PostJsonAsync("/api/auth/federated", new { idToken = fixture.Authority.CreateIdToken(user.Username.ToUpperInvariant()) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.Id, (await response.ReadJsonAsync()).GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_that_writes_nothing()
    {
        using var client = fixture.CreateClient();

        var missing = await client.PostJsonAsync("/api/auth/federated", new { nonce = "x" });
        var tooLong = await client.PostJsonAsync("/api/auth/federated", new { idToken = new string('a', 20_000) });

        await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, missing.StorageWrites());
        Assert.Equal(0, tooLong.StorageWrites());
    }

    [Fact]
    public async Task A_work_account_sign_in_deletes_used_token_rows_that_expired_keeps_live_ones_and_a_replay_is_still_refused()
    {
        var usedTokens = fixture.Portal.Services.GetRequiredService<TableServiceClient>().GetTableClient(AccountsTables.UsedTokens);
        var now = DateTimeOffset.UtcNow;
        var tag = Guid.NewGuid().ToString("N");
        // Rows of tokens that expired hours and a day ago (nothing can present them again), and of tokens still alive.
        var expired = new[] { now.AddHours(-3), now.AddHours(-26), now.AddDays(-30) }
            .Select((at, i) => new UsedTokenEntity { PartitionKey = UsedTokenEntity.Partition(at), RowKey = $"expired-{tag}-{i}", ExpiresAt = at }).ToList();
        var live = new[] { now.AddMinutes(30), now.AddHours(5) }
            .Select((at, i) => new UsedTokenEntity { PartitionKey = UsedTokenEntity.Partition(at), RowKey = $"live-{tag}-{i}", ExpiresAt = at }).ToList();
        foreach (var row in expired.Concat(live))
        {
            await usedTokens.AddEntityAsync(row);
        }
        var user = await fixture.CreateUsernameOnlyCustomerAsync();
        var token = fixture.Authority.CreateIdToken(user.Username);

        using (var client = fixture.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/federated", new { idToken = token })).StatusCode);
        }

        foreach (var row in expired)
        {
            Assert.False((await usedTokens.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue, $"expired {row.ExpiresAt:O} is still there");
        }
        foreach (var row in live)
        {
            Assert.True((await usedTokens.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue, $"live {row.ExpiresAt:O} was deleted");
        }
        // The token just used keeps its row until it expires, so presenting it again is still refused.
        using var replay = fixture.CreateClient();
        replay.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.253");
        var again = await replay.PostJsonAsync("/api/auth/federated", new { idToken = token });
        Assert.EndsWith("/federated-sign-in-failed", (await again.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("type").GetString());
        // Nothing expired is left for the next clean-up.
        Assert.Equal(0, await fixture.Portal.Services.GetRequiredService<FederatedSignInService>().DeleteExpiredTokensAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_used_token_clean_up_deletes_in_bounded_batches_until_nothing_expired_is_left()
    {
        var usedTokens = fixture.Portal.Services.GetRequiredService<TableServiceClient>().GetTableClient(AccountsTables.UsedTokens);
        var service = fixture.Portal.Services.GetRequiredService<FederatedSignInService>();
        var at = DateTimeOffset.UtcNow.AddHours(-7);
        var tag = Guid.NewGuid().ToString("N");
        var batch = new List<TableTransactionAction>();
        for (var i = 0; i < FederatedSignInService.CleanupBatch + 30; i++)
        {
            batch.Add(new(TableTransactionActionType.Add, new UsedTokenEntity { PartitionKey = UsedTokenEntity.Partition(at), RowKey = $"{tag}-{i:D4}", ExpiresAt = at }));
            if (batch.Count == 100)
            {
                await usedTokens.SubmitTransactionAsync(batch);
                batch.Clear();
            }
        }
        await usedTokens.SubmitTransactionAsync(batch);

        var first = await service.DeleteExpiredTokensAsync(CancellationToken.None);
        var rest = 0;
        for (int step; (step = await service.DeleteExpiredTokensAsync(CancellationToken.None)) > 0;)
        {
            Assert.True(step <= FederatedSignInService.CleanupBatch);
            rest += step;
        }

        Assert.Equal(FederatedSignInService.CleanupBatch, first);
        Assert.True(first + rest >= FederatedSignInService.CleanupBatch + 30);
        Assert.DoesNotContain(usedTokens.Query<TableEntity>($"PartitionKey eq '{UsedTokenEntity.Partition(at)}'"), r => r.RowKey.StartsWith(tag, StringComparison.Ordinal));
    }

    private static async Task SwitchExternalAccessAsync(PortalClient staff, bool on)
    {
        var current = await staff.GetAsync("/api/manage/settings");
        var settings = await current.ReadJsonAsync();
        (await staff.PutJsonAsync("/api/manage/settings", new
        {
            externalAccessEnabled = on,
            companyName = settings.GetProperty("companyName").GetString(),
            currency = settings.GetProperty("currency").GetString(),
        }, current.Headers.ETag!.ToString())).EnsureSuccessStatusCode();
    }

    /// <summary>A token whose header names the authority's key but whose signature is another key's.</summary>
    private static string ResignedWithKidOfAuthority(LocalOidcAuthority authority, string username, RSA otherKey)
    {
        var genuine = authority.CreateIdToken(username);
        var kid = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(genuine).Kid;
        return authority.CreateIdToken(username, new IdTokenShape { SigningKey = new RsaSecurityKey(otherKey) { KeyId = kid } });
    }

    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        return Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }
}
