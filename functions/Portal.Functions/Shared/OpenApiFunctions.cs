using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Shared;

/// <summary>The API describes itself: the OpenAPI 3.1 document ERP integrators and the front end's types are generated from.</summary>
public sealed class OpenApiFunctions(PortalEndpoint endpoint)
{
    public const string Title = "Customer Portal API";

    /// <summary>The Function App's assembly version (major.minor.patch): stable between builds, unlike the informational version.</summary>
    public static string Version { get; } = typeof(OpenApiFunctions).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>Built once per process from the function metadata and contract attributes; the same bytes as docs/openapi.json.</summary>
    private static readonly Lazy<JsonObject> Document = new(() => OpenApiDocument.Build([typeof(OpenApiFunctions).Assembly], Title, Version));

    public static JsonObject Build() => Document.Value;

    [Function(nameof(GetOpenApi))]
    [ApiSummary("This API's OpenAPI 3.1 document")]
    [ApiAnonymous]
    [ApiResponse(200, typeof(JsonObject))]
    public Task<IActionResult> GetOpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req) =>
        endpoint.RunAsync(req, Access.Anonymous, _ => Task.FromResult<IActionResult>(ApiResult.Ok(Document.Value)));
}
