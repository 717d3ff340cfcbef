using System.Net;
using System.Reflection;
using Portal.Core.Shared.Http;
using Portal.LocalHost;

namespace Portal.Integration.Tests.LocalHost;

/// <summary>LocalHost's contract check (on in the fixture): an answer the function does not declare is a 500.</summary>
[Collection(PortalCollection.Name)]
public sealed class ContractCheckTests(PortalFixture fixture)
{
    [Fact]
    public async Task An_answer_the_function_declares_passes_unchanged()
    {
        using var client = fixture.CreateClient();

        var response = await client.GetAsync("/api/test/contract/kept");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("kept", (await response.ReadJsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_body_of_an_undeclared_type_is_a_500_naming_the_function_the_status_and_both_types()
    {
        using var client = fixture.CreateClient();

        var response = await client.GetAsync("/api/test/contract/wrong-body");

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.EndsWith("/contract-broken", problem.GetProperty("type").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("'TestContractWrongBody'", detail);
        Assert.Contains("answered 200 with a ContractGadget body", detail);
        Assert.Contains("declares a ContractWidget body", detail);
    }

    [Fact]
    public async Task An_undeclared_status_is_a_500()
    {
        using var client = fixture.CreateClient();

        var response = await client.SendRawAsync(HttpMethod.Delete, "/api/test/contract/undeclared-status", null, null);

        var detail = (await response.AssertProblemAsync(HttpStatusCode.InternalServerError)).GetProperty("detail").GetString()!;
        Assert.Contains("'TestContractUndeclaredStatus'", detail);
        Assert.Contains("answered 204 with no body", detail);
        Assert.Contains("[ApiResponse(204)]", detail);
    }

    [Fact]
    public async Task Problems_are_always_allowed()
    {
        using var client = fixture.CreateClient();

        var response = await client.GetAsync("/api/test/contract/problem");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_success_without_any_cookie_needs_ApiAnonymous()
    {
        using var withoutCookies = fixture.CreateClient();
        var refused = await withoutCookies.GetAsync("/api/test/contract/no-session");
        Assert.Contains("[ApiAnonymous]", (await refused.AssertProblemAsync(HttpStatusCode.InternalServerError)).GetProperty("detail").GetString());

        // With a cookie the check cannot tell whether the function needed it, so it lets the answer through.
        using var withCookie = fixture.CreateClient();
        withCookie.Cookies.Add(fixture.BaseAddress, new Cookie("unrelated", "1"));
        Assert.Equal(HttpStatusCode.OK, (await withCookie.GetAsync("/api/test/contract/no-session")).StatusCode);
    }

    [Fact]
    public void Declared_checks_only_functions_with_an_ApiResponse_and_All_checks_every_function()
    {
        var annotated = ApiContract.For("Annotated", typeof(ContractTestFunctions).GetMethod(nameof(ContractTestFunctions.TestContractKept))!);
        var bare = ApiContract.For("Bare", typeof(ContractCheckTests).GetMethod(nameof(NotAnnotated), BindingFlags.NonPublic | BindingFlags.Static)!);

        Assert.Null(HttpFunctionEndpoints.ToCheck(annotated, ContractChecks.Off));
        Assert.Same(annotated, HttpFunctionEndpoints.ToCheck(annotated, ContractChecks.Declared));
        Assert.Null(HttpFunctionEndpoints.ToCheck(bare, ContractChecks.Declared));
        Assert.Same(bare, HttpFunctionEndpoints.ToCheck(bare, ContractChecks.All));
        Assert.Contains("no [ApiResponse] at all", bare.Check(200, new ContractWidget("x")));
    }

    private static void NotAnnotated()
    {
    }
}
