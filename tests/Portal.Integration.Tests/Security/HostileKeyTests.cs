using System.Net;
using System.Text.RegularExpressions;
using Portal.LocalHost;

namespace Portal.Integration.Tests.Security;

/// <summary>
/// Values Azure refuses in table keys ('/', '\', '#', '?', control characters, more than 1 KiB), sent wherever a request
/// value can reach a key: a 4xx problem every time, never a 500, and nothing written.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HostileKeyTests(PortalFixture fixture)
{
    private static readonly string[] HostileSegments = ["a%2Fb", "a%5Cb", "a%23b", "a%3Fb", "bell%07", "del%7F", new('k', 600)];

    [Theory]
    [InlineData("north/wind")]
    [InlineData("anna#1")]
    [InlineData("who?")]
    [InlineData("back\\slash")]
    [InlineData("bell\u0007")]
    public async Task A_sign_in_with_a_username_that_cannot_be_a_key_is_refused_without_a_crash(string username)
    {
        using var anonymous = fixture.CreateClient();

        var response = await anonymous.SignInAsync(username, "whatever-password", ensureSuccess: false);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, response.StorageWrites());
    }

    [Fact]
    public async Task Every_route_with_an_id_answers_hostile_ids_with_a_4xx_problem_and_writes_nothing()
    {
        var user = await fixture.CreateCustomerAsync();
        using var customer = await fixture.SignInAsync(user.Username, user.Password);
        using var staff = await fixture.SignInAsStaffAsync();

        var routes = fixture.Portal.Functions.OfType<HttpFunction>()
            .Where(f => f.ClassType.Assembly == typeof(Portal.Functions.Shared.HealthFunctions).Assembly)
            .Where(f => Regex.IsMatch(f.Route, @"\{(?!type:)(?!\*)[^}]+\}") && f.Name != "SignOut")
            .SelectMany(f => f.Verbs.Select(v => (Function: f, Verb: v)))
            .ToList();
        Assert.NotEmpty(routes);

        foreach (var (function, verb) in routes)
        {
            var client = function.Route.StartsWith("manage/", StringComparison.Ordinal) ? staff : customer;
            foreach (var hostile in HostileSegments)
            {
                var path = "/api/" + Regex.Replace(function.Route, "{[^}]+}",
                    m => m.Value.StartsWith("{type:", StringComparison.Ordinal) ? "invoices" : hostile);
                var body = verb is "GET" or "DELETE" ? null : "{}";

                var response = await client.SendRawAsync(new HttpMethod(verb), path, body, body is null ? null : "application/json", ifMatch: "W/\"whatever\"");

                var text = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode is >= 400 and < 500, $"{verb} {path} ({function.Name}) gave {(int)response.StatusCode}: {text}");
                Assert.Equal(0, response.StorageWrites());
            }
        }
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"unterminated")]
    [InlineData("W/garbage")]
    [InlineData("\"has\"quote\"")]
    public async Task An_If_Match_that_is_not_an_entity_tag_is_a_400_naming_the_header(string ifMatch)
    {
        using var staff = await fixture.SignInAsStaffAsync();

        var response = await staff.SendRawAsync(HttpMethod.Put, "/api/manage/settings",
            "{\"externalAccessEnabled\":true,\"companyName\":\"Contoso Supplies\",\"currency\":\"EUR\"}", "application/json", ifMatch: ifMatch);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("If-Match", out _));
        Assert.Equal(0, response.StorageWrites());
    }

    [Theory]
    [InlineData("GET", "/api/no/such/thing")]
    [InlineData("POST", "/api/ordersx")]
    [InlineData("DELETE", "/api/manage/nothing-here")]
    public async Task An_address_no_function_serves_is_a_404_problem(string verb, string path)
    {
        using var anonymous = fixture.CreateClient();

        var response = await anonymous.SendRawAsync(new HttpMethod(verb), path, verb == "GET" || verb == "DELETE" ? null : "{}", "application/json");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.EndsWith("/not-found", problem.GetProperty("type").GetString());
    }
}
