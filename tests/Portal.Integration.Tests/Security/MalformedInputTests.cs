using System.Net;
using Portal.LocalHost;

namespace Portal.Integration.Tests.Security;

/// <summary>Every route that takes a body, sent what a careless or hostile client sends: a 4xx problem, nothing written.</summary>
[Collection(PortalCollection.Name)]
public sealed class MalformedInputTests(PortalFixture fixture)
{
    public static TheoryData<string, string?, HttpStatusCode> Bodies => new()
    {
        { "not json at all", "application/json", HttpStatusCode.BadRequest },
        { "{\"unterminated\": ", "application/json", HttpStatusCode.BadRequest },
        { "[1, 2, 3]", "application/json", HttpStatusCode.BadRequest },
        { "null", "application/json", HttpStatusCode.BadRequest },
        { "", "application/json", HttpStatusCode.BadRequest },
        { "{}", "application/json", HttpStatusCode.BadRequest },
        { "{\"surprise\": true}", "application/json", HttpStatusCode.BadRequest },
        { "{\"username\": 12, \"password\": false, \"name\": [], \"displayName\": {}}", "application/json", HttpStatusCode.BadRequest },
        { "username=a&password=b", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType },
        { "{\"name\":\"x\"}", "text/plain", HttpStatusCode.UnsupportedMediaType },
        { "{\"name\":\"" + new string('x', 70_000) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Every_route_with_a_body_answers_bad_input_with_a_problem_and_writes_nothing(string body, string? contentType, HttpStatusCode expected)
    {
        var user = await fixture.CreateCustomerAsync();
        using var customer = await fixture.SignInAsync(user.Username, user.Password);
        using var staff = await fixture.SignInAsStaffAsync();
        using var anonymous = fixture.CreateClient();

        var routes = fixture.Portal.Functions.OfType<HttpFunction>()
            .Where(f => f.ClassType.Assembly == typeof(Portal.Functions.Shared.HealthFunctions).Assembly)
            .SelectMany(f => f.Verbs.Where(v => v is "POST" or "PUT" or "PATCH").Select(v => (Function: f, Verb: v)))
            .Where(r => r.Function.Name != "SignOut")   // takes no body, and would end the session the loop uses
            .ToList();
        Assert.NotEmpty(routes);

        foreach (var (function, verb) in routes)
        {
            var client = function.Route.StartsWith("manage/", StringComparison.Ordinal) ? staff
                : function.Name == "SignIn" ? anonymous
                : customer;
            var path = "/api/" + System.Text.RegularExpressions.Regex.Replace(function.Route, "{[^}]+}",
                m => m.Value.StartsWith("{type:", StringComparison.Ordinal) ? "invoices" : "test-id");

            var response = await client.SendRawAsync(new HttpMethod(verb), path, body, contentType, ifMatch: "W/\"whatever\"");

            var text = await response.Content.ReadAsStringAsync();
            var exact = !NoJsonBody.Contains(function.Name) && !(body == "{}" && AllFieldsOptional.Contains(function.Name));
            Assert.True(exact ? response.StatusCode == expected : (int)response.StatusCode is >= 400 and < 500,
                $"{verb} {path} ({function.Name}) gave {(int)response.StatusCode} for {Describe(body)}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(0, response.StorageWrites());
        }
    }

    /// <summary>Routes that take no JSON body (an action, or a CSV/NDJSON file): any 4xx that writes nothing is right.</summary>
    private static readonly HashSet<string> NoJsonBody =
        ["FillCartFromQuotation", "FillCartFromOrder", "AcceptOrder", "CompleteOrder", "CancelOrder", "BackfillOrdersDesk", "BackfillUserSummaries", "ImportProducts", "ImportPrices", "PreviewProductImport", "PreviewPriceImport", "ImportDocuments",
         "NoSuchRoute", "AttachSupportFile", "ManageAttachSupportFile", "CloseSupportRequest", "ReopenSupportRequest", "MarkSupportRequestRead",
         "ConfirmReconciliationStatement", "SendRmaRequest", "CompleteRmaRequest", "AddRmaAttachment",
         "AddFavourite", "RemoveFavourite", "ResetColleaguePassword",
         // An administrator's routes refuse this (plain) customer first; ColleagueAdministrationTests sends the administrator's bad bodies.
         "InviteColleague", "UpdateColleague"];

    /// <summary>Routes for which an empty object is a valid body; they refuse "{}" for another reason (e.g. a stale If-Match).</summary>
    private static readonly HashSet<string> AllFieldsOptional = ["StartCheckout", "AssignSupportRequest"];

    [Fact]
    public async Task Field_errors_name_the_fields_in_the_callers_terms()
    {
        using var staff = await fixture.SignInAsStaffAsync();

        var response = await staff.PostJsonAsync("/api/manage/users", new { username = "has spaces!", displayName = "", kind = "customer" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.True(errors.TryGetProperty("counterpartyId", out _));
    }

    [Fact]
    public async Task An_unknown_enum_value_is_a_field_error_not_a_crash()
    {
        using var staff = await fixture.SignInAsStaffAsync();

        var response = await staff.SendRawAsync(HttpMethod.Post, "/api/manage/users",
            "{\"username\":\"x\",\"displayName\":\"X\",\"kind\":\"superuser\"}", "application/json");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
    }

    private static string Describe(string body) => body.Length > 60 ? body[..60] + "…" : body;
}
