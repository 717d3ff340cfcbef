using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;

namespace Portal.Functions.Shared;

/// <summary>
/// Any address under /api that no function serves: a 404 problem like every other error, instead of the host's bare
/// 404. A catch-all route has the lowest precedence, so every real route still wins.
/// </summary>
public sealed class NotFoundFunctions(PortalEndpoint endpoint)
{
    [Function(nameof(NoSuchRoute))]
    [ApiSummary("Any other address: a 404 problem")]
    [ApiResponse(404)]
    [ApiAnonymous]
    public Task<IActionResult> NoSuchRoute(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", Route = "{*path}")] HttpRequest req, string path) =>
        endpoint.RunAsync(req, Access.Anonymous, _ => throw Problems.NotFound("This address"));
}
