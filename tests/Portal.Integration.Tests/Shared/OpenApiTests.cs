using System.Net;
using System.Text.Json;
using Portal.Core.Shared.Http;
using Portal.LocalHost;

namespace Portal.Integration.Tests.Shared;

/// <summary>The OpenAPI document of the real Function App: it builds, and it describes what LocalHost maps.</summary>
[Collection(PortalCollection.Name)]
public sealed class OpenApiTests(PortalFixture fixture)
{
    [Fact]
    public void The_document_has_one_operation_per_HTTP_function_and_verb_that_LocalHost_maps()
    {
        var document = PortalOpenApi.Build();

        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {path.Key} {op.Value!["operationId"]!.GetValue<string>()}"))
            .Order().ToList();
        var mapped = fixture.Portal.Functions.OfType<HttpFunction>()
            .Where(f => f.ClassType.Assembly == typeof(Portal.Functions.Shared.HealthFunctions).Assembly)
            .SelectMany(f => f.Verbs.Select(verb =>
                $"{verb} /api/{System.Text.RegularExpressions.Regex.Replace(f.Route, @"\{\*?([^}:=?]+)[^}]*\}", "{$1}")} " +
                (f.Verbs.Count == 1 ? f.Name : f.Name + verb[0] + verb[1..].ToLowerInvariant())))
            .Order().ToList();

        Assert.NotEmpty(mapped);
        Assert.Equal(mapped, documented);
        Assert.Equal("3.1.0", document["openapi"]!.GetValue<string>());
    }

    [Fact]
    public void The_document_is_the_same_bytes_on_every_build_and_is_written_by_the_command()
    {
        var path = Path.Combine(Path.GetTempPath(), "openapi-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var operations = PortalOpenApi.Write(path);

            var written = File.ReadAllText(path);
            Assert.Equal(OpenApiDocument.Serialize(PortalOpenApi.Build()), written);
            using var parsed = JsonDocument.Parse(written);
            Assert.Equal(operations, parsed.RootElement.GetProperty("paths").EnumerateObject().Sum(p => p.Value.EnumerateObject().Count()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// docs/openapi.json is what integrators read and what the front end's types are generated from: a change to a
    /// function's contract or to a request/response type must regenerate it, or this fails.
    /// </summary>
    [Fact]
    public async Task The_committed_document_is_current_and_is_what_the_API_serves()
    {
        var committed = await File.ReadAllTextAsync(Path.Combine(PortalFixture.RepositoryRoot, "docs", "openapi.json"));
        var current = OpenApiDocument.Serialize(PortalOpenApi.Build());
        Assert.True(committed == current,
            "docs/openapi.json is stale. Regenerate it (and the front end's API types) with scripts/update-openapi.sh");

        using var client = fixture.CreateClient();
        var served = await client.GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        using var servedJson = JsonDocument.Parse(await served.Content.ReadAsStringAsync());
        using var committedJson = JsonDocument.Parse(committed);
        Assert.True(JsonElement.DeepEquals(committedJson.RootElement, servedJson.RootElement), "GET /api/openapi.json differs from docs/openapi.json.");
    }

    [Fact]
    public async Task The_documented_session_cookie_is_the_one_sign_in_sets()
    {
        using var client = fixture.CreateClient();

        var response = await client.SignInAsync("anna@northwind.example", "northwind-demo-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Plain http on loopback gets the local cookie; over HTTPS it is the same name with the __Host- prefix.
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(OpenApiDocument.LocalSessionCookie + "=", setCookie);
        Assert.Equal("__Host-" + OpenApiDocument.LocalSessionCookie, OpenApiDocument.SessionCookie);
    }
}
