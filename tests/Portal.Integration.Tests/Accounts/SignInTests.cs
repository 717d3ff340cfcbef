using System.Net;

namespace Portal.Integration.Tests.Accounts;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFixture fixture)
{
    [Fact]
    public async Task Customer_signs_in_and_sees_who_they_are_and_for_which_company()
    {
        using var client = fixture.CreateClient();

        var response = await client.SignInAsync("anna@northwind.example", "northwind-demo-1");

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(response.Headers.ETag); // the profile's version, for editing contact details straight away
        var me = await (await client.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal("Anna Schmidt", me.GetProperty("user").GetProperty("displayName").GetString());
        Assert.Equal("Northwind Traders", me.GetProperty("counterparty").GetProperty("name").GetString());
        Assert.Equal("Tailspin Supplies Ltd", me.GetProperty("companyName").GetString());
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_answer()
    {
        using var client = fixture.CreateClient();

        var wrongPassword = await client.SignInAsync("ben@contoso.example", "not-the-password", ensureSuccess: false);
        var unknownUser = await client.SignInAsync("nobody-" + Guid.NewGuid() + "@example.com", "not-the-password", ensureSuccess: false);

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownUser.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(first.GetProperty("type").GetString(), second.GetProperty("type").GetString());
        Assert.Equal(first.GetProperty("title").GetString(), second.GetProperty("title").GetString());
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Disabled_user_cannot_sign_in_and_their_live_session_stops_working()
    {
        var user = await fixture.CreateCustomerAsync();
        using var customer = await fixture.SignInAsync(user.Username, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/api/me")).StatusCode);

        using var staff = await fixture.SignInAsStaffAsync();
        var current = await staff.GetAsync($"/api/manage/users/{user.Id}");
        var disable = await staff.PutJsonAsync($"/api/manage/users/{user.Id}",
            new { displayName = "Test User", disabled = true, accessGroupId = "customers" }, current.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);

        await (await customer.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var again = fixture.CreateClient();
        await (await again.SignInAsync(user.Username, user.Password, ensureSuccess: false)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_for_a_while_even_for_the_right_password()
    {
        var user = await fixture.CreateCustomerAsync();
        using var client = fixture.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await (await client.SignInAsync(user.Username, "wrong password " + i, ensureSuccess: false)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        var withRightPassword = await client.SignInAsync(user.Username, user.Password, ensureSuccess: false);

        await withRightPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var staff = await fixture.SignInAsStaffAsync();
        var managed = await (await staff.GetAsync($"/api/manage/users/{user.Id}")).ReadJsonAsync();
        var lockedUntil = managed.GetProperty("lockedUntil").GetDateTimeOffset();
        // Locked for a bounded time (15 minutes by default), not for ever.
        Assert.InRange(lockedUntil, DateTimeOffset.UtcNow.AddMinutes(10), DateTimeOffset.UtcNow.AddMinutes(16));
    }

    [Fact]
    public async Task Many_failures_from_one_client_are_throttled_with_429()
    {
        using var client = fixture.CreateClient();
        // Each attempt comes "from" the same forwarded address, as the Azure front end reports it.
        var address = $"203.0.113.{Random.Shared.Next(1, 254)}";
        HttpResponseMessage? last = null;
        for (var i = 0; i < 21; i++)
        {
            last = await client.SendRawAsync(HttpMethod.Post, "/api/auth/sign-in",
                $"{{\"username\":\"spray-{i}@example.com\",\"password\":\"guess-{i}-password\"}}", "application/json",
                adjust: r => r.Headers.Add("X-Forwarded-For", address));
        }

        var problem = await last!.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("minute", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Asking_whether_there_is_a_session_answers_200_either_way()
    {
        using var anonymous = fixture.CreateClient();
        var user = await fixture.CreateCustomerAsync();
        using var signedIn = await fixture.SignInAsync(user.Username, user.Password);

        var none = await anonymous.GetAsync("/api/auth/session");
        var some = await signedIn.GetAsync("/api/auth/session");

        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.False((await none.ReadJsonAsync()).GetProperty("signedIn").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, some.StatusCode);
        var session = await some.ReadJsonAsync();
        Assert.True(session.GetProperty("signedIn").GetBoolean());
        Assert.Equal(user.Username, session.GetProperty("me").GetProperty("user").GetProperty("username").GetString());
        Assert.NotNull(some.Headers.ETag);
    }

    [Fact]
    public async Task A_client_cannot_escape_the_throttle_by_writing_its_own_forwarded_addresses()
    {
        using var client = fixture.CreateClient();
        var address = $"198.51.100.{Random.Shared.Next(1, 254)}";
        HttpResponseMessage? last = null;
        for (var i = 0; i < 21; i++)
        {
            // The client makes up a new "original" address each time; the front end appends the one it really saw.
            last = await client.SendRawAsync(HttpMethod.Post, "/api/auth/sign-in",
                $"{{\"username\":\"spoof-{i}@example.com\",\"password\":\"guess-{i}-password\"}}", "application/json",
                adjust: r => r.Headers.Add("X-Forwarded-For", $"10.{i}.0.1, {address}"));
        }

        await last!.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Wrong_current_passwords_lock_the_account_like_failed_sign_ins()
    {
        var user = await fixture.CreateCustomerAsync();
        using var client = await fixture.SignInAsync(user.Username, user.Password);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostJsonAsync("/api/me/password", new { currentPassword = $"not-it-{i}-at-all", newPassword = "a much better passphrase" });
            await wrong.AssertProblemAsync(HttpStatusCode.BadRequest);
        }
        var right = await client.PostJsonAsync("/api/me/password", new { currentPassword = user.Password, newPassword = "a much better passphrase" });

        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        using var other = fixture.CreateClient();
        await (await other.SignInAsync(user.Username, user.Password, ensureSuccess: false)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_makes_the_old_one_stop_working()
    {
        var user = await fixture.CreateCustomerAsync();
        using var client = await fixture.SignInAsync(user.Username, user.Password);

        var change = await client.PostJsonAsync("/api/me/password", new { currentPassword = user.Password, newPassword = "a much better passphrase" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        using var other = fixture.CreateClient();
        await (await other.SignInAsync(user.Username, user.Password, ensureSuccess: false)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await other.SignInAsync(user.Username, "a much better passphrase");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("short", "newPassword")]
    [InlineData("password123", "newPassword")]
    public async Task Weak_new_passwords_are_refused_with_the_reason(string newPassword, string field)
    {
        var user = await fixture.CreateCustomerAsync();
        using var client = await fixture.SignInAsync(user.Username, user.Password);

        var response = await client.PostJsonAsync("/api/me/password", new { currentPassword = user.Password, newPassword });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, response.StorageWrites());
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var user = await fixture.CreateCustomerAsync();
        using var client = await fixture.SignInAsync(user.Username, user.Password);

        var response = await client.PostJsonAsync("/api/me/password", new { currentPassword = "not it at all", newPassword = "a much better passphrase" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _));
        using var other = fixture.CreateClient();
        await other.SignInAsync(user.Username, user.Password);
    }

    [Fact]
    public async Task Passwords_of_64_characters_and_more_are_accepted()
    {
        var user = await fixture.CreateCustomerAsync();
        using var client = await fixture.SignInAsync(user.Username, user.Password);
        var longPassword = string.Concat(Enumerable.Repeat("long passphrase ", 6));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/me/password", new { currentPassword = user.Password, newPassword = longPassword })).StatusCode);

        using var other = fixture.CreateClient();
        await other.SignInAsync(user.Username, longPassword);
    }

    [Fact]
    public async Task Sign_out_revokes_the_session_even_if_the_cookie_is_replayed()
    {
        using var client = await fixture.SignInAsync("carla@fabrikam.example", "fabrikam-demo-1");
        var cookies = client.Cookies.GetAllCookies().Select(c => $"{c.Name}={c.Value}").ToList();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/auth/sign-out", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        using var replay = new HttpClient { BaseAddress = fixture.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_tampered_session_cookie_is_refused()
    {
        using var client = await fixture.SignInAsync("carla@fabrikam.example", "fabrikam-demo-1");
        var cookie = client.Cookies.GetAllCookies().Single();
        var parts = cookie.Value.Split('.');
        // Claim another user's id with this session's signature.
        var forged = string.Join('.', parts[0], "demo-anna", parts[2], parts[3]);

        using var attacker = new HttpClient { BaseAddress = fixture.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", $"{cookie.Name}={forged}");
        var response = await attacker.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, response.StorageRequests());
    }

    [Fact]
    public async Task State_changing_request_without_the_CSRF_token_is_refused_and_changes_nothing()
    {
        var user = await fixture.CreateCustomerAsync();
        using var client = await fixture.SignInAsync(user.Username, user.Password);
        client.CsrfToken = null;

        var response = await client.PostJsonAsync("/api/me/password", new { currentPassword = user.Password, newPassword = "a much better passphrase" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, response.StorageWrites());
        using var other = fixture.CreateClient();
        await other.SignInAsync(user.Username, user.Password);
    }

    [Fact]
    public async Task Cross_site_requests_are_refused_even_with_the_cookie()
    {
        using var client = await fixture.SignInAsync("ben@contoso.example", "contoso-demo-1");

        var fromOtherSite = await client.SendRawAsync(HttpMethod.Post, "/api/auth/sign-out", "{}", "application/json",
            adjust: r => r.Headers.Add("Origin", "https://evil.example"));
        var fetchMetadata = await client.SendRawAsync(HttpMethod.Post, "/api/auth/sign-out", "{}", "application/json",
            adjust: r => r.Headers.Add("Sec-Fetch-Site", "cross-site"));

        await fromOtherSite.AssertProblemAsync(HttpStatusCode.Forbidden);
        await fetchMetadata.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Contact_details_are_updated_with_If_Match_and_a_stale_version_gets_412()
    {
        var user = await fixture.CreateCustomerAsync();
        using var client = await fixture.SignInAsync(user.Username, user.Password);
        var etag = (await client.GetAsync("/api/me")).Headers.ETag!.ToString();

        var first = await client.PutJsonAsync("/api/me/contact", new { displayName = "Renamed User", phone = "+44 1234 567890" }, etag);
        var stale = await client.PutJsonAsync("/api/me/contact", new { displayName = "Lost Update" }, etag);
        var missing = await client.PutJsonAsync("/api/me/contact", new { displayName = "No Version" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await missing.AssertProblemAsync((HttpStatusCode)428);
        var me = await (await client.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal("Renamed User", me.GetProperty("user").GetProperty("displayName").GetString());
    }
}
